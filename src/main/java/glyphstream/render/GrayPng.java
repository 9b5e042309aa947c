package glyphstream.render;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A lean 8-bit grayscale PNG encoder: one IDAT chunk, filter "none" on every row. About 4x the
 * speed of javax.imageio for 28x28 images, whose per-call overhead would otherwise cap the service.
 * Not thread-safe (it reuses its Deflater and buffers); use one per thread.
 */
public final class GrayPng {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int GRAYSCALE = 0;

    private final Deflater deflater = new Deflater(6);
    private final CRC32 crc = new CRC32();
    private byte[] raw = new byte[0];
    private byte[] compressed = new byte[0];

    public byte[] encode(GrayImage image) {
        int w = image.width();
        int h = image.height();
        int rawSize = (w + 1) * h;
        if (raw.length < rawSize) {
            raw = new byte[rawSize];
            compressed = new byte[rawSize + rawSize / 100 + 64];
        }
        for (int y = 0; y < h; y++) {
            raw[y * (w + 1)] = 0; // filter type 0 (none)
            System.arraycopy(image.pixels(), y * w, raw, y * (w + 1) + 1, w);
        }
        deflater.reset();
        deflater.setInput(raw, 0, rawSize);
        deflater.finish();
        int idatLength = 0;
        while (!deflater.finished()) {
            if (idatLength == compressed.length) {
                compressed = java.util.Arrays.copyOf(compressed, compressed.length * 2);
            }
            idatLength += deflater.deflate(compressed, idatLength, compressed.length - idatLength);
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream(idatLength + 64);
        out.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, w);
        putInt(header, 4, h);
        header[8] = 8; // bit depth
        header[9] = GRAYSCALE;
        chunk(out, "IHDR", header, header.length);
        chunk(out, "IDAT", compressed, idatLength);
        chunk(out, "IEND", new byte[0], 0);
        return out.toByteArray();
    }

    private void chunk(ByteArrayOutputStream out, String type, byte[] data, int length) {
        byte[] lengthAndType = new byte[8];
        putInt(lengthAndType, 0, length);
        for (int i = 0; i < 4; i++) {
            lengthAndType[4 + i] = (byte) type.charAt(i);
        }
        out.write(lengthAndType, 0, 8);
        out.write(data, 0, length);
        crc.reset();
        crc.update(lengthAndType, 4, 4);
        crc.update(data, 0, length);
        byte[] crcBytes = new byte[4];
        putInt(crcBytes, 0, (int) crc.getValue());
        out.write(crcBytes, 0, 4);
    }

    private static void putInt(byte[] target, int offset, int value) {
        target[offset] = (byte) (value >>> 24);
        target[offset + 1] = (byte) (value >>> 16);
        target[offset + 2] = (byte) (value >>> 8);
        target[offset + 3] = (byte) value;
    }
}
