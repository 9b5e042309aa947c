package glyphstream.render;

import glyphstream.model.DigitGenerator;
import glyphstream.model.Latents;
import glyphstream.model.ModelInfo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DigitStripsTest {

    /** Paints pixel 0 with the label / 10 and every other pixel with the first latent value squashed into [0, 1]. */
    static final class LabelAndLatentGenerator implements DigitGenerator {
        final List<Integer> batchSizes = new ArrayList<>();
        private final ModelInfo info = new ModelInfo("test", 4, 2, 2, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));

        @Override
        public ModelInfo info() {
            return info;
        }

        @Override
        public float[] draw(int[] labels, float[] latents) {
            batchSizes.add(labels.length);
            float[] out = new float[labels.length * 4];
            for (int i = 0; i < labels.length; i++) {
                out[i * 4] = labels[i] / 10f;
                float style = (float) (1 / (1 + Math.exp(-latents[i * 4])));
                for (int p = 1; p < 4; p++) {
                    out[i * 4 + p] = style;
                }
            }
            return out;
        }
    }

    @Test
    void shouldDrawEveryDigitOfEveryJobInOneForwardPass() {
        LabelAndLatentGenerator generator = new LabelAndLatentGenerator();
        DigitStrips.draw(generator, List.of(new DrawJob("2026", 1, 0), new DrawJob("7", 2, 0), new DrawJob("31", 3, 1)));
        assertEquals(List.of(7), generator.batchSizes);
    }

    @Test
    void shouldLayMultiDigitTextSideBySideInOneSharedStyle() {
        GrayImage strip = DigitStrips.draw(new LabelAndLatentGenerator(), List.of(new DrawJob("2026", 5, 0))).get(0);

        assertEquals(8, strip.width());
        assertEquals(2, strip.height());
        int[] expectedLabels = {2, 0, 2, 6};
        for (int d = 0; d < 4; d++) {
            assertEquals(Math.round(expectedLabels[d] / 10f * 255), strip.pixels()[d * 2] & 0xff, "digit " + d);
            // same latent for all four digits: same style pixel
            assertEquals(strip.pixels()[3], strip.pixels()[d * 2 + 1], "style of digit " + d);
        }
    }

    @Test
    void shouldDrawOtherStylesForOtherVariantsAndTheSameForTheSameSeed() {
        var generator = new LabelAndLatentGenerator();
        var images = DigitStrips.draw(generator, List.of(new DrawJob("1", 9, 0), new DrawJob("1", 9, 1), new DrawJob("1", 9, 0)));
        assertNotEquals(images.get(0).pixels()[1], images.get(1).pixels()[1]);
        assertArrayEquals(images.get(0).pixels(), images.get(2).pixels());
    }

    @Test
    void shouldRefuseTextThatIsNotDigits() {
        assertThrows(IllegalArgumentException.class, () -> new DrawJob("2a", 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new DrawJob("", 1, 0));
    }

    @Test
    void latentsShouldBeDeterministicAndRoughlyStandardNormal() {
        float[] a = Latents.of(123, 4, 10_000);
        assertArrayEquals(a, Latents.of(123, 4, 10_000));
        double mean = 0;
        double sq = 0;
        for (float v : a) {
            mean += v;
            sq += v * v;
        }
        mean /= a.length;
        double var = sq / a.length - mean * mean;
        assertEquals(0, mean, 0.05);
        assertEquals(1, var, 0.05);
    }
}
