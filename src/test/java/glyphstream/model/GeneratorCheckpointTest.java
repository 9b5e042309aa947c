package glyphstream.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GeneratorCheckpointTest {

    @TempDir
    Path dir;

    private static CheckpointMetadata metadata(ConditionalGan gan) {
        GanSettings s = gan.settings();
        return new CheckpointMetadata("tiny-e001", "unit-data", "abc123", 1, gan.steps(), s.seed(), s.width(), s.height(),
                s.latentSize(), s.classNames(), 1_700_000_000_000L, Map.of("g_loss", 0.5));
    }

    private static ConditionalGan trainedTinyGan() {
        ConditionalGan gan = TinyGans.builder(3).build();
        Random random = new Random(1);
        gan.step(org.nd4j.linalg.factory.Nd4j.create(TinyGans.randomImages(3, random), new long[]{3, 30}, 'c'), new int[]{0, 1, 2}, random);
        return gan;
    }

    @Test
    void shouldDrawIdenticalImagesWhenACheckpointIsSavedAndLoadedFromFileOrBytes() throws IOException {
        ConditionalGan gan = trainedTinyGan();
        NetworkGenerator original = new NetworkGenerator(gan.samplingNetwork(), metadata(gan).info());
        Path file = dir.resolve("models/tiny.zip");
        GeneratorCheckpoint.save(file, gan.samplingNetwork(), metadata(gan));

        int[] labels = {2, 0, 1, 1};
        float[] latents = new float[labels.length * 8];
        Random random = new Random(4);
        for (int i = 0; i < latents.length; i++) {
            latents[i] = (float) random.nextGaussian();
        }
        float[] expected = original.draw(labels, latents);
        assertArrayEquals(expected, GeneratorCheckpoint.load(file).draw(labels, latents));
        assertArrayEquals(expected, GeneratorCheckpoint.load(Files.readAllBytes(file)).draw(labels, latents));
    }

    @Test
    void shouldKeepMetadataWhenACheckpointIsSavedAndLoaded() throws IOException {
        ConditionalGan gan = trainedTinyGan();
        Path file = dir.resolve("tiny.zip");
        GeneratorCheckpoint.save(file, gan.samplingNetwork(), metadata(gan));
        GeneratorCheckpoint.addMetrics(file, Map.of("label_fidelity", 0.98));

        CheckpointMetadata loaded = GeneratorCheckpoint.load(file).metadata();
        assertEquals(metadata(gan).withMetrics(Map.of("label_fidelity", 0.98)), loaded);
        assertEquals(new ModelInfo("tiny-e001", 8, 6, 5, java.util.List.of("0", "1", "2")), GeneratorCheckpoint.load(file).info());
    }

    @Test
    void shouldFailWithAClearMessageWhenBytesAreNotACheckpoint() {
        IOException e = assertThrows(IOException.class, () -> GeneratorCheckpoint.load(new byte[]{1, 2, 3}));
        assertEquals("not a generator checkpoint: missing generator.dl4j", e.getMessage());
    }

    @Test
    void shouldRejectLatentsOfTheWrongLengthWhenDrawing() {
        ConditionalGan gan = trainedTinyGan();
        NetworkGenerator generator = new NetworkGenerator(gan.samplingNetwork(), metadata(gan).info());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> generator.draw(new int[]{0, 1}, new float[8]));
        assertEquals("latents has 8 values, expected 2 x 8", e.getMessage());
    }
}
