package glyphstream.data;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Labelled gray images held in memory: n * width * height bytes (0..255, row-major), one label per image.
 */
public record LabeledImages(String name, int width, int height, int[] labels, byte[] pixels) {

    public LabeledImages {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(name + ": image size " + width + "x" + height + " is not positive");
        }
        if ((long) labels.length * width * height != pixels.length) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels but " + pixels.length
                    + " pixel bytes (expected " + (long) labels.length * width * height + ")");
        }
    }

    public int size() {
        return labels.length;
    }

    public int pixelsPerImage() {
        return width * height;
    }

    /** A copy of image i's pixels. */
    public byte[] image(int i) {
        int n = pixelsPerImage();
        return Arrays.copyOfRange(pixels, i * n, (i + 1) * n);
    }

    /** How many images carry each label 0..classes-1. */
    public int[] countPerLabel(int classes) {
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** Hex SHA-256 over size, labels and pixels: names the exact data a model was trained on. */
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((width + "x" + height + ":" + labels.length + ":").getBytes());
            for (int label : labels) {
                sha.update((byte) label);
            }
            sha.update(pixels);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The images at the given indexes, in that order. */
    public LabeledImages select(String newName, int[] indexes) {
        int n = pixelsPerImage();
        int[] newLabels = new int[indexes.length];
        byte[] newPixels = new byte[indexes.length * n];
        for (int j = 0; j < indexes.length; j++) {
            newLabels[j] = labels[indexes[j]];
            System.arraycopy(pixels, indexes[j] * n, newPixels, j * n, n);
        }
        return new LabeledImages(newName, width, height, newLabels, newPixels);
    }
}
