package glyphstream.serve;

import glyphstream.config.GlyphConfig;
import glyphstream.config.Settings;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.util.Properties;

/** The Kafka Streams configuration of the serve command, apart from the topology. */
public final class GenerationStreamsConfig {

    private GenerationStreamsConfig() {
    }

    public static Properties streamsConfig(GlyphConfig config) {
        String servers = config.get(Settings.BOOTSTRAP_SERVERS);
        if (servers == null || servers.isBlank()) {
            throw new IllegalArgumentException("no Kafka brokers given (bootstrap.servers)");
        }
        long maxDelayMs = config.getPositiveInt(Settings.BATCH_MAX_DELAY_MS);
        Properties props = new Properties();
        // Latency: the stream thread blocks in poll() for up to poll.ms when no input comes, and the
        // batcher's wall-clock timer only fires between polls; keep that wait below the batch delay.
        props.put(StreamsConfig.POLL_MS_CONFIG, String.valueOf(Math.max(1, maxDelayMs / 2)));
        // Streams lingers 100 ms by default; under at_least_once images would wait that long.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), "5");

        // Any Kafka client setting the user gave (SASL, SSL, tuning) wins over the defaults above.
        config.kafkaClientProperties().forEach(props::put);

        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.get(Settings.APPLICATION_ID));
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.get(Settings.STATE_DIR));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.get(Settings.PROCESSING_GUARANTEE));
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, String.valueOf(config.getPositiveInt(Settings.STREAM_THREADS)));
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, String.valueOf(config.getPositiveInt(Settings.COMMIT_INTERVAL_MS)));
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, SkipUnreadableRecords.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndSkipFailedRecord.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, SkipUnsendableRecords.class);
        return props;
    }
}
