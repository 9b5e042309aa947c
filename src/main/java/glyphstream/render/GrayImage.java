package glyphstream.render;

/** An 8-bit gray image, row-major. */
public record GrayImage(int width, int height, byte[] pixels) {
}
