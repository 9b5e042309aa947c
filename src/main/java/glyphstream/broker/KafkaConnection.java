package glyphstream.broker;

import glyphstream.config.GlyphConfig;
import glyphstream.config.Settings;
import glyphstream.wire.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a command talks to Kafka: the configured brokers when given; else a broker already
 * answering on localhost:9092 (for instance {@code ./glyphstream broker} in another terminal); else
 * an embedded broker started on localhost:9092 with its data in ./data/kafka, which lives as long as
 * this connection. Either way glyphstream's topics exist once this returns.
 */
public final class KafkaConnection implements AutoCloseable {

    public enum Kind { CONFIGURED, LOCAL, EMBEDDED }

    private static final Logger log = LoggerFactory.getLogger(KafkaConnection.class);
    private static final int PROBE_TIMEOUT_MS = 1500;
    /** Generous: a busy 2-core machine (training, a service) can take seconds to answer the first call. */
    private static final int ANSWER_TIMEOUT_MS = 15_000;

    private final Kind kind;
    private final GlyphConfig config;
    private final EmbeddedBroker embedded;

    private KafkaConnection(Kind kind, GlyphConfig config, EmbeddedBroker embedded) {
        this.kind = kind;
        this.config = config;
        this.embedded = embedded;
    }

    /** Resolves the brokers as described above, with the embedded broker's data in ./data/kafka. */
    public static KafkaConnection open(GlyphConfig config) {
        return open(config, EmbeddedBroker.DEFAULT_DATA_DIR, EmbeddedBroker.DEFAULT_PORT);
    }

    /** As {@link #open(GlyphConfig)} with another local port and data directory (tests). */
    public static KafkaConnection open(GlyphConfig config, Path embeddedDataDir, int localPort) {
        String localBootstrap = "localhost:" + localPort;
        String configured = config.get(Settings.BOOTSTRAP_SERVERS);
        KafkaConnection connection;
        if (configured != null && !configured.isBlank()) {
            requireReachable(configured);
            connection = new KafkaConnection(Kind.CONFIGURED, config, null);
            log.info("Kafka: using {} (configured)", configured);
        } else if (answersAsKafka(localBootstrap, config.kafkaClientProperties())) {
            connection = new KafkaConnection(Kind.LOCAL, config.with(Settings.BOOTSTRAP_SERVERS, localBootstrap), null);
            log.info("Kafka: using the broker already running on {}", localBootstrap);
        } else {
            EmbeddedBroker broker = EmbeddedBroker.start(localPort, embeddedDataDir);
            connection = new KafkaConnection(Kind.EMBEDDED,
                    config.with(Settings.BOOTSTRAP_SERVERS, broker.bootstrapServers()), broker);
            log.info("Kafka: nothing answered on {}, so started an embedded broker there (data in {}); "
                    + "it stops when this command ends", localBootstrap, embeddedDataDir);
        }
        try {
            connection.ensureTopics();
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /**
     * Fails fast, in one line, when no configured bootstrap server accepts a TCP connection: the Kafka
     * clients would otherwise retry for a minute, logging a WARN each second.
     */
    static void requireReachable(String bootstrapServers) {
        String lastProblem = "";
        for (String server : bootstrapServers.split(",")) {
            String hostPort = server.strip().replaceFirst("^[A-Za-z_]+://", "");
            int colon = hostPort.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("bootstrap server \"" + server.strip() + "\" is not HOST:PORT");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(hostPort.substring(0, colon),
                        Integer.parseInt(hostPort.substring(colon + 1))), 5000);
                return;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bootstrap server \"" + server.strip() + "\" has no valid port");
            } catch (java.net.UnknownHostException e) {
                lastProblem = hostPort + ": unknown host";
            } catch (IOException | IllegalArgumentException e) {
                lastProblem = hostPort + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
        throw new IllegalStateException("cannot reach Kafka at " + bootstrapServers + " (" + lastProblem + ")");
    }

    /** True when something accepts TCP connections on host:port (within the short probe timeout). */
    public static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), PROBE_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when something on {@code bootstrap} speaks Kafka; a closed port is ruled out without a client. */
    static boolean answersAsKafka(String bootstrap, Map<String, Object> clientProperties) {
        return answersAsKafka(bootstrap, clientProperties, ANSWER_TIMEOUT_MS);
    }

    static boolean answersAsKafka(String bootstrap, Map<String, Object> clientProperties, int answerTimeoutMs) {
        String[] hostPort = bootstrap.split(":");
        // A plain TCP connect first: the Kafka client would log a WARN for every refused connection.
        if (!listening(hostPort[0], Integer.parseInt(hostPort[1]))) {
            return false;
        }
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, answerTimeoutMs);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, answerTimeoutMs);
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(answerTimeoutMs))
                    .clusterId().get(answerTimeoutMs + 500L, TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            log.warn("Kafka: {} accepts connections but does not answer as a Kafka broker ({})",
                    bootstrap, EmbeddedBroker.rootMessage(e));
            return false;
        }
    }

    private void ensureTopics() {
        Topics topics = new Topics(config);
        // Our own broker has one node; any other cluster decides with its default.replication.factor.
        short replication = kind == Kind.EMBEDDED ? (short) 1 : TopicCreator.CLUSTER_DEFAULT_REPLICATION;
        var created = TopicCreator.ensureTopics(bootstrapServers(), config.kafkaClientProperties(), topics, replication);
        if (!created.isEmpty()) {
            log.info("Kafka: created topics {}", created);
        }
    }

    public Kind kind() {
        return kind;
    }

    public String bootstrapServers() {
        return config.get(Settings.BOOTSTRAP_SERVERS);
    }

    /** The command's configuration with bootstrap.servers set to the resolved brokers. */
    public GlyphConfig config() {
        return config;
    }

    /** Settings for Kafka clients: pass-through settings from the configuration plus the resolved brokers. */
    public Map<String, Object> clientProperties() {
        return config.kafkaClientProperties();
    }

    /** Stops the embedded broker if this connection started one. */
    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
