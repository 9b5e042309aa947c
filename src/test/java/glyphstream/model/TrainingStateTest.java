package glyphstream.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrainingStateTest {

    @TempDir
    Path dir;

    @Test
    void shouldContinueExactlyAsTheUninterruptedRunWhenRestoredFromState() throws IOException {
        ConditionalGan uninterrupted = TinyGans.builder(5).build();
        ConditionalGan interrupted = TinyGans.builder(5).build();
        step(uninterrupted, 1);
        step(interrupted, 1);
        TrainingState.save(dir.resolve("state.zip"), interrupted, 1);

        TrainingState.Restored restored = TrainingState.load(dir.resolve("state.zip"));
        assertEquals(1, restored.epochsDone());
        assertEquals(1, restored.gan().steps());
        step(uninterrupted, 2);
        step(restored.gan(), 2);

        // same weights means the optimiser state (Adam moments) and moving average came back too
        assertEquals(2, restored.gan().steps());
        assertEquals(uninterrupted.generatorParamsCopy(), restored.gan().generatorParamsCopy());
        assertEquals(uninterrupted.discriminatorParamsCopy(), restored.gan().discriminatorParamsCopy());
        assertEquals(uninterrupted.emaParams(), restored.gan().emaParams());
    }

    private static void step(ConditionalGan gan, long seed) {
        Nd4j.getRandom().setSeed(seed);
        Random random = new Random(seed);
        gan.step(Nd4j.create(TinyGans.randomImages(4, random), new long[]{4, 30}, 'c'), new int[]{0, 1, 2, 0}, random);
    }
}
