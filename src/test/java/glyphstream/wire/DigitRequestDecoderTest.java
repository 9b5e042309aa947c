package glyphstream.wire;

import glyphstream.wire.avro.DigitRequest;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DigitRequestDecoderTest {

    private final DigitRequestDecoder decoder = new DigitRequestDecoder();

    private DigitRequest json(String key, String json) {
        return decoder.decode(key == null ? null : key.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8));
    }

    private SerializationException jsonFails(String key, String json) {
        return assertThrows(SerializationException.class, () -> json(key, json));
    }

    @Test
    void shouldReadAJsonRequestWithItsOwnRequestId() {
        DigitRequest r = json("ignored-key", "{\"requestId\":\"r1\",\"text\":\"42\",\"seed\":7,\"count\":3}");
        assertEquals("r1", r.getRequestId());
        assertEquals("42", r.getText());
        assertEquals(7L, r.getSeed());
        assertEquals(3, r.getCount());
    }

    @Test
    void shouldTakeTheRecordKeyWhenJsonHasNoRequestId() {
        DigitRequest r = json("k9", " {\"text\":\"7\"} ");
        assertEquals("k9", r.getRequestId());
        assertEquals(1, r.getCount());
        assertNull(r.getSeed());
    }

    @Test
    void shouldRejectJsonWithoutRequestIdOrKey() {
        assertEquals("JSON request has no requestId and the record has no key", jsonFails(null, "{\"text\":\"7\"}").getMessage());
    }

    @Test
    void shouldRejectJsonWithoutText() {
        assertTrue(jsonFails("k", "{\"requestId\":\"r\"}").getMessage().contains("has no \"text\""));
    }

    @Test
    void shouldRejectMalformedJson() {
        assertTrue(jsonFails("k", "{\"text\": \"7\",").getMessage().startsWith("malformed JSON request"));
    }

    @Test
    void shouldRejectWrongJsonTypes() {
        assertTrue(jsonFails("k", "{\"text\":\"7\",\"count\":\"three\"}").getMessage().contains("\"count\" must be a whole number"));
        assertTrue(jsonFails("k", "{\"text\":\"7\",\"count\":1.5}").getMessage().contains("\"count\" must be a whole number"));
        assertTrue(jsonFails("k", "{\"text\":\"7\",\"seed\":\"x\"}").getMessage().contains("\"seed\" must be a whole number"));
        assertTrue(jsonFails("k", "{\"text\":[7]}").getMessage().contains("\"text\" must be a string"));
    }

    @Test
    void shouldReadAnAvroRequest() {
        DigitRequest sent = DigitRequest.newBuilder().setRequestId("a1").setText("2026").setCount(2).build();
        byte[] bytes = new AvroCodec<>(DigitRequest.class).encode(sent);
        assertEquals(sent, decoder.decode(null, bytes));
    }

    @Test
    void shouldReadARequestWrittenWithTheV1SchemaWithCountDefaultingToOne() throws Exception {
        Schema v1;
        try (InputStream in = getClass().getResourceAsStream("/glyphstream/wire/history/DigitRequest-v1.avsc")) {
            v1 = new Schema.Parser().parse(in);
        }
        GenericRecord old = new GenericData.Record(v1);
        old.put("requestId", "old-1");
        old.put("text", "13");
        old.put("seed", 5L);
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        DigitRequest read = decoder.decode(null, bytes);

        assertEquals("old-1", read.getRequestId());
        assertEquals("13", read.getText());
        assertEquals(5L, read.getSeed());
        assertEquals(1, read.getCount());
        assertNull(read.getModelVersion());
    }

    @Test
    void shouldGiveAClearErrorForGarbageBytes() {
        SerializationException e = assertThrows(SerializationException.class,
                () -> decoder.decode(null, new byte[]{0, 1, 2, 3, (byte) 0xff}));
        assertTrue(e.getMessage().startsWith("not a DigitRequest: neither Avro single-object bytes"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void shouldRejectAnEmptyValue() {
        assertEquals("empty request value",
                assertThrows(SerializationException.class, () -> decoder.decode(null, new byte[0])).getMessage());
    }
}
