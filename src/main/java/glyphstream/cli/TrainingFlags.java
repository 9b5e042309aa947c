package glyphstream.cli;

import glyphstream.train.TrainingOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The Trainer's options as command-line flags, for any command that trains (@Mixin TrainingFlags).
 * Defaults are those of the shipped model ({@link TrainingOptions#defaults()}).
 */
public final class TrainingFlags {

    private static final TrainingOptions D = TrainingOptions.defaults();

    @Option(names = "--epochs", description = "Epochs to run (default: ${DEFAULT-VALUE}).")
    int epochs = D.epochs();

    @Option(names = "--batch-size", description = "Real images per step (default: ${DEFAULT-VALUE}).")
    int batch = D.batchSize();

    @Option(names = "--generator-lr", description = "Generator Adam learning rate (default: ${DEFAULT-VALUE}).")
    double generatorLr = D.generatorLr();

    @Option(names = "--discriminator-lr", description = "Discriminator Adam learning rate (default: ${DEFAULT-VALUE}).")
    double discriminatorLr = D.discriminatorLr();

    @Option(names = "--beta1", description = "Adam beta1 (default: ${DEFAULT-VALUE}).")
    double beta1 = D.beta1();

    @Option(names = "--ema", description = "Decay of the generator weight average used for sampling, 0 = off (default: ${DEFAULT-VALUE}).")
    double ema = D.emaDecay();

    @Option(names = "--seed", description = "Seed of weights, order, latents, dropout (default: ${DEFAULT-VALUE}).")
    long seed = D.seed();

    @Option(names = "--out", description = "Output directory for checkpoints, samples, loss curve (default: ${DEFAULT-VALUE}).")
    Path out = D.outputDir();

    @Option(names = "--name", description = "Checkpoint name: OUT/NAME.zip and OUT/NAME-state.zip (default: ${DEFAULT-VALUE}).")
    String name = D.modelName();

    @Option(names = "--resume", description = "Continue from this training-state file (OUT/NAME-state.zip of an earlier run).")
    Path resume;

    @Option(names = "--samples-every", description = "Write a sample grid every N epochs (default: ${DEFAULT-VALUE}).")
    int samplesEvery = D.samplesEveryEpochs();

    @Option(names = "--lr-decay-epochs", description = "Over the last N epochs, learning rates fall linearly to 10%% (default: ${DEFAULT-VALUE}).")
    int lrDecayEpochs = D.lrDecayEpochs();

    @Option(names = "--no-progress", description = "No progress bar (e.g. for logs).")
    boolean noProgress;

    public TrainingOptions options() {
        return new TrainingOptions(epochs, batch, generatorLr, discriminatorLr, beta1, ema, seed, out, name, resume,
                samplesEvery, !noProgress, lrDecayEpochs).validate();
    }
}
