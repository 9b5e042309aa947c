package glyphstream.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxFilesTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadBackWhatItWrotePlain() throws IOException {
        assertRoundTrip(dir.resolve("images-idx3-ubyte"), dir.resolve("labels-idx1-ubyte"));
    }

    @Test
    void shouldReadBackWhatItWroteGzipped() throws IOException {
        Path images = dir.resolve("images-idx3-ubyte.gz");
        assertRoundTrip(images, dir.resolve("labels-idx1-ubyte.gz"));
        byte[] start = Arrays.copyOf(Files.readAllBytes(images), 2);
        assertArrayEquals(new byte[]{0x1f, (byte) 0x8b}, start, "a .gz name should give a gzip file");
    }

    private void assertRoundTrip(Path images, Path labels) throws IOException {
        LabeledImages written = TestImages.digits("t", 23, 28);
        IdxFiles.write(written, images, labels);
        LabeledImages read = IdxFiles.read(images, labels, "t", 10);
        assertEquals(28, read.width());
        assertEquals(28, read.height());
        assertArrayEquals(written.labels(), read.labels());
        assertArrayEquals(written.pixels(), read.pixels());
    }

    @Test
    void shouldNameTheFileAndMagicWhenTheMagicIsWrong() throws IOException {
        Path labels = writeValidLabels(3);
        Path images = dir.resolve("images");
        Files.write(images, header(0x00000801, 3, 28, 28)); // a labels magic in an images file
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxFiles.read(images, labels, "t", 10));
        assertTrue(e.getMessage().startsWith(images.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("magic 0x00000801"), e.getMessage());
    }

    @Test
    void shouldSayHowManyImagesATruncatedImagesFileHolds() throws IOException {
        Path labels = writeValidLabels(3);
        Path images = dir.resolve("images");
        byte[] full = concat(header(IdxFiles.IMAGES_MAGIC, 3, 28, 28), new byte[3 * 784]);
        Files.write(images, Arrays.copyOf(full, full.length - 784 - 10));
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxFiles.read(images, labels, "t", 10));
        assertTrue(e.getMessage().contains("truncated: header promises 3 images, file ends after 1"), e.getMessage());
    }

    @Test
    void shouldRejectALabelsFileShorterThanItsHeaderSays() throws IOException {
        Path images = writeValidImages(5);
        Path labels = dir.resolve("labels");
        Files.write(labels, concat(header(IdxFiles.LABELS_MAGIC, 5), new byte[]{1, 2, 3}));
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxFiles.read(images, labels, "t", 10));
        assertTrue(e.getMessage().startsWith(labels.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void shouldRejectAHeaderThatEndsEarly() throws IOException {
        Path labels = writeValidLabels(3);
        Path images = dir.resolve("images");
        Files.write(images, Arrays.copyOf(header(IdxFiles.IMAGES_MAGIC, 3, 28, 28), 9));
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxFiles.read(images, labels, "t", 10));
        assertTrue(e.getMessage().contains("header ends early"), e.getMessage());
    }

    @Test
    void shouldRejectDifferentImageAndLabelCounts() throws IOException {
        Path images = writeValidImages(4);
        Path labels = writeValidLabels(3);
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxFiles.read(images, labels, "t", 10));
        assertTrue(e.getMessage().contains("3 labels but"), e.getMessage());
        assertTrue(e.getMessage().contains("holds 4 images"), e.getMessage());
    }

    @Test
    void shouldRejectALabelOutsideTheClassRange() throws IOException {
        Path images = writeValidImages(3);
        Path labels = dir.resolve("labels");
        Files.write(labels, concat(header(IdxFiles.LABELS_MAGIC, 3), new byte[]{1, 10, 2}));
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxFiles.read(images, labels, "t", 10));
        assertTrue(e.getMessage().contains("label 10 at index 1"), e.getMessage());
    }

    @Test
    void shouldNameAMissingFile() {
        Path missing = dir.resolve("nope.gz");
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxFiles.read(missing, missing, "t", 10));
        assertEquals(missing + ": no such file", e.getMessage());
    }

    private Path writeValidImages(int n) throws IOException {
        Path images = dir.resolve("valid-images");
        Files.write(images, concat(header(IdxFiles.IMAGES_MAGIC, n, 28, 28), new byte[n * 784]));
        return images;
    }

    private Path writeValidLabels(int n) throws IOException {
        Path labels = dir.resolve("valid-labels");
        Files.write(labels, concat(header(IdxFiles.LABELS_MAGIC, n), new byte[n]));
        return labels;
    }

    static byte[] header(int... ints) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (int v : ints) {
                out.writeInt(v);
            }
        }
        return bytes.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
