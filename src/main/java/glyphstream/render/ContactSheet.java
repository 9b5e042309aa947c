package glyphstream.render;

import java.util.Arrays;
import java.util.List;

/**
 * Lays many gray images out on one sheet, left to right, wrapping to a new row when the next image
 * would pass the sheet's width, so single digits pack densely and long numbers still fit.
 */
public final class ContactSheet {

    private static final int GAP = 4;
    private static final byte BACKGROUND = (byte) 40;

    private ContactSheet() {
    }

    /** @param rowWidth the sheet's inner width in pixels; widened to the widest image if that is wider */
    public static GrayImage of(List<GrayImage> images, int rowWidth) {
        if (images.isEmpty()) {
            return new GrayImage(1, 1, new byte[]{BACKGROUND});
        }
        int inner = Math.max(rowWidth, images.stream().mapToInt(GrayImage::width).max().orElse(1));
        int rowHeight = images.stream().mapToInt(GrayImage::height).max().orElse(1) + GAP;
        int[] xs = new int[images.size()];
        int[] ys = new int[images.size()];
        int x = 0;
        int y = 0;
        for (int i = 0; i < images.size(); i++) {
            int w = images.get(i).width();
            if (x > 0 && x + w > inner) {
                x = 0;
                y += rowHeight;
            }
            xs[i] = GAP + x;
            ys[i] = GAP + y;
            x += w + GAP;
        }
        int width = inner + 2 * GAP;
        int height = y + rowHeight + GAP;
        byte[] sheet = new byte[width * height];
        Arrays.fill(sheet, BACKGROUND);
        for (int i = 0; i < images.size(); i++) {
            GrayImage image = images.get(i);
            for (int row = 0; row < image.height(); row++) {
                System.arraycopy(image.pixels(), row * image.width(), sheet, (ys[i] + row) * width + xs[i], image.width());
            }
        }
        return new GrayImage(width, height, sheet);
    }
}
