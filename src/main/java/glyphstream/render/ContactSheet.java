package glyphstream.render;

import java.util.List;

/**
 * Lays many gray images out on one sheet, row by row, each in a cell as wide as the widest image,
 * with a small gap, so a person can look at everything at once.
 */
public final class ContactSheet {

    private static final int GAP = 4;
    private static final byte BACKGROUND = (byte) 40;

    private ContactSheet() {
    }

    public static GrayImage of(List<GrayImage> images, int columns) {
        if (images.isEmpty()) {
            return new GrayImage(1, 1, new byte[]{BACKGROUND});
        }
        int cellW = images.stream().mapToInt(GrayImage::width).max().orElse(1) + GAP;
        int cellH = images.stream().mapToInt(GrayImage::height).max().orElse(1) + GAP;
        int cols = Math.max(1, Math.min(columns, images.size()));
        int rows = (images.size() + cols - 1) / cols;
        int width = cols * cellW + GAP;
        int height = rows * cellH + GAP;
        byte[] sheet = new byte[width * height];
        java.util.Arrays.fill(sheet, BACKGROUND);
        for (int i = 0; i < images.size(); i++) {
            GrayImage image = images.get(i);
            int x0 = GAP + (i % cols) * cellW;
            int y0 = GAP + (i / cols) * cellH;
            for (int y = 0; y < image.height(); y++) {
                System.arraycopy(image.pixels(), y * image.width(), sheet, (y0 + y) * width + x0, image.width());
            }
        }
        return new GrayImage(width, height, sheet);
    }
}
