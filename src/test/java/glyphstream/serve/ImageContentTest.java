package glyphstream.serve;

import glyphstream.model.Latents;
import glyphstream.wire.avro.GeneratedImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static glyphstream.serve.ServeDriver.request;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ImageContentTest {

    private static final int SIDE = PatternGenerator.SIDE;

    @TempDir
    Path stateDir;
    private ServeDriver serve;

    @BeforeEach
    void start() throws Exception {
        serve = new ServeDriver(new PatternModels().registryWith("v1"), stateDir, 64, 10);
    }

    @AfterEach
    void stop() {
        serve.close();
    }

    private List<GeneratedImage> flush() {
        serve.advanceWallClock(10);
        return serve.drainImages();
    }

    @Test
    void shouldDrawByteIdenticalPngForSameTextSeedAndModel() {
        serve.send(request("a", "42").setSeed(7L));
        serve.send(request("b", "42").setSeed(7L));
        serve.send(request("c", "42").setSeed(8L));
        List<GeneratedImage> first = flush();
        serve.send(request("d", "42").setSeed(7L)); // a later batch, a different batch position
        List<GeneratedImage> later = flush();

        byte[] a = png(first.get(0));
        assertArrayEquals(a, png(first.get(1)));
        assertArrayEquals(a, png(later.get(0)));
        assertFalse(java.util.Arrays.equals(a, png(first.get(2))), "another seed draws another image");
    }

    @Test
    void shouldReturnTheSeedItChoseSoSendingItBackRedrawsTheImage() {
        serve.send(request("unseeded", "3"));
        GeneratedImage original = flush().get(0);

        serve.send(request("again", "3").setSeed(original.getSeed()));
        GeneratedImage redrawn = flush().get(0);

        assertArrayEquals(png(original), png(redrawn));
        assertEquals(original.getSeed(), redrawn.getSeed());
    }

    @Test
    void shouldPickDifferentSeedsForUnseededRequests() {
        serve.send(request("x", "3"));
        serve.send(request("y", "3"));
        List<GeneratedImage> images = flush();
        assertNotEquals(images.get(0).getSeed(), images.get(1).getSeed());
    }

    @Test
    void shouldDrawMultiDigitTextAsOneStripOfDigitsSharingOneLatent() throws IOException {
        serve.send(request("year", "2026").setSeed(11L));
        GeneratedImage image = flush().get(0);

        BufferedImage decoded = decode(image);
        assertEquals(4 * SIDE, image.getWidth());
        assertEquals(SIDE, image.getHeight());
        assertEquals(4 * SIDE, decoded.getWidth());
        assertEquals(SIDE, decoded.getHeight());
        int[] expectedLabels = {2, 0, 2, 6};
        int[] latentRow = latentRow(decoded, 0);
        for (int d = 0; d < 4; d++) {
            assertEquals(PatternGenerator.labelGray(expectedLabels[d]), gray(decoded, d * SIDE, 0), "label of digit " + d);
            assertArrayEquals(latentRow, latentRow(decoded, d), "digit " + d + " shares the strip's latent");
        }
        float[] z = Latents.of(11L, 0, PatternGenerator.LATENT);
        for (int j = 0; j < PatternGenerator.LATENT; j++) {
            assertEquals(PatternGenerator.latentGray(z[j]), latentRow[j], "latent of (seed 11, variant 0)");
        }
    }

    @Test
    void shouldDrawCountVariantsWithOneSeedAndDistinctLatents() throws IOException {
        serve.send(request("three", "8").setSeed(99L).setCount(3));
        List<GeneratedImage> images = flush();

        assertEquals(List.of(0, 1, 2), images.stream().map(GeneratedImage::getVariant).toList());
        assertEquals(List.of(99L, 99L, 99L), images.stream().map(GeneratedImage::getSeed).toList());
        for (GeneratedImage image : images) {
            float[] z = Latents.of(99L, image.getVariant(), PatternGenerator.LATENT);
            assertEquals(PatternGenerator.latentGray(z[0]), latentRow(decode(image), 0)[0]);
            assertEquals(PatternGenerator.labelGray(8), gray(decode(image), 0, 0));
        }
        assertFalse(java.util.Arrays.equals(png(images.get(0)), png(images.get(1))));
    }

    @Test
    void shouldNameTheModelVersionThatDrewTheImage() throws IOException {
        serve.send(request("r", "1"));
        GeneratedImage image = flush().get(0);
        assertEquals("v1", image.getModelVersion());
        assertEquals(PatternGenerator.versionGray("v1"), gray(decode(image), 0, 2));
    }

    static byte[] png(GeneratedImage image) {
        return glyphstream.wire.Bytes.of(image.getPng());
    }

    static BufferedImage decode(GeneratedImage image) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png(image)));
    }

    static int gray(BufferedImage image, int x, int y) {
        return image.getRaster().getSample(x, y, 0);
    }

    private static int[] latentRow(BufferedImage image, int digit) {
        int[] row = new int[PatternGenerator.LATENT];
        for (int j = 0; j < row.length; j++) {
            row[j] = gray(image, digit * SIDE + j, 1);
        }
        return row;
    }
}
