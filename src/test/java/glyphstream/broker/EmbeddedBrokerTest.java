package glyphstream.broker;

import glyphstream.config.GlyphConfig;
import glyphstream.wire.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedBrokerTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldCreateTopicsKeepRecordsAcrossRestartAndRefuseASecondBrokerOnTheSameDirectory() throws Exception {
        Topics topics = new Topics(GlyphConfig.defaults());
        String topic = topics.training.name();
        try (EmbeddedBroker broker = EmbeddedBroker.startWithTopics(0, dataDir, topics)) {
            assertTrue(listTopics(broker).containsAll(
                    Set.of(topics.requests.name(), topics.images.name(), topics.rejected.name(), topic, topics.models.name())));
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(topic, "k1", "before restart")).get();
            }
        }
        try (EmbeddedBroker again = EmbeddedBroker.startWithTopics(0, dataDir, topics)) {
            assertEquals(List.of("k1=before restart"), readAll(again, topic));

            // a second broker on a directory in use would corrupt the running one's metadata log
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> EmbeddedBroker.start(0, dataDir));
            assertTrue(e.getMessage().contains("is in use by another broker"), e.getMessage());
            assertEquals(List.of("k1=before restart"), readAll(again, topic), "the running broker is unharmed");
        }
    }

    private static Set<String> listTopics(EmbeddedBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            return admin.listTopics().names().get();
        }
    }

    private static List<String> readAll(EmbeddedBroker broker, String topic) {
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long deadline = System.currentTimeMillis() + 15_000;
            while (consumer.position(partition) < end && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(r.key() + "=" + r.value());
                }
            }
        }
        return seen;
    }
}
