package glyphstream.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrainingOptionsTest {

    @Test
    void shouldKeepLearningRatesConstantBeforeTheDecayWindowAndEndAtTenPercent() {
        TrainingOptions options = TrainingOptions.defaults().withEpochs(10).withLrDecayEpochs(4);
        assertEquals(1.0, options.learningRateScale(1), 1e-12);
        assertEquals(1.0, options.learningRateScale(6), 1e-12);
        assertEquals(1.0 - 0.9 / 4, options.learningRateScale(7), 1e-12);
        assertEquals(0.1, options.learningRateScale(10), 1e-12);
    }

    @Test
    void shouldNeverScaleWhenDecayIsOff() {
        TrainingOptions options = TrainingOptions.defaults().withEpochs(3);
        assertEquals(1.0, options.learningRateScale(3), 1e-12);
    }

    @Test
    void shouldRejectADecayWindowLongerThanTheRun() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingOptions.defaults().withEpochs(3).withLrDecayEpochs(5).validate());
        assertEquals("lr-decay epochs must be in 0..3 (the run's epochs), got 5", e.getMessage());
    }
}
