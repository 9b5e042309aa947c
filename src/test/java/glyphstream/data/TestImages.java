package glyphstream.data;

/** Small labelled image sets that tests make themselves. */
public final class TestImages {

    private TestImages() {
    }

    /** n images of side x side; image i has label i % 10 and pixels (i + p) % 256, so each image differs. */
    public static LabeledImages digits(String name, int n, int side) {
        int[] labels = new int[n];
        byte[] pixels = new byte[n * side * side];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            for (int p = 0; p < side * side; p++) {
                pixels[i * side * side + p] = (byte) (i + p);
            }
        }
        return new LabeledImages(name, side, side, labels, pixels);
    }
}
