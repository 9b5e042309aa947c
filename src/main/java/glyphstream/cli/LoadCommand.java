package glyphstream.cli;

import glyphstream.broker.KafkaConnection;
import glyphstream.data.LabeledImages;
import glyphstream.data.TrainingExampleProducer;
import glyphstream.data.TrainingFiles;
import glyphstream.config.GlyphConfig;
import glyphstream.config.Settings;
import glyphstream.wire.Topics;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Sends a labelled image set (IDX files, plain or .gz) to the training topic.",
                "The whole set is checked first (IDX headers, sizes, 28x28 images, labels 0..9); nothing is "
                        + "sent if any of it is wrong. Records are keyed DATASET:INDEX on a compacted topic, "
                        + "so loading a set again replaces it instead of doubling it.",
                "Fashion-MNIST: apt-get install dataset-fashion-mnist, then: load --fashion"})
public final class LoadCommand implements Callable<Integer> {

    static final Path FASHION_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    static final class Input {
        @ArgGroup(exclusive = false)
        IdxPair files;

        @Option(names = "--fashion", description = "Load Fashion-MNIST's training set from " + "/usr/share/datasets/fashion-mnist "
                + "(Debian package dataset-fashion-mnist).")
        boolean fashion;

        static final class IdxPair {
            @Option(names = "--images", required = true, paramLabel = "FILE", description = "IDX images file (idx3-ubyte, .gz or plain).")
            Path images;

            @Option(names = "--labels", required = true, paramLabel = "FILE", description = "IDX labels file (idx1-ubyte, .gz or plain).")
            Path labels;
        }
    }

    @ArgGroup(multiplicity = "1")
    Input input;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Training topic (default: topic.training, glyph.training).")
    String topic;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "Data set name: the records' source and key prefix (default: from the folder and file name, "
                    + "e.g. mnist-train).")
    String dataset;

    @Mixin
    KafkaOptions kafka;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path images = input.fashion ? FASHION_DIR.resolve("train-images-idx3-ubyte.gz") : input.files.images;
        Path labels = input.fashion ? FASHION_DIR.resolve("train-labels-idx1-ubyte.gz") : input.files.labels;
        if (input.fashion && !Files.exists(images)) {
            throw new IllegalArgumentException(images + " not found: install Fashion-MNIST with "
                    + "'apt-get install dataset-fashion-mnist' or pass --images and --labels");
        }
        String name = dataset != null ? dataset : TrainingFiles.datasetName(images);
        PrintWriter out = spec.commandLine().getOut();

        LabeledImages data = TrainingFiles.read(images, labels, name); // all checks before anything is sent
        out.printf("%s: %d images of %dx%d, valid%n", name, data.size(), data.width(), data.height());

        Map<String, String> flags = new HashMap<>();
        if (topic != null) {
            flags.put(Settings.TOPIC_TRAINING.key(), topic);
        }
        GlyphConfig config = kafka.config(flags);
        int[] perLabel;
        try (KafkaConnection connection = KafkaConnection.open(config)) {
            Topics topics = new Topics(connection.config());
            TrainingExampleProducer producer = new TrainingExampleProducer(connection.clientProperties(),
                    topics.training.name(), topics.training.valueSerde().serializer());
            try (ProgressBar bar = progressBar("load " + name, data.size())) {
                perLabel = producer.send(data, name, TrainingFiles.CLASSES, bar::stepBy);
            }
            out.printf("sent %d examples of %s to %s, all acknowledged%n", data.size(), name, topics.training.name());
        }
        for (int label = 0; label < perLabel.length; label++) {
            out.printf("  label %d: %d%n", label, perLabel[label]);
        }
        return 0;
    }

    static ProgressBar progressBar(String task, long max) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(250)
                .build();
    }
}
