package glyphstream.model;

import java.util.SplittableRandom;

/**
 * The latent vector for a (seed, variant) pair, computed in plain Java so that the same request
 * draws the same image on every machine and backend (ND4J's RNG differs between CPU and GPU).
 */
public final class Latents {

    private Latents() {
    }

    /** Standard normal values, deterministic in (seed, variant). */
    public static void fill(long seed, int variant, float[] target, int offset, int latentSize) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + variant);
        for (int i = 0; i < latentSize; i += 2) {
            // Box-Muller: two normals from two uniforms; 1 - u keeps the log away from 0.
            double radius = Math.sqrt(-2.0 * Math.log(1.0 - random.nextDouble()));
            double angle = 2.0 * Math.PI * random.nextDouble();
            target[offset + i] = (float) (radius * Math.cos(angle));
            if (i + 1 < latentSize) {
                target[offset + i + 1] = (float) (radius * Math.sin(angle));
            }
        }
    }

    public static float[] of(long seed, int variant, int latentSize) {
        float[] z = new float[latentSize];
        fill(seed, variant, z, 0, latentSize);
        return z;
    }
}
