package glyphstream.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Resolved configuration, layered in a fixed order: defaults, properties file, environment
 * variables, command-line flags. Keys that are not glyphstream settings pass through to the
 * Kafka clients (SASL, SSL, any client setting).
 */
public final class GlyphConfig {

    private final Map<String, String> values;

    private GlyphConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static GlyphConfig defaults() {
        return load(null, Map.of(), Map.of());
    }

    /**
     * @param file      a properties file, or null
     * @param env       the environment (System.getenv() in production)
     * @param overrides flags given on the command line; they win
     */
    public static GlyphConfig load(Path file, Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        for (Setting s : Settings.ALL) {
            values.put(s.key(), s.defaultValue());
        }
        if (file != null) {
            values.putAll(readProperties(file));
        }
        for (Setting s : Settings.ALL) {
            String fromEnv = env.get(s.envVar());
            if (fromEnv != null) {
                values.put(s.key(), fromEnv);
            }
        }
        overrides.forEach((k, v) -> {
            if (v != null) {
                values.put(k, v);
            }
        });
        return new GlyphConfig(values);
    }

    private static Map<String, String> readProperties(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such configuration file");
        }
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            props.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": cannot read properties (" + e.getMessage() + ")");
        }
        Map<String, String> map = new HashMap<>();
        props.stringPropertyNames().forEach(k -> map.put(k, props.getProperty(k).trim()));
        return map;
    }

    public String get(Setting setting) {
        return values.get(setting.key());
    }

    public int getInt(Setting setting) {
        String raw = get(setting);
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting.key() + " must be a whole number, got \"" + raw + "\"");
        }
    }

    public int getPositiveInt(Setting setting) {
        int value = getInt(setting);
        if (value <= 0) {
            throw new IllegalArgumentException(setting.key() + " must be positive, got " + value);
        }
        return value;
    }

    public GlyphConfig with(Setting setting, String value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(setting.key(), value);
        return new GlyphConfig(copy);
    }

    /** Settings meant for the Kafka clients: everything that is not a glyphstream setting, plus the brokers. */
    public Map<String, Object> kafkaClientProperties() {
        Map<String, Object> kafka = new HashMap<>();
        values.forEach((k, v) -> {
            boolean ours = Settings.ALL.stream().anyMatch(s -> s.key().equals(k));
            if (!ours) {
                kafka.put(k, v);
            }
        });
        kafka.put("bootstrap.servers", get(Settings.BOOTSTRAP_SERVERS));
        return kafka;
    }

    public Map<String, String> asMap() {
        return values;
    }
}
