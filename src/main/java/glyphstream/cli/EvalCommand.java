package glyphstream.cli;

import glyphstream.data.IdxFiles;
import glyphstream.data.LabeledImages;
import glyphstream.eval.DigitClassifier;
import glyphstream.eval.EvalReport;
import glyphstream.eval.Evaluator;
import glyphstream.model.DigitGenerator;
import glyphstream.model.GeneratorCheckpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Measures a generator against the real held-out digits; see docs/model.md for the metrics. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a generator on the real held-out digits: label fidelity, CAS, FID, diversity.")
public final class EvalCommand implements Callable<Integer> {

    static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";

    @Option(names = "--model", defaultValue = "models/generator.zip", description = "Generator checkpoint (default: ${DEFAULT-VALUE}).")
    Path model;

    @Option(names = "--classifier", defaultValue = "models/classifier.zip", description = "Judge classifier (default: ${DEFAULT-VALUE}).")
    Path classifier;

    @Option(names = "--data", defaultValue = "data/mnist", description = "Directory with the IDX split (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--json", description = "Also write the report as JSON to this file.")
    Path json;

    @Option(names = "--cas-epochs", defaultValue = "2", description = "Epochs of the classifier trained on generated images (default: ${DEFAULT-VALUE}).")
    int casEpochs;

    @Override
    public Integer call() throws IOException {
        for (String name : new String[]{TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS}) {
            if (!Files.isRegularFile(data.resolve(name))) {
                throw new IllegalArgumentException(data.resolve(name) + " is missing; run `./glyphstream data fetch` first");
            }
        }
        if (!Files.isRegularFile(model)) {
            throw new IllegalArgumentException("generator checkpoint not found: " + model);
        }
        if (!Files.isRegularFile(classifier)) {
            throw new IllegalArgumentException("classifier not found: " + classifier + " (the shipped one is models/classifier.zip; "
                    + "`./glyphstream train-classifier` rebuilds it)");
        }
        if (casEpochs <= 0) {
            throw new IllegalArgumentException("--cas-epochs must be > 0, got " + casEpochs);
        }
        LabeledImages train = IdxFiles.read(data.resolve(TRAIN_IMAGES), data.resolve(TRAIN_LABELS), "mnist-train", 10);
        LabeledImages test = IdxFiles.read(data.resolve(TEST_IMAGES), data.resolve(TEST_LABELS), "mnist-test", 10);
        DigitGenerator generator = GeneratorCheckpoint.load(model);
        Evaluator.Settings defaults = Evaluator.Settings.defaults();
        Evaluator.Settings settings = new Evaluator.Settings(defaults.fidelityPerClass(), defaults.diversityPerClass(),
                defaults.casPerClass(), casEpochs, defaults.seed());
        System.out.println("evaluating " + generator.info().version() + " (about 2 minutes on 2 cores: fidelity, FID and "
                + "diversity, then a classifier trained on generated digits for CAS)...");
        EvalReport report = new Evaluator(DigitClassifier.load(classifier), settings).evaluate(generator, train, test);
        System.out.println("model " + generator.info().version() + " on " + test.size() + " held-out digits");
        System.out.print(report.toMarkdown());
        System.out.println(report.meetsQualityBar() ? "quality bar: met"
                : "quality bar: NOT met (" + String.join("; ", report.missedBars()) + ")");
        if (json != null) {
            Path parent = json.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(json, report.toJson());
        }
        return 0;
    }
}
