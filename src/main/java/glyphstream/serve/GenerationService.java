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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The running serve command: loads the models, makes sure the topics exist, starts Kafka Streams on
 * the generation topology and the models-folder watcher, and stops them all on {@link #close}.
 */
public final class GenerationService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GenerationService.class);
    private static final long FOLDER_POLL_MS = 2_000;
    private static final long STATS_EVERY_S = 30;

    private final KafkaStreams streams;
    private final ModelFolderWatcher watcher;
    private final ModelRegistry models;
    private final BatchStats stats;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ScheduledExecutorService statsLog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "batch-stats-log");
        t.setDaemon(true);
        return t;
    });

    private GenerationService(KafkaStreams streams, ModelFolderWatcher watcher, ModelRegistry models, BatchStats stats) {
        this.stats = stats;
        this.streams = streams;
        this.watcher = watcher;
        this.models = models;
    }

    /**
     * Checks every serving setting before anything is started, so a bad flag costs no broker start or model load.
     * @throws IllegalArgumentException one line naming the first bad setting
     */
    public static void checkSettings(GlyphConfig config) {
        for (var setting : List.of(Settings.BATCH_MAX_SIZE, Settings.BATCH_MAX_DELAY_MS, Settings.STREAM_THREADS,
                Settings.COMMIT_INTERVAL_MS, Settings.TEXT_MAX_LENGTH, Settings.COUNT_MAX, Settings.TOPIC_PARTITIONS)) {
            config.getPositiveInt(setting);
        }
        String guarantee = config.get(Settings.PROCESSING_GUARANTEE);
        if (!List.of("exactly_once_v2", "at_least_once").contains(guarantee)) {
            throw new IllegalArgumentException(Settings.PROCESSING_GUARANTEE.key()
                    + " must be exactly_once_v2 or at_least_once, got \"" + guarantee + "\"");
        }
        Path modelFile = Path.of(config.get(Settings.MODEL_FILE));
        if (!Files.isRegularFile(modelFile)) {
            throw new IllegalArgumentException("no model checkpoint at " + modelFile + " (set --model or model.file)");
        }
    }

    /** @param config with bootstrap.servers resolved */
    public static GenerationService start(GlyphConfig config, GeneratorLoader loader) throws Exception {
        LOG.info("{}", ComputeBackend.describe());
        ModelRegistry models = new ModelRegistry(loader);
        ModelFolderWatcher watcher = new ModelFolderWatcher(Path.of(config.get(Settings.MODELS_DIR)), models)
                .start(FOLDER_POLL_MS);
        try {
            return start(config, models, watcher);
        } catch (Exception | Error e) {
            watcher.close();
            throw e;
        }
    }

    private static GenerationService start(GlyphConfig config, ModelRegistry models, ModelFolderWatcher watcher)
            throws Exception {
        Path modelFile = Path.of(config.get(Settings.MODEL_FILE));
        if (!Files.isRegularFile(modelFile)) {
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
        BatchStats stats = new BatchStats();
        Topology topology = GenerationTopology.buildTopology(config, models, stats);
        LOG.debug("topology:\n{}", topology.describe());
        KafkaStreams streams = new KafkaStreams(topology, GenerationStreamsConfig.streamsConfig(config));
        streams.setUncaughtExceptionHandler(new ReplaceThreadUnlessLooping());
        GenerationService service = new GenerationService(streams, watcher, models, stats);
        streams.setStateListener((now, before) -> {
            LOG.info("streams {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                LOG.info("ready: answering requests from {} on {}", config.get(Settings.TOPIC_REQUESTS),
                        config.get(Settings.TOPIC_IMAGES));
            } else if (now == KafkaStreams.State.REBALANCING && before == KafkaStreams.State.CREATED) {
                LOG.info("joining the consumer group and restoring the request buffer (a restart after an unclean "
                        + "stop can take tens of seconds)");
            }
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                service.stopped.countDown();
            }
        });
        models.addListener(model -> LOG.info("now drawing with model {} ({})", model.version(), model.origin()));
        streams.start();
        service.startStatsLog();
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

    /** Every 30 s with traffic, one line: how many batches and images, how big, how long a pass took. */
    private void startStatsLog() {
        BatchStats.Snapshot[] last = {stats.snapshot()};
        statsLog.scheduleAtFixedRate(() -> {
            BatchStats.Snapshot now = stats.snapshot();
            BatchStats.Snapshot delta = now.minus(last[0]);
            last[0] = now;
            if (delta.batches() > 0) {
                LOG.info("last {} s: {}", STATS_EVERY_S, delta);
            }
        }, STATS_EVERY_S, STATS_EVERY_S, TimeUnit.SECONDS);
    }

    public KafkaStreams streams() {
        return streams;
    }

    public BatchStats batchStats() {
        return stats;
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
        statsLog.shutdownNow();
        watcher.close();
        streams.close(Duration.ofSeconds(30));
        stopped.countDown();
    }
}
