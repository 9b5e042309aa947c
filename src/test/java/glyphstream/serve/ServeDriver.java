package glyphstream.serve;

import glyphstream.config.GlyphConfig;
import glyphstream.config.Settings;
import glyphstream.wire.AvroCodec;
import glyphstream.wire.AvroSerde;
import glyphstream.wire.avro.DigitRequest;
import glyphstream.wire.avro.GeneratedImage;
import glyphstream.wire.avro.ModelUpdate;
import glyphstream.wire.avro.RejectedRequest;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/** The generation topology under TopologyTestDriver, with typed topics and request helpers. */
final class ServeDriver implements AutoCloseable {

    static final Instant START = Instant.parse("2026-12-03T12:00:00Z");
    static final AvroCodec<DigitRequest> REQUESTS = new AvroCodec<>(DigitRequest.class);

    final GlyphConfig config;
    final TopologyTestDriver driver;
    final TestInputTopic<byte[], byte[]> requests;
    final TestInputTopic<String, ModelUpdate> models;
    final TestOutputTopic<String, GeneratedImage> images;
    final TestOutputTopic<String, RejectedRequest> rejected;

    ServeDriver(ModelRegistry registry, Path stateDir, int batchMaxSize, int batchMaxDelayMs) {
        config = GlyphConfig.defaults()
                .with(Settings.BATCH_MAX_SIZE, String.valueOf(batchMaxSize))
                .with(Settings.BATCH_MAX_DELAY_MS, String.valueOf(batchMaxDelayMs));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "serve-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(GenerationTopology.buildTopology(config, registry), props, START);
        requests = driver.createInputTopic(config.get(Settings.TOPIC_REQUESTS), new ByteArraySerializer(),
                new ByteArraySerializer(), START, Duration.ZERO);
        models = driver.createInputTopic(config.get(Settings.TOPIC_MODELS), new StringSerializer(),
                new AvroSerde<>(ModelUpdate.class).serializer(), START, Duration.ZERO);
        images = driver.createOutputTopic(config.get(Settings.TOPIC_IMAGES), new StringDeserializer(),
                new AvroSerde<>(GeneratedImage.class).deserializer());
        rejected = driver.createOutputTopic(config.get(Settings.TOPIC_REJECTED), new StringDeserializer(),
                new AvroSerde<>(RejectedRequest.class).deserializer());
    }

    static DigitRequest.Builder request(String id, String text) {
        return DigitRequest.newBuilder().setRequestId(id).setText(text);
    }

    static byte[] avro(DigitRequest.Builder request) {
        return REQUESTS.encode(request.build());
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    void send(DigitRequest.Builder request) {
        requests.pipeInput(utf8(request.getRequestId()), avro(request));
    }

    void sendRaw(byte[] key, byte[] value) {
        requests.pipeInput(key, value);
    }

    /** Announces a model now (after the registry chose its current model). */
    void announce(String version) {
        announce(version, java.time.Instant.now());
    }

    /** Announces a model as made at the given time (e.g. before the server started: history on the topic). */
    void announce(String version, java.time.Instant announcedAt) {
        byte[] checkpoint = PatternModels.checkpoint(version);
        models.pipeInput("digits", ModelUpdate.newBuilder()
                .setModelVersion(version)
                .setDataset("test")
                .setEpochs(1)
                .setCreatedAt(announcedAt)
                .setSha256(ModelRegistry.sha256(checkpoint))
                .setCheckpoint(ByteBuffer.wrap(checkpoint))
                .build());
    }

    void advanceWallClock(long ms) {
        driver.advanceWallClockTime(Duration.ofMillis(ms));
    }

    List<GeneratedImage> drainImages() {
        return images.readValuesToList();
    }

    List<TestRecord<String, GeneratedImage>> drainImageRecords() {
        return images.readRecordsToList();
    }

    List<RejectedRequest> drainRejected() {
        return rejected.readValuesToList();
    }

    @Override
    public void close() {
        driver.close();
    }
}
