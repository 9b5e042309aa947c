package glyphstream.serve;

import glyphstream.broker.EmbeddedBroker;
import glyphstream.config.GlyphConfig;
import glyphstream.config.Settings;
import glyphstream.model.CheckpointMetadata;
import glyphstream.model.ConditionalGan;
import glyphstream.model.GanSettings;
import glyphstream.model.GeneratorCheckpoint;
import glyphstream.wire.AvroSerde;
import glyphstream.wire.Topics;
import glyphstream.wire.avro.DigitRequest;
import glyphstream.wire.avro.GeneratedImage;
import glyphstream.wire.avro.ModelUpdate;
import glyphstream.wire.avro.RejectedRequest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The serve service end to end on a real (embedded, single-node KRaft) broker, exactly-once v2.
 * The tests share one broker and one service (start-up is the slow part), so they run in order:
 * the model swaps come last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GenerationServiceBrokerTest {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    private static EmbeddedBroker broker;
    private static GenerationService service;
    private static GlyphConfig config;
    private static Topics topics;

    @BeforeAll
    static void startBrokerAndService() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        Files.write(models.resolve("generator.zip"), PatternModels.checkpoint("it-v1"));
        config = GlyphConfig.defaults();
        topics = new Topics(config);
        broker = EmbeddedBroker.startWithTopics(0, dir.resolve("kafka"), topics);
        config = config
                .with(Settings.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                .with(Settings.APPLICATION_ID, "serve-it-" + UUID.randomUUID())
                .with(Settings.STATE_DIR, dir.resolve("state").toString())
                .with(Settings.MODEL_FILE, models.resolve("generator.zip").toString())
                .with(Settings.MODELS_DIR, models.toString());
        service = GenerationService.start(config, patternOrRealCheckpoints());
        long deadline = System.currentTimeMillis() + 60_000;
        while (service.streams().state() != KafkaStreams.State.RUNNING && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(KafkaStreams.State.RUNNING, service.streams().state());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void shouldAnswerEveryRequestExactlyOnceWithADecodablePngAndRejectTheBadOnes() throws Exception {
        int n = 400;
        List<String> ids = new ArrayList<>();
        Map<String, String> texts = new HashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (int i = 0; i < n; i++) {
                String id = "ok-" + i;
                String text = String.valueOf(i * 37 % 10_000);
                ids.add(id);
                texts.put(id, text);
                byte[] value = i % 2 == 0
                        ? ServeDriver.avro(ServeDriver.request(id, text))
                        : ("{\"requestId\":\"" + id + "\",\"text\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(topics.requests.name(), utf8(id), value));
                if (i % 100 == 50) {
                    producer.send(new ProducerRecord<>(topics.requests.name(), utf8("bad-" + i), utf8("garbage " + i)));
                }
            }
            producer.send(new ProducerRecord<>(topics.requests.name(), utf8("bad-letters"),
                    utf8("{\"requestId\":\"bad-letters\",\"text\":\"12x\"}")));
            producer.send(new ProducerRecord<>(topics.requests.name(), utf8("bad-count"),
                    ServeDriver.avro(ServeDriver.request("bad-count", "1").setCount(1000))));
            producer.send(new ProducerRecord<>(topics.requests.name(), utf8("bad-pin"),
                    ServeDriver.avro(ServeDriver.request("bad-pin", "1").setModelVersion("no-such-version"))));
            producer.flush();
        }

        Map<String, List<GeneratedImage>> images = readUntil(topics.images.name(),
                new AvroSerde<>(GeneratedImage.class), seen -> seen.keySet().containsAll(ids), GeneratedImage::getRequestId);
        Map<String, List<RejectedRequest>> rejected = readUntil(topics.rejected.name(),
                new AvroSerde<>(RejectedRequest.class), seen -> seen.size() >= 7, RejectedRequest::getMessage);

        for (String id : ids) {
            List<GeneratedImage> answers = images.get(id);
            assertNotNull(answers, id + " unanswered");
            assertEquals(1, answers.size(), id + " answered exactly once");
            GeneratedImage image = answers.get(0);
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(glyphstream.wire.Bytes.of(image.getPng())));
            assertNotNull(png, "PNG of " + id + " decodes");
            assertEquals(28 * texts.get(id).length(), png.getWidth());
            assertEquals(28, png.getHeight());
            assertEquals("it-v1", image.getModelVersion());
        }
        List<String> reasons = rejected.values().stream().flatMap(List::stream).map(RejectedRequest::getReason).sorted().toList();
        assertEquals(List.of("COUNT_OUT_OF_RANGE", "NON_DIGIT_TEXT", "UNDECODABLE", "UNDECODABLE", "UNDECODABLE",
                "UNDECODABLE", "UNKNOWN_MODEL_VERSION"), reasons);
    }

    @Test
    @Order(2)
    void shouldDrawWithAModelAnnouncedOnTheModelTopicWithoutRestart() throws Exception {
        announce("it-v2", PatternModels.checkpoint("it-v2"));
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(topics.requests.name(), utf8("after-swap"),
                    ServeDriver.avro(ServeDriver.request("after-swap", "5")))).get();
            producer.send(new ProducerRecord<>(topics.requests.name(), utf8("pinned-old"),
                    ServeDriver.avro(ServeDriver.request("pinned-old", "5").setModelVersion("it-v1")))).get();
        }

        Map<String, List<GeneratedImage>> images = readUntil(topics.images.name(), new AvroSerde<>(GeneratedImage.class),
                seen -> seen.containsKey("after-swap") && seen.containsKey("pinned-old"), GeneratedImage::getRequestId);

        assertEquals("it-v2", images.get("after-swap").get(0).getModelVersion());
        assertEquals("it-v1", images.get("pinned-old").get(0).getModelVersion());
    }

    @Test
    @Order(3)
    void shouldServeARealDl4jCheckpointAnnouncedOnTheModelTopic() throws Exception {
        ConditionalGan gan = ConditionalGan.builder().latentSize(16)
                .classNames(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"))
                .imageSize(28, 28).generatorHidden(32).discriminatorHidden(16).seed(7).build();
        GanSettings s = gan.settings();
        Path file = dir.resolve("real.zip");
        GeneratorCheckpoint.save(file, gan.samplingNetwork(), new CheckpointMetadata("it-real", "test", "none", 0, 0,
                s.seed(), 28, 28, s.latentSize(), s.classNames(), System.currentTimeMillis(), Map.of()));
        announce("it-real", Files.readAllBytes(file));
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(topics.requests.name(), utf8("real-1"),
                    ServeDriver.avro(ServeDriver.request("real-1", "2026").setSeed(3L)))).get();
            producer.send(new ProducerRecord<>(topics.requests.name(), utf8("real-2"),
                    ServeDriver.avro(ServeDriver.request("real-2", "2026").setSeed(3L)))).get();
        }

        Map<String, List<GeneratedImage>> images = readUntil(topics.images.name(), new AvroSerde<>(GeneratedImage.class),
                seen -> seen.containsKey("real-1") && seen.containsKey("real-2"), GeneratedImage::getRequestId);

        GeneratedImage first = images.get("real-1").get(0);
        assertEquals("it-real", first.getModelVersion());
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(glyphstream.wire.Bytes.of(first.getPng())));
        assertEquals(112, png.getWidth());
        assertEquals(28, png.getHeight());
        assertEquals(first.getPng(), images.get("real-2").get(0).getPng(), "same seed, same model: same PNG bytes");
    }

    private static void announce(String version, byte[] checkpoint) throws Exception {
        try (KafkaProducer<String, ModelUpdate> models = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new AvroSerde<>(ModelUpdate.class).serializer())) {
            models.send(new ProducerRecord<>(topics.models.name(), "digits", ModelUpdate.newBuilder()
                    .setModelVersion(version).setDataset("test").setEpochs(1).setCreatedAt(Instant.now())
                    .setSha256(ModelRegistry.sha256(checkpoint)).setCheckpoint(ByteBuffer.wrap(checkpoint)).build())).get();
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (!version.equals(service.models().current().version()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(version, service.models().current().version(), "announced model became current");
    }

    /** Pattern checkpoints for speed and readable pixels, real generator checkpoints for everything else. */
    private static GeneratorLoader patternOrRealCheckpoints() {
        PatternModels patterns = new PatternModels();
        return bytes -> new String(bytes, 0, Math.min(bytes.length, 14), StandardCharsets.ISO_8859_1).equals("pattern-model:")
                ? patterns.load(bytes)
                : GeneratorCheckpoint.load(bytes);
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 5), new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Reads with read_committed (what clients of an exactly-once service see) until done, then 1 s more for duplicates. */
    private static <V extends org.apache.avro.specific.SpecificRecord> Map<String, List<V>> readUntil(String topic, AvroSerde<V> serde,
                                                      Predicate<Map<String, List<V>>> done,
                                                      java.util.function.Function<V, String> idOf) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, List<V>> seen = new HashMap<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, new StringDeserializer(), serde.deserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + ANSWER_TIMEOUT.toMillis();
            long extraUntil = Long.MAX_VALUE;
            while (System.currentTimeMillis() < Math.min(deadline, extraUntil)) {
                consumer.poll(Duration.ofMillis(100)).forEach(r ->
                        seen.computeIfAbsent(idOf.apply(r.value()), k -> new ArrayList<>()).add(r.value()));
                if (extraUntil == Long.MAX_VALUE && done.test(seen)) {
                    extraUntil = System.currentTimeMillis() + 1_000;
                }
            }
        }
        assertTrue(done.test(seen), "not all answers arrived within " + ANSWER_TIMEOUT.toSeconds() + " s on " + topic);
        return seen;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
