package glyphstream.broker;

import glyphstream.wire.Topics;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka (KRaft, combined broker + controller) running in this JVM, built
 * directly on Kafka's own {@link KafkaRaftServer} rather than KafkaClusterTestKit: the server is in
 * kafka_2.13, already on the runtime class path (the test kit is a separate, test-scoped artifact),
 * and used directly it lets us choose the port (9092 for users), the data directory, and restart on
 * that directory with its data.
 *
 * <p>Not for production: one replica, so every internal topic is set to replication factor 1.
 */
public final class EmbeddedBroker implements AutoCloseable {

    public static final int DEFAULT_PORT = 9092;
    public static final Path DEFAULT_DATA_DIR = Path.of("data", "kafka");
    private static final int NODE_ID = 1;
    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final Path dataDir;
    private final int port;
    private final KafkaRaftServer server;
    private boolean closed;

    private EmbeddedBroker(Path dataDir, int port, KafkaRaftServer server) {
        this.dataDir = dataDir;
        this.port = port;
        this.server = server;
    }

    /**
     * Formats {@code dataDir} if it is new (an existing one keeps its topics and records), starts the
     * broker on localhost:{@code port} (0: a free port) and returns once it answers clients.
     */
    public static EmbeddedBroker start(int port, Path dataDir) {
        quietBrokerLogs();
        Path dir = dataDir.toAbsolutePath().normalize();
        int clientPort = port == 0 ? freePort() : port;
        int controllerPort = freePort();
        KafkaConfig config = KafkaConfig.fromProps(brokerProperties(dir, clientPort, controllerPort), false);
        try {
            Files.createDirectories(dir);
            refuseIfInUse(dir);
            formatIfNew(config, dir);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare Kafka data directory " + dir + ": " + e.getMessage(), e);
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            shutdownQuietly(server);
            throw new IllegalStateException("embedded Kafka broker did not start on localhost:" + clientPort
                    + " (" + rootMessage(e) + ")", e);
        }
        EmbeddedBroker broker = new EmbeddedBroker(dir, clientPort, server);
        try {
            broker.awaitClients(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        log.debug("embedded Kafka broker up on {} (data in {})", broker.bootstrapServers(), dir);
        return broker;
    }

    /** Starts the broker and creates glyphstream's topics on it (those already there are kept). */
    public static EmbeddedBroker startWithTopics(int port, Path dataDir, Topics topics) {
        EmbeddedBroker broker = start(port, dataDir);
        try {
            TopicCreator.ensureTopics(broker.bootstrapServers(), Map.of(), topics, (short) 1);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the broker; its data stays in {@link #dataDir()} for the next start. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            shutdownQuietly(server);
            log.debug("embedded Kafka broker on localhost:{} stopped", port);
        }
    }

    static Properties brokerProperties(Path dir, int clientPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        // A static voter set (kraft.version 0): the controller port may change between restarts.
        p.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + clientPort + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + clientPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dir.toString());
        // One node: internal topics default to 3 replicas, and consumers and transactions hang waiting for them.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        // Nobody else will join the group: don't wait 3 s for them at each first rebalance.
        p.put("group.initial.rebalance.delay.ms", "0");
        // Model announcements carry the checkpoint: a few MB, up to Topics.MODEL_TOPIC_MAX_BYTES.
        String maxBytes = String.valueOf(Topics.MODEL_TOPIC_MAX_BYTES + 64 * 1024);
        p.put("message.max.bytes", maxBytes);
        p.put("replica.fetch.max.bytes", maxBytes);
        p.put("socket.request.max.bytes", String.valueOf(Topics.MODEL_TOPIC_MAX_BYTES + 1024 * 1024));
        // The compaction cleaner's default 128 MB buffer is far more than our compacted topics need.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        p.put("auto.create.topics.enable", "false");
        return p;
    }

    /**
     * Kafka locks its data directory only once the broker half starts; by then the controller half
     * already writes the metadata log, and a second broker on the same directory can crash the first.
     * So check Kafka's own lock file before starting anything.
     */
    private static void refuseIfInUse(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException(inUse(dir));
            }
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException(inUse(dir), e);
        }
    }

    private static String inUse(Path dir) {
        return "Kafka data directory " + dir + " is in use by another broker (is ./glyphstream broker already "
                + "running? then other commands find it on localhost:9092 by themselves)";
    }

    private static void formatIfNew(KafkaConfig config, Path dir) throws Exception {
        if (Files.exists(dir.resolve("meta.properties"))) {
            return; // formatted before: keep its cluster id and data
        }
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(config.metadataLogDir())
                .addDirectory(dir.toString())
                .run();
    }

    private void awaitClients(Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("embedded Kafka broker on " + bootstrapServers()
                    + " does not answer clients (" + rootMessage(e) + ")", e);
        }
    }

    private static void shutdownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.warn("embedded Kafka broker shut down with an error: {}", rootMessage(e));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free local port: " + e.getMessage(), e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /**
     * The broker logs a lot at INFO and a few harmless WARNs at each start and stop; keep its own
     * packages at ERROR and the Kafka clients at WARN, unless the user asked for detail (-v sets the
     * default level to info) or configured those loggers. slf4j-simple reads these per logger, at creation.
     */
    private static void quietBrokerLogs() {
        String defaultLevel = System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "");
        if (defaultLevel.equals("info") || defaultLevel.equals("debug") || defaultLevel.equals("trace")) {
            return;
        }
        Map<String, String> levels = new java.util.LinkedHashMap<>();
        for (String serverPackage : List.of("kafka", "state.change.logger", "org.apache.kafka.controller",
                "org.apache.kafka.raft", "org.apache.kafka.metadata", "org.apache.kafka.image",
                "org.apache.kafka.server", "org.apache.kafka.storage", "org.apache.kafka.coordinator",
                // the broker's controller channel WARNs "already closed" at each shutdown (harmless)
                "org.apache.kafka.clients.NetworkClient")) {
            levels.put(serverPackage, "error");
        }
        levels.put("org.apache.kafka", "warn");
        levels.forEach((name, level) -> {
            String key = "org.slf4j.simpleLogger.log." + name;
            if (System.getProperty(key) == null) {
                System.setProperty(key, level);
            }
        });
    }
}
