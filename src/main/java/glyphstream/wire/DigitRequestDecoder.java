package glyphstream.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import glyphstream.wire.avro.DigitRequest;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads a DigitRequest written either as Avro single-object bytes (any registered schema version)
 * or as a JSON object such as {"requestId":"r1","text":"42"}, so plain tools (kcat, the console
 * producer) can send requests. A JSON request without requestId takes the record key.
 */
public final class DigitRequestDecoder {

    public static final String[] HISTORY = {"/glyphstream/wire/history/DigitRequest-v1.avsc"};

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AvroCodec<DigitRequest> avro = new AvroCodec<>(DigitRequest.class).withHistory(HISTORY);

    /** @throws SerializationException with a one-line reason when the bytes are neither form */
    public DigitRequest decode(byte[] key, byte[] value) {
        if (value == null || value.length == 0) {
            throw new SerializationException("empty request value");
        }
        if (AvroCodec.isSingleObject(value)) {
            return avro.decode(value);
        }
        String text = new String(value, StandardCharsets.UTF_8).strip();
        if (text.startsWith("{")) {
            return fromJson(text, key);
        }
        throw new SerializationException("not a DigitRequest: neither Avro single-object bytes (C3 01 ...) "
                + "nor a JSON object (starts with " + quoteStart(text) + ")");
    }

    private static DigitRequest fromJson(String json, byte[] key) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SerializationException("malformed JSON request: " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw new SerializationException("JSON request is not an object");
        }
        String requestId = textField(node, "requestId");
        if (requestId == null && key != null && key.length > 0) {
            requestId = new String(key, StandardCharsets.UTF_8);
        }
        if (requestId == null || requestId.isBlank()) {
            throw new SerializationException("JSON request has no requestId and the record has no key");
        }
        String text = textField(node, "text");
        if (text == null) {
            throw new SerializationException("JSON request " + requestId + " has no \"text\"");
        }
        return DigitRequest.newBuilder()
                .setRequestId(requestId)
                .setText(text)
                .setSeed(longField(node, "seed"))
                .setCount(node.hasNonNull("count") ? intField(node, "count") : 1)
                .setModelVersion(textField(node, "modelVersion"))
                .setStyleImage(node.hasNonNull("styleImage")
                        ? java.nio.ByteBuffer.wrap(Base64.getDecoder().decode(textField(node, "styleImage")))
                        : null)
                .build();
    }

    private static String textField(JsonNode node, String name) {
        JsonNode field = node.get(name);
        if (field == null || field.isNull()) {
            return null;
        }
        if (!field.isValueNode()) {
            throw new SerializationException("JSON field \"" + name + "\" must be a string");
        }
        return field.asText();
    }

    private static Long longField(JsonNode node, String name) {
        JsonNode field = node.get(name);
        if (field == null || field.isNull()) {
            return null;
        }
        if (!field.canConvertToLong() || !field.isIntegralNumber()) {
            throw new SerializationException("JSON field \"" + name + "\" must be a whole number, got " + field);
        }
        return field.longValue();
    }

    private static int intField(JsonNode node, String name) {
        JsonNode field = node.get(name);
        if (!field.isIntegralNumber() || !field.canConvertToInt()) {
            throw new SerializationException("JSON field \"" + name + "\" must be a whole number, got " + field);
        }
        return field.intValue();
    }

    private static String quoteStart(String text) {
        String start = text.length() > 12 ? text.substring(0, 12) + "..." : text;
        return "\"" + start.replaceAll("\\p{Cntrl}", "?") + "\"";
    }

    /** As a Kafka deserializer, for consumers outside the topology. */
    public Deserializer<DigitRequest> deserializer() {
        return new Deserializer<>() {
            @Override
            public DigitRequest deserialize(String topic, byte[] data) {
                return decode(null, data);
            }

            @Override
            public DigitRequest deserialize(String topic, org.apache.kafka.common.header.Headers headers, byte[] data) {
                return decode(null, data);
            }
        };
    }
}
