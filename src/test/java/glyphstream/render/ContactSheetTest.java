package glyphstream.render;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContactSheetTest {

    private static GrayImage filled(int w, int h, int gray) {
        byte[] p = new byte[w * h];
        java.util.Arrays.fill(p, (byte) gray);
        return new GrayImage(w, h, p);
    }

    @Test
    void shouldWrapToANewRowWhenTheNextImageWouldPassTheRowWidth() {
        // row width 60 holds two 28-wide images (28 + 4 gap + 28); the third wraps
        GrayImage sheet = ContactSheet.of(List.of(filled(28, 28, 200), filled(28, 28, 201), filled(28, 28, 202)), 60);

        assertEquals(60 + 8, sheet.width());
        assertEquals(4 + 32 + 32, sheet.height());
        assertEquals(202, sheet.pixels()[(4 + 32) * sheet.width() + 4] & 0xff, "third image starts the second row");
        assertEquals(201, sheet.pixels()[4 * sheet.width() + 4 + 32] & 0xff, "second image beside the first");
    }

    @Test
    void shouldWidenTheSheetForAnImageWiderThanTheRow() {
        GrayImage sheet = ContactSheet.of(List.of(filled(100, 28, 9)), 60);
        assertEquals(108, sheet.width());
    }
}
