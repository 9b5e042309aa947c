package glyphstream.client;

import glyphstream.wire.AvroCodec;
import glyphstream.wire.avro.DigitRequest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;

/** Sends DigitRequest records (Avro single-object), keyed by request id. */
public final class RequestSender implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final AvroCodec<DigitRequest> codec = new AvroCodec<>(DigitRequest.class);

    public RequestSender(Map<String, Object> clientProperties, String topic) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    public Future<?> send(DigitRequest request) {
        return sendRaw(request.getRequestId().getBytes(StandardCharsets.UTF_8), codec.encode(request));
    }

    /** Any bytes, e.g. a JSON request or deliberately bad input. */
    public Future<?> sendRaw(byte[] key, byte[] value) {
        return producer.send(new ProducerRecord<>(topic, key, value));
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
