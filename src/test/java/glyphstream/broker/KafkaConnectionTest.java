package glyphstream.broker;

import glyphstream.config.GlyphConfig;
import glyphstream.config.Settings;
import glyphstream.wire.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaConnectionTest {

    @TempDir
    static Path brokerDir;
    @TempDir
    Path otherDir;

    private static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(0, brokerDir);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private static Set<String> topicsOn(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.listTopics().names().get();
        }
    }

    @Test
    void shouldUseTheConfiguredBrokersAndCreateTheTopicsThere() throws Exception {
        GlyphConfig config = GlyphConfig.defaults().with(Settings.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                .with(Settings.TOPIC_REQUESTS, "configured.requests");
        try (KafkaConnection connection = KafkaConnection.open(config, otherDir, freePort())) {
            assertEquals(KafkaConnection.Kind.CONFIGURED, connection.kind());
            assertEquals(broker.bootstrapServers(), connection.bootstrapServers());
            assertEquals(broker.bootstrapServers(), connection.clientProperties().get("bootstrap.servers"));
        }
        assertTrue(topicsOn(broker.bootstrapServers()).contains("configured.requests"));
    }

    @Test
    void shouldUseABrokerThatAlreadyAnswersOnTheLocalPort() throws Exception {
        try (KafkaConnection connection = KafkaConnection.open(GlyphConfig.defaults(), otherDir, broker.port())) {
            assertEquals(KafkaConnection.Kind.LOCAL, connection.kind());
            assertEquals("localhost:" + broker.port(), connection.bootstrapServers());
        }
        assertTrue(topicsOn(broker.bootstrapServers()).containsAll(Set.of("glyph.training", "glyph.models")));
    }

    @Test
    void shouldStartAnEmbeddedBrokerWhenNothingAnswersAndStopItOnClose() throws Exception {
        int port = freePort();
        try (KafkaConnection connection = KafkaConnection.open(GlyphConfig.defaults(), otherDir, port)) {
            assertEquals(KafkaConnection.Kind.EMBEDDED, connection.kind());
            assertEquals("localhost:" + port, connection.bootstrapServers());
            Topics topics = new Topics(connection.config());
            assertTrue(topicsOn(connection.bootstrapServers()).contains(topics.training.name()));
        }
        assertFalse(KafkaConnection.answersAsKafka("localhost:" + port, Map.of()), "stopped with the connection");
    }

    @Test
    void shouldFailInOneLineWhenTheConfiguredBrokersAreUnreachable() throws Exception {
        int closed = freePort();
        GlyphConfig config = GlyphConfig.defaults().with(Settings.BOOTSTRAP_SERVERS, "localhost:" + closed);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KafkaConnection.open(config, otherDir, freePort()));
        assertTrue(e.getMessage().startsWith("cannot reach Kafka at localhost:" + closed), e.getMessage());
        IllegalArgumentException noPort = assertThrows(IllegalArgumentException.class, () -> KafkaConnection.open(
                GlyphConfig.defaults().with(Settings.BOOTSTRAP_SERVERS, "localhost"), otherDir, freePort()));
        assertEquals("bootstrap server \"localhost\" is not HOST:PORT", noPort.getMessage());
    }

    @Test
    void shouldNotTakeANonKafkaServerForABroker() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertFalse(KafkaConnection.answersAsKafka("localhost:" + silent.getLocalPort(), Map.of(), 1500));
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
