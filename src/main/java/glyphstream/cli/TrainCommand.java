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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the conditional GAN from the training topic and announce each checkpoint.",
                "Each epoch covers every example in the topic when it begins; each checkpoint is published",
                "on the model topic with the model inside, so running servers switch to it."})
public final class TrainCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    TrainingFlags training;

    @Option(names = "--no-announce", description = "Do not publish checkpoints on the model topic.")
    boolean noAnnounce;

    @Override
    public Integer call() throws Exception {
        TrainingOptions options = training.options();
        try (KafkaConnection connection = kafka.connect()) {
            Topics topics = new Topics(connection.config());
            try (TrainingTopicReader reader = new TrainingTopicReader(connection.clientProperties(), topics.training.name());
                 ModelAnnouncer announcer = new ModelAnnouncer(connection.clientProperties(), topics.models.name())) {
                Trainer trainer = new Trainer();
                if (!noAnnounce) {
                    trainer.addListener((file, metadata) -> {
                        try {
                            announcer.announce(options.modelName(), file, metadata.modelVersion(), metadata.dataset(), metadata.epochs());
                        } catch (IOException e) {
                            throw new UncheckedIOException(file + ": cannot announce (" + e.getMessage() + ")", e);
                        }
                    });
                }
                TrainingResult result = trainer.train(reader::readAll, options);
                System.out.printf("trained %s in %.0f s: checkpoint %s (resume with --resume %s); samples and loss curve under %s%n",
                        result.metadata().modelVersion(), result.seconds(), result.checkpoint(), result.state(), options.outputDir());
                if (reader.skipped() > 0) {
                    System.out.println("skipped " + reader.skipped() + " unreadable training records");
                }
                return 0;
            }
        }
    }
}
