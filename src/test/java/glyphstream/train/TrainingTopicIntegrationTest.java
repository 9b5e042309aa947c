package glyphstream.train;

import glyphstream.broker.EmbeddedBroker;
import glyphstream.broker.TopicCreator;
import glyphstream.cli.CliRunner;
import glyphstream.config.GlyphConfig;
import glyphstream.data.IdxFiles;
import glyphstream.data.LabeledImages;
import glyphstream.data.TestImages;
import glyphstream.data.TrainingExampleProducer;
import glyphstream.wire.AvroCodec;
import glyphstream.wire.Topics;
import glyphstream.wire.avro.ModelUpdate;
import glyphstream.wire.avro.TrainingExample;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against a real broker in this JVM (free port, temporary data): the load path, the reader and the announcer. */
class TrainingTopicIntegrationTest {

    @TempDir
    static Path brokerDir;
    @TempDir
    Path files;

    private static EmbeddedBroker broker;
    private static final AtomicInteger topicCount = new AtomicInteger();

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

    private static Map<String, Object> client() {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    }

    /** A fresh compacted topic per test, so tests do not see each other's records. */
    private static String newTrainingTopic() throws Exception {
        String name = "training-" + topicCount.incrementAndGet();
        try (Admin admin = Admin.create(client())) {
            TopicCreator.ensureTopics(admin, List.of(new NewTopic(name, 1, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact"))));
        }
        return name;
    }

    private Path[] writeIdx(String folder, LabeledImages data) throws Exception {
        Path images = files.resolve(folder).resolve("train-images-idx3-ubyte.gz");
        Path labels = files.resolve(folder).resolve("train-labels-idx1-ubyte.gz");
        IdxFiles.write(data, images, labels);
        return new Path[]{images, labels};
    }

    private CliRunner.Result load(Path[] idx, String topic) {
        return CliRunner.run("load", "--images", idx[0].toString(), "--labels", idx[1].toString(),
                "--topic", topic, "--bootstrap-servers", broker.bootstrapServers());
    }

    private static List<ConsumerRecord<String, byte[]>> consumeAll(String topic) {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition p = new TopicPartition(topic, 0);
            consumer.assign(List.of(p));
            consumer.seekToBeginning(List.of(p));
            long end = consumer.endOffsets(List.of(p)).get(p);
            long deadline = System.currentTimeMillis() + 20_000;
            while (consumer.position(p) < end && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
        }
        return seen;
    }

    @Test
    void shouldLoadIdxFilesAndConsumeEveryExampleBackWithItsKeyAndLabel() throws Exception {
        String topic = newTrainingTopic();
        LabeledImages data = TestImages.digits("x", 57, 28);
        Path[] idx = writeIdx("mnist", data);

        CliRunner.Result result = load(idx, topic);

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("sent 57 examples of mnist-train to " + topic + ", all acknowledged"), result.out());
        assertTrue(result.out().contains("label 0: 6"), result.out());
        List<ConsumerRecord<String, byte[]>> records = consumeAll(topic);
        assertEquals(57, records.size());
        AvroCodec<TrainingExample> codec = new AvroCodec<>(TrainingExample.class);
        int[] perLabel = new int[10];
        Set<String> keys = new HashSet<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            TrainingExample e = codec.decode(r.value());
            int index = Integer.parseInt(r.key().substring("mnist-train:".length()));
            assertEquals(data.labels()[index], e.getLabel());
            assertEquals("mnist-train", e.getSource());
            assertEquals(ByteBuffer.wrap(data.image(index)), e.getPixels());
            perLabel[e.getLabel()]++;
            keys.add(r.key());
        }
        assertArrayEquals(data.countPerLabel(10), perLabel);
        assertEquals(57, keys.size());
    }

    @Test
    void shouldSendNothingWhenTheImagesAreNot28x28() throws Exception {
        String topic = newTrainingTopic();
        Path[] idx = writeIdx("small", TestImages.digits("x", 10, 20));

        CliRunner.Result result = load(idx, topic);

        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("images are 20x20 pixels; the model takes 28x28"), result.err());
        assertEquals(0, consumeAll(topic).size());
    }

