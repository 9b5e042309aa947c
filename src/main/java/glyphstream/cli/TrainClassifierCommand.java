package glyphstream.cli;

import glyphstream.data.IdxFiles;
import glyphstream.data.LabeledImages;
import glyphstream.eval.DigitClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Trains the judge classifier of `eval` on the real training split only. */
@Command(name = "train-classifier", mixinStandardHelpOptions = true,
        description = "Train the evaluation classifier (small CNN) on the real training split; prints its test accuracy.")
public final class TrainClassifierCommand implements Callable<Integer> {

    @Option(names = "--data", defaultValue = "data/mnist", description = "Directory with the IDX split (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--out", defaultValue = "models/classifier.zip", description = "Where to save it (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--epochs", defaultValue = "8", description = "Training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of weights and shuffling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        if (epochs <= 0) {
            throw new IllegalArgumentException("--epochs must be > 0, got " + epochs);
        }
        for (String name : new String[]{EvalCommand.TRAIN_IMAGES, EvalCommand.TRAIN_LABELS, EvalCommand.TEST_IMAGES, EvalCommand.TEST_LABELS}) {
            if (!Files.isRegularFile(data.resolve(name))) {
                throw new IllegalArgumentException(data.resolve(name) + " is missing; run `./glyphstream data fetch` first");
            }
        }
        LabeledImages train = IdxFiles.read(data.resolve(EvalCommand.TRAIN_IMAGES), data.resolve(EvalCommand.TRAIN_LABELS), "mnist-train", 10);
        LabeledImages test = IdxFiles.read(data.resolve(EvalCommand.TEST_IMAGES), data.resolve(EvalCommand.TEST_LABELS), "mnist-test", 10);
        long start = System.nanoTime();
        DigitClassifier classifier = DigitClassifier.create(train.width(), train.height(), 10, seed).fit(train, epochs, 64, seed);
        double accuracy = classifier.accuracy(test);
        classifier.save(out);
        System.out.printf(Locale.ROOT, "classifier: %d epochs in %.0f s, real test accuracy %.4f, saved to %s%n",
                epochs, (System.nanoTime() - start) / 1e9, accuracy, out);
        return 0;
    }
}
