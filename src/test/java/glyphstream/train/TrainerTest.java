package glyphstream.train;

import glyphstream.data.LabeledImages;
import glyphstream.model.CheckpointMetadata;
import glyphstream.model.GeneratorCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {

    @TempDir
    Path dir;

    private static LabeledImages randomDigits(int n, int side, long seed) {
        Random random = new Random(seed);
        int[] labels = new int[n];
        byte[] pixels = new byte[n * side * side];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
        }
        random.nextBytes(pixels);
        return new LabeledImages("random-" + n, side, side, labels, pixels);
    }

    private TrainingOptions tinyRun(int epochs) {
        return TrainingOptions.defaults().withEpochs(epochs).withBatchSize(16).withOutputDir(dir.resolve("run"))
                .withProgressBar(false);
    }

    @Test
    void shouldAskForDataEachEpochAndNotifyAfterEachCheckpoint() throws IOException {
        LabeledImages data = randomDigits(32, 28, 1);
        AtomicInteger asked = new AtomicInteger();
        List<CheckpointMetadata> published = new ArrayList<>();
        TrainingResult result = new Trainer()
                .addListener((file, metadata) -> {
                    assertTrue(Files.isRegularFile(file), "checkpoint exists when the listener hears of it");
                    published.add(metadata);
                })
                .train(() -> {
                    asked.incrementAndGet();
                    return data;
                }, tinyRun(2));

        assertEquals(2, asked.get());
        assertEquals(List.of(1, 2), published.stream().map(CheckpointMetadata::epochs).toList());
        assertEquals(4, result.metadata().steps(), "32 images / batch 16 = 2 steps per epoch");
        assertEquals(data.fingerprint(), result.metadata().datasetFingerprint());
        assertEquals(4, GeneratorCheckpoint.load(result.checkpoint()).metadata().steps());
        assertTrue(Files.isRegularFile(dir.resolve("run/samples/epoch-002.png")));
        assertTrue(Files.isRegularFile(dir.resolve("run/loss.png")));
    }

    @Test
    void shouldContinueTheStepAndEpochCountWhenResumedFromAState() throws IOException {
        LabeledImages data = randomDigits(32, 28, 2);
        TrainingResult first = new Trainer().train(() -> data, tinyRun(1));
        Path saved = dir.resolve("saved-state.zip");
        Files.copy(first.state(), saved);

        TrainingResult resumed = new Trainer().train(() -> data, tinyRun(1).withResumeFrom(saved));

        assertEquals(2, resumed.metadata().epochs());
        assertEquals(4, resumed.metadata().steps());
    }

    @Test
    void shouldGiveTheSameGeneratorWhenTwoRunsUseTheSameSeed() throws IOException {
        LabeledImages data = randomDigits(32, 28, 3);
        TrainingResult a = new Trainer().train(() -> data, tinyRun(1).withOutputDir(dir.resolve("a")));
        TrainingResult b = new Trainer().train(() -> data, tinyRun(1).withOutputDir(dir.resolve("b")));
        float[] latents = new float[2 * 100];
        java.util.Arrays.fill(latents, 0.3f);
        int[] labels = {3, 8};
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                GeneratorCheckpoint.load(a.checkpoint()).draw(labels, latents),
                GeneratorCheckpoint.load(b.checkpoint()).draw(labels, latents));
    }

    @Test
    void shouldRejectNonPositiveEpochsInOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer().train(() -> randomDigits(16, 28, 1), tinyRun(0)));
        assertEquals("epochs must be > 0, got 0", e.getMessage());
    }

    @Test
    void shouldRejectEmptyDataInOneLine() {
        LabeledImages empty = new LabeledImages("nothing-yet", 28, 28, new int[0], new byte[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer().train(() -> empty, tinyRun(1)));
        assertEquals("training data 'nothing-yet' is empty at epoch 1", e.getMessage());
    }

    @Test
    void shouldRejectImagesOfTheWrongSizeInOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer().train(() -> randomDigits(16, 32, 1), tinyRun(1)));
        assertEquals("training data 'random-16' has 32x32 images, the model needs 28x28", e.getMessage());
    }

    @Test
    void shouldRejectABadBatchSizeInOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer().train(() -> randomDigits(16, 28, 1), tinyRun(1).withBatchSize(0)));
        assertEquals("batch size must be > 0, got 0", e.getMessage());
    }
}
