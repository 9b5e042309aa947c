package glyphstream.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The IDX format of MNIST, Fashion-MNIST and EMNIST: a big-endian header (magic 0x00000803 for
 * images, 0x00000801 for labels, then the dimension sizes) followed by unsigned bytes. Plain or .gz.
 */
public final class IdxFiles {

    public static final int IMAGES_MAGIC = 0x00000803;
    public static final int LABELS_MAGIC = 0x00000801;

    private IdxFiles() {
    }

    /** Reads an images file and its labels file; every problem is a one-line DataFormatException. */
    public static LabeledImages read(Path images, Path labels, String name, int classes) {
        ImagesPart imagesPart = readImages(images);
        int[] labelValues = readLabels(labels, classes);
        if (labelValues.length != imagesPart.count) {
            throw new DataFormatException(labels, labelValues.length + " labels but " + images.getFileName()
                    + " holds " + imagesPart.count + " images");
        }
        return new LabeledImages(name, imagesPart.width, imagesPart.height, labelValues, imagesPart.pixels);
    }

    private record ImagesPart(int count, int height, int width, byte[] pixels) {
    }

    private static ImagesPart readImages(Path file) {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != IMAGES_MAGIC) {
                throw new DataFormatException(file, String.format(
                        "not an IDX images file (magic 0x%08x, expected 0x%08x)", magic, IMAGES_MAGIC));
            }
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (count < 0 || rows <= 0 || cols <= 0) {
                throw new DataFormatException(file, "bad header: " + count + " images of " + rows + "x" + cols);
            }
            long size = (long) count * rows * cols;
            if (size > Integer.MAX_VALUE - 8) {
                throw new DataFormatException(file, "too large: " + count + " images of " + rows + "x" + cols);
            }
            byte[] pixels = new byte[(int) size];
            readFully(in, pixels, file, "images", rows * cols);
            return new ImagesPart(count, rows, cols, pixels);
        } catch (IOException e) {
            throw ioProblem(file, e);
        }
    }

    private static int[] readLabels(Path file, int classes) {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != LABELS_MAGIC) {
                throw new DataFormatException(file, String.format(
                        "not an IDX labels file (magic 0x%08x, expected 0x%08x)", magic, LABELS_MAGIC));
            }
            int count = in.readInt();
            if (count < 0) {
                throw new DataFormatException(file, "bad header: " + count + " labels");
            }
            byte[] raw = new byte[count];
            readFully(in, raw, file, "labels", 1);
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = raw[i] & 0xff;
                if (labels[i] >= classes) {
                    throw new DataFormatException(file, "label " + labels[i] + " at index " + i
                            + " is outside the class range 0.." + (classes - 1));
                }
            }
            return labels;
        } catch (IOException e) {
            throw ioProblem(file, e);
        }
    }

    private static void readFully(DataInputStream in, byte[] target, Path file, String what, int itemSize)
            throws IOException {
        int done = 0;
        while (done < target.length) {
            int n = in.read(target, done, target.length - done);
            if (n < 0) {
                throw new DataFormatException(file, "truncated: header promises " + target.length / itemSize
                        + " " + what + ", file ends after " + done / itemSize);
            }
            done += n;
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        boolean gzip = b1 == 0x1f && b2 == 0x8b;
        return new DataInputStream(gzip ? new BufferedInputStream(new GZIPInputStream(raw), 1 << 16) : raw);
    }

    private static DataFormatException ioProblem(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DataFormatException(file, "no such file");
        }
        if (e instanceof EOFException) {
            return new DataFormatException(file, "truncated: the header ends early");
        }
        return new DataFormatException(file, "cannot read (" + e.getMessage() + ")");
    }

    /** Writes images and labels as IDX; gzip-compressed when the file name ends in .gz. */
    public static void write(LabeledImages data, Path images, Path labels) throws IOException {
        try (DataOutputStream out = create(images)) {
            out.writeInt(IMAGES_MAGIC);
            out.writeInt(data.size());
            out.writeInt(data.height());
            out.writeInt(data.width());
            out.write(data.pixels());
        }
        try (DataOutputStream out = create(labels)) {
            out.writeInt(LABELS_MAGIC);
            out.writeInt(data.size());
            for (int label : data.labels()) {
                out.writeByte(label);
            }
        }
    }

    private static DataOutputStream create(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        return new DataOutputStream(file.toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw);
    }
}
