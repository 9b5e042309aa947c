package glyphstream.data;

import glyphstream.wire.avro.TrainingExample;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Sends a labelled image set to the training topic, one TrainingExample per image, keyed
 * dataset + ":" + index: the topic is compacted, so loading the same set again replaces rather
 * than doubles it. Succeeds only when the broker acknowledged every record.
 */
public final class TrainingExampleProducer {

    private final Map<String, Object> clientProperties;
    private final String topic;
    private final Serializer<TrainingExample> valueSerializer;

    public TrainingExampleProducer(Map<String, Object> clientProperties, String topic,
                                   Serializer<TrainingExample> valueSerializer) {
        this.clientProperties = clientProperties;
        this.topic = topic;
        this.valueSerializer = valueSerializer;
    }

    public static String key(String dataset, int index) {
        return dataset + ":" + index;
    }

    /**
     * @param onAcked called with the number of newly acknowledged records (from the producer's I/O thread)
     * @return how many records of each label the broker acknowledged (all of them)
     * @throws IllegalStateException when any record was not acknowledged
     */
    public int[] send(LabeledImages data, String dataset, int classes, IntConsumer onAcked) {
        AtomicIntegerArray ackedPerLabel = new AtomicIntegerArray(classes);
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        try (KafkaProducer<String, TrainingExample> producer =
                     new KafkaProducer<>(producerProperties(), new StringSerializer(), valueSerializer)) {
            for (int i = 0; i < data.size() && firstFailure.get() == null; i++) {
                int label = data.labels()[i];
                TrainingExample example = TrainingExample.newBuilder()
                        .setLabel(label)
                        .setWidth(data.width())
                        .setHeight(data.height())
                        .setPixels(ByteBuffer.wrap(data.image(i)))
                        .setSource(dataset)
                        .build();
                producer.send(new ProducerRecord<>(topic, key(dataset, i), example), (metadata, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, error);
                    } else {
                        ackedPerLabel.incrementAndGet(label);
                        onAcked.accept(1);
                    }
                });
            }
            producer.flush(); // waits for every outstanding acknowledgement (or its failure)
        }
        int acked = 0;
        int[] counts = new int[classes];
        for (int c = 0; c < classes; c++) {
            counts[c] = ackedPerLabel.get(c);
            acked += counts[c];
        }
        if (firstFailure.get() != null || acked != data.size()) {
            Exception e = firstFailure.get();
            throw new IllegalStateException("only " + acked + " of " + data.size() + " examples of " + dataset
                    + " reached " + topic + (e == null ? "" : " (first error: " + e.getMessage() + ")")
                    + "; the set is incomplete there, load it again", e);
        }
        return counts;
    }

    private Map<String, Object> producerProperties() {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true); // retries never duplicate or reorder
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"); // digits are mostly black: ~4x smaller
        return props;
    }
}
