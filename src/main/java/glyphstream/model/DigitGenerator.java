package glyphstream.model;

/**
 * A trained class-conditional generator: labels plus latent vectors in, gray images out.
 * Not thread-safe (DL4J networks are not): give each thread its own, or serialise calls.
 */
public interface DigitGenerator {

    ModelInfo info();

    /**
     * Draws one image per label in a single forward pass.
     *
     * @param labels  class index per image, each in [0, info().classes())
     * @param latents labels.length * info().latentSize() values, row-major, one row per image
     * @return labels.length * width * height gray levels in [0, 1], row-major, one image after another
     */
    float[] draw(int[] labels, float[] latents);
}
