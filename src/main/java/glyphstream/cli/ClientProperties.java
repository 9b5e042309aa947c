package glyphstream.cli;

import glyphstream.broker.KafkaConnection;
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
            if (!KafkaConnection.listening("localhost", 9092)) {
                throw new IllegalStateException("no Kafka broker on " + LOCAL_BROKER + ": start `./glyphstream serve` "
                        + "(or `docker compose up`) first, or give --bootstrap-servers");
            }
            props.put("bootstrap.servers", LOCAL_BROKER);
        }
        return props;
    }
}
