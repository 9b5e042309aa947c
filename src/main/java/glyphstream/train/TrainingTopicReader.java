package glyphstream.train;

import glyphstream.wire.Bytes;
import glyphstream.data.LabeledImages;
import glyphstream.wire.AvroCodec;
import glyphstream.wire.avro.TrainingExample;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * "Every example that is in the training topic now": reads the topic from the beginning up to the
 * end offsets taken at call time and keeps the latest value per key, as compaction would (a
 * tombstone deletes its key). The consumer and the per-key view stay open between calls, so each
 * later call (one per epoch) reads only what arrived since. Records that do not fit the model
 * (undecodable, wrong size, label out of range) are skipped and counted.
 *
 * <p>No consumer group: the reader assigns the partitions itself and commits nothing. Not thread-safe.
 */
public final class TrainingTopicReader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrainingTopicReader.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(15);
    /** Give up when the consumer makes no progress towards the end offsets for this long. */
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final int width;
    private final int height;
    private final int classes;
    private final KafkaConsumer<String, byte[]> consumer;
    private final AvroCodec<TrainingExample> codec = new AvroCodec<>(TrainingExample.class);
    private final TreeMap<String, Example> latest = new TreeMap<>(TrainingTopicReader::compareKeys);
    private final Set<TopicPartition> assigned = new HashSet<>();
    private LabeledImages snapshot;
    private long skipped;

    private record Example(int label, byte[] pixels, String source) {
    }

    /** A reader for 28x28 images of 10 classes, the model's shape. */
    public TrainingTopicReader(Map<String, Object> clientProperties, String topic) {
        this(clientProperties, topic, 28, 28, 10);
    }

    public TrainingTopicReader(Map<String, Object> clientProperties, String topic, int width, int height, int classes) {
        this.topic = topic;
        this.width = width;
        this.height = height;
        this.classes = classes;
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // End offsets are then the last stable offset: an open transaction cannot keep us waiting for records we'd skip.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * The topic's examples as of now, ordered by key (data set, then index), so the order does not
     * depend on arrival order.
     *
     * @throws IllegalStateException when the topic is missing or holds no valid example, or reading stalls
     */
    public LabeledImages readAll() {
        assignNewPartitions();
        Map<TopicPartition, Long> end = consumer.endOffsets(assigned, METADATA_TIMEOUT);
        long skippedBefore = skipped;
        String firstProblem = readUpTo(end);
        if (skipped > skippedBefore) {
            log.warn("{}: skipped {} record(s) that do not fit the model ({} in all so far); first: {}",
                    topic, skipped - skippedBefore, skipped, firstProblem);
        }
        if (latest.isEmpty()) {
            throw new IllegalStateException("training topic " + topic + " is empty: load data first with "
                    + "./glyphstream load --images FILE --labels FILE");
        }
        if (snapshot == null) {
            snapshot = toLabeledImages();
        }
        return snapshot;
    }

    /** How many records were skipped as unfit, over all calls. */
    public long skipped() {
        return skipped;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    private void assignNewPartitions() {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, METADATA_TIMEOUT);
        if (partitions == null || partitions.isEmpty()) {
            throw new IllegalStateException("training topic " + topic + " does not exist: load data first with "
                    + "./glyphstream load --images FILE --labels FILE");
        }
        List<TopicPartition> added = new ArrayList<>();
        for (PartitionInfo p : partitions) {
            TopicPartition tp = new TopicPartition(p.topic(), p.partition());
            if (assigned.add(tp)) {
                added.add(tp);
            }
        }
        if (!added.isEmpty()) {
            consumer.assign(assigned);
            consumer.seekToBeginning(added);
        }
    }

    /** @return the first problem seen in this call, or null */
    private String readUpTo(Map<TopicPartition, Long> end) {
        String firstProblem = null;
        long lastProgress = System.nanoTime();
        while (!reached(end)) {
            var records = consumer.poll(POLL);
            if (!records.isEmpty()) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > STALL_TIMEOUT.toNanos()) {
                throw new IllegalStateException("reading training topic " + topic + " stalled: no records for "
                        + STALL_TIMEOUT.toSeconds() + " s before reaching the end offsets " + end);
            }
            for (ConsumerRecord<String, byte[]> record : records) {
                if (!end.containsKey(new TopicPartition(record.topic(), record.partition()))
                        || record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                    continue; // arrived after this call began: the next call takes it (we seek back below)
                }
                String problem = apply(record);
                if (problem != null && firstProblem == null) {
                    firstProblem = problem;
                }
            }
        }
        // Records past the end offsets may have been fetched: rewind so the next call reads them.
        end.forEach((tp, offset) -> {
            if (consumer.position(tp) > offset) {
                consumer.seek(tp, offset);
            }
        });
        return firstProblem;
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey(), METADATA_TIMEOUT) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Applies one record to the per-key view; returns why it was skipped, or null. */
    private String apply(ConsumerRecord<String, byte[]> record) {
        String key = record.key();
        if (key == null) {
            skipped++;
            return "record at offset " + record.offset() + " has no key";
        }
        snapshot = null;
        if (record.value() == null) {
            latest.remove(key); // tombstone
            return null;
        }
        String problem;
        try {
            TrainingExample example = codec.decode(record.value());
            problem = check(example);
            if (problem == null) {
                latest.put(key, new Example(example.getLabel(), Bytes.of(example.getPixels()), example.getSource()));
                return null;
            }
        } catch (SerializationException e) {
            problem = e.getMessage();
        }
        // Its latest value is unusable, so (as compaction would) no older value of this key counts either.
        latest.remove(key);
        skipped++;
        return "key " + key + ": " + problem;
    }

    private String check(TrainingExample example) {
        if (example.getWidth() != width || example.getHeight() != height) {
            return "image is " + example.getWidth() + "x" + example.getHeight() + ", expected " + width + "x" + height;
        }
        if (example.getLabel() < 0 || example.getLabel() >= classes) {
            return "label " + example.getLabel() + " outside 0.." + (classes - 1);
        }
        if (example.getPixels().remaining() != width * height) {
            return example.getPixels().remaining() + " pixel bytes, expected " + width * height;
        }
        return null;
    }

    private LabeledImages toLabeledImages() {
        int n = latest.size();
        int[] labels = new int[n];
        byte[] pixels = new byte[n * width * height];
        Set<String> sources = new TreeSet<>();
        int i = 0;
        for (Example e : latest.values()) {
            labels[i] = e.label();
            System.arraycopy(e.pixels(), 0, pixels, i * width * height, width * height);
            sources.add(e.source());
            i++;
        }
        return new LabeledImages(String.join("+", sources), width, height, labels, pixels);
    }

    /**
     * Key order: data set name (before the last ':'), then numeric indexes by value (ds:9 before
     * ds:10) ahead of any non-numeric suffix, then the plain string. A total order, as TreeMap needs.
     */
    static int compareKeys(String a, String b) {
        int colonA = a.lastIndexOf(':');
        int colonB = b.lastIndexOf(':');
        String datasetA = colonA < 0 ? a : a.substring(0, colonA);
        String datasetB = colonB < 0 ? b : b.substring(0, colonB);
        int order = datasetA.compareTo(datasetB);
        if (order != 0) {
            return order;
        }
        long indexA = colonA < 0 ? -1 : index(a.substring(colonA + 1));
        long indexB = colonB < 0 ? -1 : index(b.substring(colonB + 1));
        order = Boolean.compare(indexA < 0, indexB < 0); // numeric first
        if (order == 0 && indexA >= 0) {
            order = Long.compare(indexA, indexB);
        }
        return order != 0 ? order : a.compareTo(b);
    }

    private static long index(String suffix) {
        return suffix.matches("\\d{1,18}") ? Long.parseLong(suffix) : -1;
    }
}
