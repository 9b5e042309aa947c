package glyphstream.serve;

import glyphstream.broker.TopicCreator;
import glyphstream.config.GlyphConfig;
import glyphstream.config.Settings;
import glyphstream.wire.Topics;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The running serve command: loads the models, makes sure the topics exist, starts Kafka Streams on
 * the generation topology and the models-folder watcher, and stops them all on {@link #close}.
 */
public final class GenerationService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GenerationService.class);
    private static final long FOLDER_POLL_MS = 2_000;

    private final KafkaStreams streams;
    private final ModelFolderWatcher watcher;
    private final ModelRegistry models;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private GenerationService(KafkaStreams streams, ModelFolderWatcher watcher, ModelRegistry models) {
        this.streams = streams;
        this.watcher = watcher;
        this.models = models;
    }

    /** @param config with bootstrap.servers resolved */
    public static GenerationService start(GlyphConfig config, GeneratorLoader loader) throws Exception {
        LOG.info("{}", ComputeBackend.describe());
        ModelRegistry models = new ModelRegistry(loader);
        ModelFolderWatcher watcher = new ModelFolderWatcher(Path.of(config.get(Settings.MODELS_DIR)), models)
                .start(FOLDER_POLL_MS);
        Path modelFile = Path.of(config.get(Settings.MODEL_FILE));
        if (!Files.isRegularFile(modelFile)) {
            watcher.close();
            throw new IllegalArgumentException("no model checkpoint at " + modelFile + " (set --model or model.file)");
        }
        models.registerFile(modelFile, true);
        LOG.info("serving model {} from {}; batch.max.size={} batch.max.delay.ms={} commit.interval.ms={} "
                        + "num.stream.threads={} processing.guarantee={} state.dir={} brokers={}",
                models.current().version(), modelFile, config.get(Settings.BATCH_MAX_SIZE),
                config.get(Settings.BATCH_MAX_DELAY_MS), config.get(Settings.COMMIT_INTERVAL_MS),
                config.get(Settings.STREAM_THREADS), config.get(Settings.PROCESSING_GUARANTEE),
                config.get(Settings.STATE_DIR), config.get(Settings.BOOTSTRAP_SERVERS));

        ensureTopics(config);
        Topology topology = GenerationTopology.buildTopology(config, models);
        LOG.debug("topology:\n{}", topology.describe());
        KafkaStreams streams = new KafkaStreams(topology, GenerationStreamsConfig.streamsConfig(config));
        streams.setUncaughtExceptionHandler(new ReplaceThreadUnlessLooping());
        GenerationService service = new GenerationService(streams, watcher, models);
        streams.setStateListener((now, before) -> {
            LOG.info("streams {} -> {}", before, now);
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                service.stopped.countDown();
            }
        });
        models.addListener(model -> LOG.info("now drawing with model {} ({})", model.version(), model.origin()));
        streams.start();
        return service;
    }

    /** The global model store needs its topic before start; KafkaConnection made them, this covers other callers. */
    static void ensureTopics(GlyphConfig config) {
        List<String> created = TopicCreator.ensureTopics(config.get(Settings.BOOTSTRAP_SERVERS),
                config.kafkaClientProperties(), new Topics(config), TopicCreator.CLUSTER_DEFAULT_REPLICATION);
        if (!created.isEmpty()) {
            LOG.info("created topics {}", created);
        }
    }

    public KafkaStreams streams() {
        return streams;
    }

    public ModelRegistry models() {
        return models;
    }

    /** Blocks until Kafka Streams stops (close, or a fatal error). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    public boolean failed() {
        return streams.state() == KafkaStreams.State.ERROR;
    }

    @Override
    public void close() {
        watcher.close();
        streams.close(Duration.ofSeconds(30));
        stopped.countDown();
    }
}