    @Test
    void shouldExitNonZeroWhenTheBrokerRefusesTheRecords() throws Exception {
        String topic = "tiny-" + topicCount.incrementAndGet();
        try (Admin admin = Admin.create(client())) { // records over 100 bytes are refused
            TopicCreator.ensureTopics(admin, List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of("max.message.bytes", "100"))));
        }
        Path[] idx = writeIdx("mnist", TestImages.digits("x", 20, 28));
        Path settings = files.resolve("fast-fail.properties"); // Kafka client settings pass through --config
        Files.writeString(settings, "delivery.timeout.ms=4000\nrequest.timeout.ms=2000\n");

        CliRunner.Result result = CliRunner.run("load", "--images", idx[0].toString(), "--labels", idx[1].toString(),
                "--topic", topic, "--bootstrap-servers", broker.bootstrapServers(), "--config", settings.toString());

        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("only 0 of 20 examples of mnist-train reached " + topic), result.err());
        assertTrue(!result.out().contains("all acknowledged"), result.out());
    }

    @Test
    void shouldNotDoubleTheDataSetWhenItIsLoadedTwice() throws Exception {
        String topic = newTrainingTopic();
        LabeledImages data = TestImages.digits("x", 30, 28);
        Path[] idx = writeIdx("mnist", data);

        assertEquals(0, load(idx, topic).exitCode());
        assertEquals(0, load(idx, topic).exitCode());

        try (TrainingTopicReader reader = new TrainingTopicReader(client(), topic)) {
            LabeledImages read = reader.readAll();
            assertEquals(30, read.size());
            assertEquals(data.fingerprint(), read.select("x", java.util.stream.IntStream.range(0, 30).toArray()).fingerprint(),
                    "same images in file order");
            assertEquals("mnist-train", read.name());
        }
    }

    @Test
    void shouldSeeRecordsAddedAfterItsFirstCallOnItsSecondCall() throws Exception {
        String topic = newTrainingTopic();
        TrainingExampleProducer producer = new TrainingExampleProducer(client(), topic,
                new Topics(GlyphConfig.defaults()).training.valueSerde().serializer());
        producer.send(TestImages.digits("a", 12, 28), "a", 10, n -> { });
        try (TrainingTopicReader reader = new TrainingTopicReader(client(), topic)) {
            LabeledImages first = reader.readAll();
            assertEquals(12, first.size());
            assertSame(first, reader.readAll(), "nothing new: the same snapshot");

            producer.send(TestImages.digits("b", 5, 28), "b", 10, n -> { });
            LabeledImages second = reader.readAll();

            assertEquals(17, second.size());
            assertEquals("a+b", second.name());
            assertArrayEquals(TestImages.digits("b", 5, 28).image(4), second.image(16), "ordered by key: b:4 last");
        }
    }

    @Test
    void shouldDropTombstonedKeysAndSkipRecordsThatDoNotFitTheModel() throws Exception {
        String topic = newTrainingTopic();
        new TrainingExampleProducer(client(), topic, new Topics(GlyphConfig.defaults()).training.valueSerde().serializer())
                .send(TestImages.digits("a", 10, 28), "a", 10, n -> { });
        AvroCodec<TrainingExample> codec = new AvroCodec<>(TrainingExample.class);
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(client(), new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(topic, "a:3", null)).get(); // tombstone
            raw.send(new ProducerRecord<>(topic, "a:4", "garbage bytes".getBytes())).get();
            raw.send(new ProducerRecord<>(topic, "bad:size", codec.encode(TrainingExample.newBuilder().setLabel(1)
                    .setWidth(20).setHeight(20).setPixels(ByteBuffer.allocate(400)).setSource("bad").build()))).get();
            raw.send(new ProducerRecord<>(topic, "bad:label", codec.encode(TrainingExample.newBuilder().setLabel(12)
                    .setWidth(28).setHeight(28).setPixels(ByteBuffer.allocate(784)).setSource("bad").build()))).get();
            raw.send(new ProducerRecord<>(topic, "bad:pixels", codec.encode(TrainingExample.newBuilder().setLabel(2)
                    .setWidth(28).setHeight(28).setPixels(ByteBuffer.allocate(783)).setSource("bad").build()))).get();
        }
        try (TrainingTopicReader reader = new TrainingTopicReader(client(), topic)) {
            LabeledImages read = reader.readAll();
            assertEquals(8, read.size(), "10 loaded, a:3 deleted, a:4 replaced by garbage");
            assertEquals(4, reader.skipped());
            assertEquals("a", read.name());
        }
    }

    @Test
    void shouldSayToLoadDataFirstWhenTheTopicIsEmpty() throws Exception {
        String topic = newTrainingTopic();
        long start = System.nanoTime();
        try (TrainingTopicReader reader = new TrainingTopicReader(client(), topic)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, reader::readAll);
            assertEquals("training topic " + topic + " is empty: load data first with ./glyphstream load "
                    + "--images FILE --labels FILE", e.getMessage());
        }
        assertTrue(System.nanoTime() - start < 15_000_000_000L, "no hang");
    }

    @Test
    void shouldSayWhenTheTopicDoesNotExist() {
        try (TrainingTopicReader reader = new TrainingTopicReader(client(), "no-such-topic")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, reader::readAll);
            assertTrue(e.getMessage().startsWith("training topic no-such-topic does not exist"), e.getMessage());
        }
    }

    @Test
    void shouldAnnounceAModelOfSeveralMegabytesWithItsCheckpointBytes() throws Exception {
        String topic = "models-" + topicCount.incrementAndGet();
        try (Admin admin = Admin.create(client())) {
            TopicCreator.ensureTopics(admin, List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of(
                    "cleanup.policy", "compact", "max.message.bytes", String.valueOf(Topics.MODEL_TOPIC_MAX_BYTES)))));
        }
        byte[] checkpoint = new byte[6 * 1024 * 1024 + 123];
        new Random(1).nextBytes(checkpoint);
        Path file = files.resolve("generator.zip");
        Files.write(file, checkpoint);

        try (ModelAnnouncer announcer = new ModelAnnouncer(client(), topic)) {
            announcer.announce("generator", file, "v1", "mnist-train", 12);
        }

        List<ConsumerRecord<String, byte[]>> records = consumeAll(topic);
        assertEquals(1, records.size());
        assertEquals("generator", records.get(0).key());
        ModelUpdate update = new AvroCodec<>(ModelUpdate.class).decode(records.get(0).value());
        assertEquals("v1", update.getModelVersion());
        assertEquals("mnist-train", update.getDataset());
        assertEquals(12, update.getEpochs());
        assertEquals(ModelAnnouncer.sha256Hex(checkpoint), update.getSha256());
        byte[] received = new byte[update.getCheckpoint().remaining()];
        update.getCheckpoint().get(received);
        assertTrue(Arrays.equals(checkpoint, received), "checkpoint bytes round-trip");
    }

    @Test
    void shouldRefuseToAnnounceAMissingCheckpoint() {
        try (ModelAnnouncer announcer = new ModelAnnouncer(client(), "glyph.models")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> announcer.announce("generator", files.resolve("none.zip"), "v", "d", 1));
            assertTrue(e.getMessage().endsWith("none.zip: no such checkpoint file"), e.getMessage());
        }
    }
}
