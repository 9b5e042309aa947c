package glyphstream.cli;

import glyphstream.broker.KafkaConnection;
import glyphstream.train.ModelAnnouncer;
import glyphstream.train.Trainer;
import glyphstream.train.TrainingOptions;
import glyphstream.train.TrainingResult;
import glyphstream.train.TrainingTopicReader;
import glyphstream.wire.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the conditional GAN from the training topic. Each epoch covers every example in the",
                "topic when it begins; each checkpoint is announced on the model topic, carrying the model."})
public final class TrainCommand implements Callable<Integer> {

    private static final TrainingOptions DEFAULTS = TrainingOptions.defaults();

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--epochs", description = "Epochs to run (default: ${DEFAULT-VALUE}).")
    int epochs = DEFAULTS.epochs();

    @Option(names = "--batch-size", description = "Real images per step (default: ${DEFAULT-VALUE}).")
    int batchSize = DEFAULTS.batchSize();

    @Option(names = "--generator-lr", description = "Adam learning rate of the generator (default: ${DEFAULT-VALUE}).")
    double generatorLr = DEFAULTS.generatorLr();

    @Option(names = "--discriminator-lr", description = "Adam learning rate of the discriminator (default: ${DEFAULT-VALUE}).")
    double discriminatorLr = DEFAULTS.discriminatorLr();

    @Option(names = "--ema", description = "Moving-average decay of the sampling generator, 0 = off (default: ${DEFAULT-VALUE}).")
    double emaDecay = DEFAULTS.emaDecay();

    @Option(names = "--seed", description = "Seed of weights, order and latents (default: ${DEFAULT-VALUE}).")
    long seed = DEFAULTS.seed();

    @Option(names = "--out", description = "Folder for checkpoints, sample grids and the loss curve (default: ${DEFAULT-VALUE}).")
    Path outputDir = DEFAULTS.outputDir();

    @Option(names = "--name", description = "Checkpoint name: <out>/<name>.zip (default: ${DEFAULT-VALUE}).")
    String modelName = DEFAULTS.modelName();

    @Option(names = "--resume", paramLabel = "STATE.zip", description = "Continue from a training-state file (<out>/<name>-state.zip).")
    Path resumeFrom;

    @Option(names = "--samples-every", description = "Write a sample grid every N epochs (default: ${DEFAULT-VALUE}).")
    int samplesEvery = DEFAULTS.samplesEveryEpochs();

    @Option(names = "--no-announce", description = "Do not publish checkpoints on the model topic.")
    boolean noAnnounce;

    @Override
    public Integer call() throws Exception {
        TrainingOptions options = new TrainingOptions(epochs, batchSize, generatorLr, discriminatorLr, DEFAULTS.beta1(),
                emaDecay, seed, outputDir, modelName, resumeFrom, samplesEvery, true).validate();
        try (KafkaConnection connection = kafka.connect()) {
            Topics topics = new Topics(connection.config());
            try (TrainingTopicReader reader = new TrainingTopicReader(connection.clientProperties(), topics.training.name());
                 ModelAnnouncer announcer = new ModelAnnouncer(connection.clientProperties(), topics.models.name())) {
                Trainer trainer = new Trainer();
                if (!noAnnounce) {
                    trainer.addListener((file, metadata) -> {
                        try {
                            announcer.announce(modelName, file, metadata.modelVersion(), metadata.dataset(), metadata.epochs());
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(file + ": cannot announce (" + e.getMessage() + ")", e);
                        }
                    });
                }
                TrainingResult result = trainer.train(reader::readAll, options);
                System.out.printf("trained %s in %.0f s: checkpoint %s, resume state %s, samples and loss curve under %s%n",
                        result.metadata().modelVersion(), result.seconds(), result.checkpoint(), result.state(), outputDir);
                if (reader.skipped() > 0) {
                    System.out.println("skipped " + reader.skipped() + " unreadable training records");
                }
                return 0;
            }
        }
    }
}
