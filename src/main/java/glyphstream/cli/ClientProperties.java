package glyphstream.cli;

import glyphstream.config.GlyphConfig;
import glyphstream.config.Settings;

import java.util.Map;

/** Kafka client settings for commands that talk to an already running service (no embedded broker). */
final class ClientProperties {

    static final String LOCAL_BROKER = "localhost:9092";

    private ClientProperties() {
    }

    static Map<String, Object> of(GlyphConfig config) {
        Map<String, Object> props = config.kafkaClientProperties();
        if (config.get(Settings.BOOTSTRAP_SERVERS).isBlank()) {
            props.put("bootstrap.servers", LOCAL_BROKER);
        }
        return props;
    }
}
