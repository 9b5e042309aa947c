package glyphstream.train;

import glyphstream.wire.AvroSerde;
import glyphstream.wire.Topics;
import glyphstream.wire.avro.ModelUpdate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes a new generator on the model topic: a ModelUpdate whose checkpoint field is the
 * checkpoint file itself, so a server on another machine needs nothing but the topic. Keyed by
 * model name on a compacted topic: the latest announcement per name is what a new server loads.
 */
public final class ModelAnnouncer implements AutoCloseable {

    public static final String DEFAULT_MODEL_NAME = "generator";
    /** Room left in a record for the other fields and Kafka's own framing. */
    private static final int RECORD_OVERHEAD = 64 * 1024;
    private static final long ACK_TIMEOUT_S = 120;

    private final String topic;
    private final KafkaProducer<String, ModelUpdate> producer;

    public ModelAnnouncer(Map<String, Object> clientProperties, String topic) {
        this.topic = topic;
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // One record holds a whole checkpoint: the request and the producer's buffer must both fit it.
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MODEL_TOPIC_MAX_BYTES);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 2L * Topics.MODEL_TOPIC_MAX_BYTES);
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none"); // checkpoints are zip files already
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new AvroSerde<>(ModelUpdate.class).serializer());
    }

    /**
     * Reads the checkpoint file and announces it; returns once the broker acknowledged the record.
     *
     * @throws IllegalArgumentException when the file is missing or too big for the model topic
     * @throws IllegalStateException    when the broker does not acknowledge it
     */
    public ModelUpdate announce(String modelName, Path checkpoint, String modelVersion, String dataset, int epochs)
            throws IOException {
        if (!Files.isRegularFile(checkpoint)) {
            throw new IllegalArgumentException(checkpoint + ": no such checkpoint file");
        }
        long size = Files.size(checkpoint);
        if (size > Topics.MODEL_TOPIC_MAX_BYTES - RECORD_OVERHEAD) {
            throw new IllegalArgumentException(checkpoint + ": " + size / (1024 * 1024) + " MiB is too big to announce; "
                    + "the model topic takes records up to " + Topics.MODEL_TOPIC_MAX_BYTES / (1024 * 1024) + " MiB");
        }
        byte[] bytes = Files.readAllBytes(checkpoint);
        ModelUpdate update = ModelUpdate.newBuilder()
                .setModelVersion(modelVersion)
                .setDataset(dataset)
                .setEpochs(epochs)
                .setCreatedAt(Instant.now())
                .setSha256(sha256Hex(bytes))
                .setCheckpoint(ByteBuffer.wrap(bytes))
                .build();
        announce(modelName, update);
        return update;
    }

    /** Sends a prepared announcement and waits for its acknowledgement. */
    public RecordMetadata announce(String modelName, ModelUpdate update) {
        try {
            return producer.send(new ProducerRecord<>(topic, modelName, update)).get(ACK_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("model " + update.getModelVersion() + " was not announced on " + topic
                    + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("model " + update.getModelVersion() + " was not acknowledged on " + topic
                    + " within " + ACK_TIMEOUT_S + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while announcing model " + update.getModelVersion(), e);
        }
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
