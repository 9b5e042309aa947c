package glyphstream.eval;

/** Mean pairwise Euclidean distance between images (gray levels in [0, 1]); low values within a class mean mode collapse. */
public final class Diversity {

    private Diversity() {
    }

    /**
     * Mean distance over all unordered pairs among the images at {@code rows} of {@code pixels}
     * (n * pixelsPerImage bytes 0..255, scaled to [0, 1]); 0 for fewer than two images.
     */
    public static double meanPairwiseDistance(byte[] pixels, int pixelsPerImage, int[] rows) {
        if (rows.length < 2) {
            return 0;
        }
        double sum = 0;
        long pairs = 0;
        for (int a = 0; a < rows.length; a++) {
            int offA = rows[a] * pixelsPerImage;
            for (int b = a + 1; b < rows.length; b++) {
                int offB = rows[b] * pixelsPerImage;
                double squared = 0;
                for (int p = 0; p < pixelsPerImage; p++) {
                    double d = ((pixels[offA + p] & 0xFF) - (pixels[offB + p] & 0xFF)) / 255.0;
                    squared += d * d;
                }
                sum += Math.sqrt(squared);
                pairs++;
            }
        }
        return sum / pairs;
    }
}
