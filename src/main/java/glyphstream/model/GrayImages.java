package glyphstream.model;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** 8-bit grayscale images from gray levels, and PNG files of them. */
public final class GrayImages {

    private GrayImages() {
    }

    /** An image from {@code width * height} gray levels in [0, 1] starting at {@code offset}. */
    public static BufferedImage of(float[] unit, int offset, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float v = Math.max(0f, Math.min(1f, unit[offset + y * width + x]));
                raster.setSample(x, y, 0, Math.round(v * 255f));
            }
        }
        return image;
    }

    /**
     * A grid of rows x cols tiles, tile (r, c) taken from image r * cols + c of {@code unit}
     * (images of tileWidth x tileHeight gray levels in [0, 1], one after another).
     */
    public static BufferedImage grid(float[] unit, int rows, int cols, int tileWidth, int tileHeight) {
        BufferedImage image = new BufferedImage(cols * tileWidth, rows * tileHeight, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        int pixels = tileWidth * tileHeight;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int offset = (r * cols + c) * pixels;
                for (int y = 0; y < tileHeight; y++) {
                    for (int x = 0; x < tileWidth; x++) {
                        float v = Math.max(0f, Math.min(1f, unit[offset + y * tileWidth + x]));
                        raster.setSample(c * tileWidth + x, r * tileHeight + y, 0, Math.round(v * 255f));
                    }
                }
            }
        }
        return image;
    }

    public static void writePng(BufferedImage image, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer available for " + file);
        }
    }
}
