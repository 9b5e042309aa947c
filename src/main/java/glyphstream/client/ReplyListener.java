package glyphstream.client;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads committed records of one topic from its current end (or beginning), without a consumer
 * group: a listener sees what arrives after it started, and commits nothing.
 */
public final class ReplyListener<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;

    public ReplyListener(Map<String, Object> clientProperties, String topic, Deserializer<V> valueDeserializer,
                         boolean fromBeginning) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        // A waiting reader: do not let the broker hold a fetch for the default 500 ms.
        props.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), valueDeserializer);
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic, Duration.ofSeconds(30))
                .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // fix the start now, before requests are sent
        }
    }

    /** Polls once and hands every record to the callback. */
    public int poll(Duration timeout, Consumer<ConsumerRecord<String, V>> callback) {
        int n = 0;
        for (ConsumerRecord<String, V> record : consumer.poll(timeout)) {
            callback.accept(record);
            n++;
        }
        return n;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
