package glyphstream.model;

import java.util.List;

/** Small GANs for fast tests. */
public final class TinyGans {

    private TinyGans() {
    }

    public static ConditionalGan.Builder builder(long seed) {
        return ConditionalGan.builder()
                .latentSize(8)
                .classNames(List.of("0", "1", "2"))
                .imageSize(6, 5)
                .generatorHidden(16, 24)
                .discriminatorHidden(20)
                .emaDecay(0.9)
                .seed(seed);
    }

    /** Gray levels in [0, 1] for {@code n} images of the builder's 6x5 size. */
    public static float[] randomImages(int n, java.util.Random random) {
        float[] pixels = new float[n * 30];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        return pixels;
    }
}
