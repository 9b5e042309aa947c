package glyphstream.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlyphConfigTest {

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path f = dir.resolve("glyph.properties");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void shouldUseDefaultsWhenNothingIsGiven() {
        assertEquals("glyph.training", GlyphConfig.defaults().get(Settings.TOPIC_TRAINING));
    }

    @Test
    void shouldLayerDefaultsThenFileThenEnvironmentThenFlags() throws IOException {
        Path f = file("topic.training=from-file\ntopic.models=from-file\ntopic.images=from-file\n");
        Map<String, String> env = Map.of("GLYPHSTREAM_TOPIC_MODELS", "from-env", "GLYPHSTREAM_TOPIC_IMAGES", "from-env");
        Map<String, String> flags = Map.of("topic.images", "from-flag");

        GlyphConfig config = GlyphConfig.load(f, env, flags);

        assertEquals("glyph.requests", config.get(Settings.TOPIC_REQUESTS)); // default
        assertEquals("from-file", config.get(Settings.TOPIC_TRAINING));     // file over default
        assertEquals("from-env", config.get(Settings.TOPIC_MODELS));        // env over file
        assertEquals("from-flag", config.get(Settings.TOPIC_IMAGES));       // flag over env
    }

    @Test
    void shouldPassUnknownKeysThroughToKafkaClients() throws IOException {
        Path f = file("security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nbatch.max.size=64\n");
        Map<String, Object> kafka = GlyphConfig.load(f, Map.of(), Map.of("bootstrap.servers", "b:9093")).kafkaClientProperties();
        assertEquals("SASL_SSL", kafka.get("security.protocol"));
        assertEquals("PLAIN", kafka.get("sasl.mechanism"));
        assertEquals("b:9093", kafka.get("bootstrap.servers"));
        assertFalse(kafka.containsKey("batch.max.size"), "glyphstream settings are not Kafka client settings");
        assertFalse(kafka.containsKey("topic.training"));
    }

    @Test
    void shouldNameAMissingConfigFile() {
        Path missing = dir.resolve("nope.properties");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GlyphConfig.load(missing, Map.of(), Map.of()));
        assertEquals(missing + ": no such configuration file", e.getMessage());
    }

    @Test
    void shouldGiveOneLineForAnUnreadablePropertiesFile() throws IOException {
        Path bad = file("topic.training=\\u12\n"); // malformed unicode escape
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GlyphConfig.load(bad, Map.of(), Map.of()));
        assertTrue(e.getMessage().startsWith(bad + ": cannot read properties"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void shouldNameTheSettingOfABadNumber() {
        GlyphConfig config = GlyphConfig.load(null, Map.of("GLYPHSTREAM_TOPIC_PARTITIONS", "four"), Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> config.getPositiveInt(Settings.TOPIC_PARTITIONS));
        assertEquals("topic.partitions must be a whole number, got \"four\"", e.getMessage());
    }

    @Test
    void shouldDeriveEnvironmentNamesFromKeys() {
        assertEquals("GLYPHSTREAM_BATCH_MAX_DELAY_MS", Settings.BATCH_MAX_DELAY_MS.envVar());
        assertTrue(Settings.ALL.stream().allMatch(s -> s.doc() != null && !s.doc().isBlank()));
    }
}
