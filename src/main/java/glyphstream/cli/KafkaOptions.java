package glyphstream.cli;

import glyphstream.broker.KafkaConnection;
import glyphstream.config.GlyphConfig;
import glyphstream.config.Settings;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** --bootstrap-servers and --config, shared by every command that talks to Kafka. */
public final class KafkaOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers. Default: localhost:9092 if a broker answers there, else an embedded broker.")
    String bootstrapServers;

    @Option(names = "--config", paramLabel = "FILE.properties",
            description = "Settings file: glyphstream settings and any Kafka client setting (SASL, SSL, ...).")
    Path configFile;

    @Option(names = {"-v", "--verbose"}, description = "Show detailed logs.")
    boolean verbose;

    /** Defaults, then --config, then GLYPHSTREAM_* environment variables, then the given flag values. */
    public GlyphConfig config(Map<String, String> flagOverrides) {
        Map<String, String> overrides = new HashMap<>(flagOverrides);
        if (bootstrapServers != null) {
            overrides.put(Settings.BOOTSTRAP_SERVERS.key(), bootstrapServers);
        }
        return GlyphConfig.load(configFile, System.getenv(), overrides);
    }

    public GlyphConfig config() {
        return config(Map.of());
    }

    /**
     * Where to talk to Kafka (--bootstrap-servers, else a broker on localhost:9092, else an embedded one
     * for the command's lifetime); close it when the command ends. Its config() has bootstrap.servers set.
     */
    public KafkaConnection connect(Map<String, String> flagOverrides) {
        return KafkaConnection.open(config(flagOverrides));
    }

    public KafkaConnection connect() {
        return connect(Map.of());
    }
}
