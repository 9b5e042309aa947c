package glyphstream.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingFilesTest {

    @TempDir
    Path dir;

    @Test
    void shouldRejectImagesThatAreNot28x28() throws IOException {
        Path images = dir.resolve("small-images-idx3-ubyte.gz");
        IdxFiles.write(TestImages.digits("small", 5, 20), images, dir.resolve("small-labels-idx1-ubyte.gz"));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> TrainingFiles.read(images, dir.resolve("small-labels-idx1-ubyte.gz"), "small"));
        assertEquals(images + ": images are 20x20 pixels; the model takes 28x28", e.getMessage());
    }

    @Test
    void shouldAccept28x28Digits() throws IOException {
        Path images = dir.resolve("ok-images.gz");
        IdxFiles.write(TestImages.digits("ok", 5, 28), images, dir.resolve("ok-labels.gz"));
        assertEquals(5, TrainingFiles.read(images, dir.resolve("ok-labels.gz"), "ok").size());
    }

    @Test
    void shouldNameADataSetAfterItsFolderAndFile() {
        assertEquals("mnist-train", TrainingFiles.datasetName(Path.of("data/mnist/train-images-idx3-ubyte.gz")));
        assertEquals("fashion-mnist-t10k", TrainingFiles.datasetName(Path.of("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz")));
        assertEquals("emnist-emnist-digits-train",
                TrainingFiles.datasetName(Path.of("/x/emnist/emnist-digits-train-images-idx3-ubyte")));
        assertTrue(TrainingFiles.datasetName(Path.of("weird name.bin")).endsWith("-weird_name.bin"));
    }
}
