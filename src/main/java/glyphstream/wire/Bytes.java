package glyphstream.wire;

import java.nio.ByteBuffer;

/** Avro `bytes` fields arrive as ByteBuffers; this copies one out without moving its position. */
public final class Bytes {

    private Bytes() {
    }

    public static byte[] of(ByteBuffer buffer) {
        ByteBuffer view = buffer.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return bytes;
    }
}
