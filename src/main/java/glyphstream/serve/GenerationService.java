package glyphstream.serve;

import glyphstream.config.GlyphConfig;
import glyphstream.config.Settings;
import glyphstream.wire.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

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

    /** Creates the topics that do not exist yet (replication 1 on a one-broker cluster, else up to 3). */
    static void ensureTopics(GlyphConfig config) throws InterruptedException, ExecutionException {
        Map<String, Object> adminProps = new HashMap<>(config.kafkaClientProperties());
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.get(Settings.BOOTSTRAP_SERVERS));
        try (Admin admin = Admin.create(adminProps)) {
            int brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
            short replication = (short) Math.max(1, Math.min(3, brokers));
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new Topics(config).newTopics(replication).stream()
                    .filter(t -> !existing.contains(t.name()))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                LOG.info("created topics {}", missing.stream().map(NewTopic::name).toList());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka at " + config.get(Settings.BOOTSTRAP_SERVERS)
                    + " did not answer within 30 s");
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
