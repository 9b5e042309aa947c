package glyphstream.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Conversions between the project's plain arrays (gray bytes, class indices) and ND4J matrices. */
public final class Tensors {

    private Tensors() {
    }

    /** Rows [from, from+count) of n*pixelsPerImage gray bytes as a count x pixelsPerImage matrix in [0, 1]. */
    public static INDArray unitPixels(byte[] pixels, int pixelsPerImage, int from, int count) {
        float[] values = new float[count * pixelsPerImage];
        int offset = from * pixelsPerImage;
        for (int i = 0; i < values.length; i++) {
            values[i] = (pixels[offset + i] & 0xFF) / 255f;
        }
        return Nd4j.create(values, new long[]{count, pixelsPerImage}, 'c');
    }

    /** Selected rows of n*pixelsPerImage gray bytes as a matrix in [0, 1], in the order of {@code rows}. */
    public static INDArray unitPixels(byte[] pixels, int pixelsPerImage, int[] rows) {
        float[] values = new float[rows.length * pixelsPerImage];
        for (int r = 0; r < rows.length; r++) {
            int offset = rows[r] * pixelsPerImage;
            for (int p = 0; p < pixelsPerImage; p++) {
                values[r * pixelsPerImage + p] = (pixels[offset + p] & 0xFF) / 255f;
            }
        }
        return Nd4j.create(values, new long[]{rows.length, pixelsPerImage}, 'c');
    }

    /** One row per label with a 1 in column label; {@code width} columns. */
    public static INDArray oneHot(int[] labels, int width) {
        INDArray out = Nd4j.zeros(DataType.FLOAT, labels.length, width);
        for (int i = 0; i < labels.length; i++) {
            out.putScalar(i, labels[i], 1f);
        }
        return out;
    }

    /** Index of the largest value in each row. */
    public static int[] argMaxRows(INDArray scores) {
        return scores.argMax(1).toIntVector();
    }

    /** Gray levels in [0, 1] to bytes 0..255, clamped. */
    public static byte[] toGrayBytes(float[] unit) {
        byte[] out = new byte[unit.length];
        for (int i = 0; i < unit.length; i++) {
            float v = Math.max(0f, Math.min(1f, unit[i]));
            out[i] = (byte) Math.round(v * 255f);
        }
        return out;
    }
}
