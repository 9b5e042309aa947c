package glyphstream.render;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class GrayPngTest {

    @Test
    void shouldEncodeAn8BitGrayPngThatImageIoDecodesToTheSamePixels() throws Exception {
        int w = 56;
        int h = 28;
        byte[] pixels = new byte[w * h];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) ((i * 37) % 256);
        }
        GrayPng png = new GrayPng();

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png.encode(new GrayImage(w, h, pixels))));

        assertEquals(BufferedImage.TYPE_BYTE_GRAY, decoded.getType());
        assertEquals(w, decoded.getWidth());
        assertEquals(h, decoded.getHeight());
        byte[] back = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                back[y * w + x] = (byte) decoded.getRaster().getSample(x, y, 0);
            }
        }
        assertArrayEquals(pixels, back);
    }

    @Test
    void shouldGiveIdenticalBytesWhenReusedForTheSameImage() {
        GrayPng png = new GrayPng();
        GrayImage small = new GrayImage(3, 2, new byte[]{1, 2, 3, 4, 5, 6});
        byte[] first = png.encode(small);
        png.encode(new GrayImage(300, 200, new byte[300 * 200])); // grows the reused buffers
        assertArrayEquals(first, png.encode(small));
    }
}
