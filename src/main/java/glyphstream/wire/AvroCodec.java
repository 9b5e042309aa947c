package glyphstream.wire;

import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Avro single-object encoding (marker C3 01, the schema's 64-bit fingerprint, then the binary body):
 * any consumer can tell which schema wrote a record without a registry. Records written with an
 * older schema version read as long as that version is registered (see {@link #withHistory}).
 */
public final class AvroCodec<T extends SpecificRecord> {

    private final Class<T> type;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    public AvroCodec(Class<T> type) {
        this.type = type;
        Schema schema = SpecificData.get().getSchema(type);
        this.encoder = new BinaryMessageEncoder<>(SpecificData.get(), schema);
        this.decoder = new BinaryMessageDecoder<>(SpecificData.get(), schema);
    }

    /** Also reads records written with each of these older schema versions (classpath resources). */
    public AvroCodec<T> withHistory(String... resources) {
        for (String resource : resources) {
            try (InputStream in = AvroCodec.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing schema resource " + resource);
                }
                decoder.addSchema(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    public byte[] encode(T record) {
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new SerializationException("cannot encode " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** @throws SerializationException with a one-line reason when the bytes are not such a record */
    public T decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (!isSingleObject(bytes)) {
            throw new SerializationException("not an Avro single-object " + type.getSimpleName()
                    + " (expected marker C3 01, got " + describeStart(bytes) + ")");
        }
        try {
            return decoder.decode(bytes);
        } catch (MissingSchemaException e) {
            throw new SerializationException(type.getSimpleName() + " written with an unknown schema ("
                    + e.getMessage() + ")", e);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("corrupt " + type.getSimpleName() + " (" + e + ")", e);
        }
    }

    public static boolean isSingleObject(byte[] bytes) {
        return bytes.length >= 10 && (bytes[0] & 0xff) == 0xC3 && bytes[1] == 0x01;
    }

    private static String describeStart(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(4, bytes.length); i++) {
            s.append(String.format("%02X ", bytes[i] & 0xff));
        }
        return bytes.length == 0 ? "no bytes" : s.toString().trim() + (bytes.length > 4 ? " ..." : "");
    }
}
