package glyphstream.wire;

import glyphstream.wire.avro.DigitRequest;
import glyphstream.wire.avro.GeneratedImage;
import glyphstream.wire.avro.ModelUpdate;
import glyphstream.wire.avro.RejectedRequest;
import glyphstream.wire.avro.TrainingExample;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AvroRoundTripTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private static <T extends SpecificRecord> void assertRoundTrip(Class<T> type, T record) {
        AvroSerde<T> serde = new AvroSerde<>(type);
        byte[] bytes = serde.serializer().serialize("t", record);
        assertTrue(AvroCodec.isSingleObject(bytes), "single-object marker C3 01 expected");
        assertEquals(record, serde.deserializer().deserialize("t", bytes));
    }

    @Test
    void shouldRoundTripADigitRequest() {
        assertRoundTrip(DigitRequest.class, DigitRequest.newBuilder().setRequestId("r1").setText("2026")
                .setSeed(42L).setCount(3).setModelVersion("v7").setStyleImage(ByteBuffer.wrap(new byte[]{1, 2})).build());
    }

    @Test
    void shouldRoundTripAGeneratedImage() {
        assertRoundTrip(GeneratedImage.class, GeneratedImage.newBuilder().setRequestId("r1").setText("7")
                .setPng(ByteBuffer.wrap(new byte[]{(byte) 0x89, 'P', 'N', 'G'})).setWidth(28).setHeight(28)
                .setSeed(-5L).setVariant(0).setModelVersion("v1").setCreatedAt(NOW).build());
    }

    @Test
    void shouldRoundTripARejectedRequestWithAndWithoutItsOptionalFields() {
        assertRoundTrip(RejectedRequest.class, RejectedRequest.newBuilder().setKey(ByteBuffer.wrap(new byte[]{1}))
                .setValue(ByteBuffer.wrap(new byte[]{2, 3})).setReason("UNDECODABLE").setMessage("bad")
                .setTopic("glyph.requests").setPartition(2).setOffset(99L).setRejectedAt(NOW).build());
        assertRoundTrip(RejectedRequest.class, RejectedRequest.newBuilder().setReason("EMPTY_TEXT").setMessage("")
                .setRejectedAt(NOW).build());
    }

    @Test
    void shouldRoundTripATrainingExample() {
        assertRoundTrip(TrainingExample.class, TrainingExample.newBuilder().setLabel(9).setWidth(28).setHeight(28)
                .setPixels(ByteBuffer.wrap(new byte[784])).setSource("mnist-train").build());
    }

    @Test
    void shouldRoundTripAModelUpdate() {
        assertRoundTrip(ModelUpdate.class, ModelUpdate.newBuilder().setModelVersion("v3").setDataset("mnist-train")
                .setEpochs(12).setCreatedAt(NOW).setSha256("ab".repeat(32))
                .setCheckpoint(ByteBuffer.wrap(new byte[]{'P', 'K', 3, 4})).build());
    }

    @Test
    void shouldGiveAClearErrorForGarbageBytes() {
        AvroCodec<TrainingExample> codec = new AvroCodec<>(TrainingExample.class);
        SerializationException e = assertThrows(SerializationException.class,
                () -> codec.decode(new byte[]{'h', 'e', 'l', 'l', 'o', '!', '!', '!', '!', '!', '!'}));
        assertEquals("not an Avro single-object TrainingExample (expected marker C3 01, got 68 65 6C 6C ...)",
                e.getMessage());
    }

    @Test
    void shouldRefuseARecordOfAnotherTypeByItsSchemaFingerprint() {
        byte[] model = new AvroCodec<>(ModelUpdate.class).encode(ModelUpdate.newBuilder().setModelVersion("v")
                .setDataset("d").setEpochs(1).setCreatedAt(NOW).setSha256("").setCheckpoint(ByteBuffer.allocate(0)).build());
        SerializationException e = assertThrows(SerializationException.class,
                () -> new AvroCodec<>(TrainingExample.class).decode(model));
        assertTrue(e.getMessage().contains("unknown schema"), e.getMessage());
    }

    @Test
    void shouldReportTruncatedAvroAsCorrupt() {
        AvroCodec<TrainingExample> codec = new AvroCodec<>(TrainingExample.class);
        byte[] full = codec.encode(TrainingExample.newBuilder().setLabel(1).setWidth(28).setHeight(28)
                .setPixels(ByteBuffer.wrap(new byte[784])).setSource("s").build());
        byte[] cut = java.util.Arrays.copyOf(full, 20);
        SerializationException e = assertThrows(SerializationException.class, () -> codec.decode(cut));
        assertTrue(e.getMessage().startsWith("corrupt TrainingExample"), e.getMessage());
    }

    @Test
    void shouldTreatNullBytesAsATombstone() {
        assertNull(new AvroCodec<>(TrainingExample.class).decode(null));
    }
}
