package glyphstream.serve;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The batcher store's value format: a plain, versioned binary layout. It never leaves this service
 * (only the store and its changelog), so it needs no schema registry, just a version byte.
 */
public final class BufferedRequestSerde implements Serde<BufferedRequest> {

    private static final byte FORMAT_V1 = 1;

    @Override
    public Serializer<BufferedRequest> serializer() {
        return (topic, r) -> r == null ? null : write(r);
    }

    @Override
    public Deserializer<BufferedRequest> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    static byte[] write(BufferedRequest r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + length(r.rawKey()) + length(r.rawValue()));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_V1);
            writeNullableUtf(out, r.requestId());
            writeNullableUtf(out, r.text());
            out.writeLong(r.seed());
            out.writeInt(r.count());
            writeNullableUtf(out, r.modelVersion());
            out.writeLong(r.arrivedAtMs());
            writeNullableUtf(out, r.topic());
            out.writeInt(r.partition());
            out.writeLong(r.offset());
            writeNullableBytes(out, r.rawKey());
            writeNullableBytes(out, r.rawValue());
        } catch (IOException e) {
            throw new SerializationException("cannot write buffered request " + r.requestId(), e);
        }
        return bytes.toByteArray();
    }

    static BufferedRequest read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format != FORMAT_V1) {
                throw new SerializationException("unknown buffered-request format " + format);
            }
            return new BufferedRequest(readNullableUtf(in), readNullableUtf(in), in.readLong(), in.readInt(), readNullableUtf(in),
                    in.readLong(), readNullableUtf(in), in.readInt(), in.readLong(), readNullableBytes(in),
                    readNullableBytes(in));
        } catch (IOException e) {
            throw new SerializationException("corrupt buffered request (" + e + ")", e);
        }
    }

    private static int length(byte[] b) {
        return b == null ? 0 : b.length;
    }

    // Length-prefixed UTF-8 rather than writeUTF, which stops at 64 KB.
    private static void writeNullableUtf(DataOutputStream out, String s) throws IOException {
        writeNullableBytes(out, s == null ? null : s.getBytes(StandardCharsets.UTF_8));
    }

    private static String readNullableUtf(DataInputStream in) throws IOException {
        byte[] b = readNullableBytes(in);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private static void writeNullableBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b == null ? -1 : b.length);
        if (b != null) {
            out.write(b);
        }
    }

    private static byte[] readNullableBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }
}
