package glyphstream.demo;

import glyphstream.wire.Bytes;
import glyphstream.render.ContactSheet;
import glyphstream.render.GrayImage;
import glyphstream.render.GrayPng;
import glyphstream.wire.avro.GeneratedImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes the demo's images, out/manifest.csv and one contact sheet of everything. */
final class DemoOutput {

    static final String MANIFEST = "manifest.csv";
    static final String CONTACT_SHEET = "contact-sheet.png";

    private final Path dir;
    private final java.util.Map<String, GrayImage> decoded = new java.util.HashMap<>();
    private final StringBuilder manifest = new StringBuilder("request_id,text,file,model_version,latency_ms\n");

    DemoOutput(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        // Only what an earlier demo wrote; anything else in the folder stays.
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "demo-*.png")) {
            for (Path file : old) {
                Files.delete(file);
            }
        }
    }

    void add(GeneratedImage image, double latencyMs) {
        byte[] png = Bytes.of(image.getPng());
        String file = image.getRequestId() + "-" + image.getVariant() + ".png";
        try {
            Files.write(dir.resolve(file), png);
            decoded.put(image.getRequestId(), decode(png));
        } catch (IOException e) {
            throw new UncheckedIOException(dir.resolve(file) + ": cannot write (" + e.getMessage() + ")", e);
        }
        manifest.append(image.getRequestId()).append(',').append(image.getText()).append(',').append(file).append(',')
                .append(image.getModelVersion()).append(',').append(String.format("%.1f", latencyMs)).append('\n');
    }

    /** Writes the manifest and the contact sheet (images in the given request order); returns the sheet's path. */
    Path finish(List<String> requestOrder) throws IOException {
        try (Writer out = Files.newBufferedWriter(dir.resolve(MANIFEST))) {
            out.write(manifest.toString());
        }
        Path sheet = dir.resolve(CONTACT_SHEET);
        List<GrayImage> ordered = new ArrayList<>();
        requestOrder.stream().map(decoded::get).filter(java.util.Objects::nonNull).forEach(ordered::add);
        Files.write(sheet, new GrayPng().encode(ContactSheet.of(ordered, 10 * 32 - 4)));
        return sheet;
    }

    private static GrayImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        if (image == null) {
            throw new IOException("an image is not a readable PNG");
        }
        Raster raster = image.getRaster();
        byte[] pixels = new byte[image.getWidth() * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                pixels[y * image.getWidth() + x] = (byte) raster.getSample(x, y, 0);
            }
        }
        return new GrayImage(image.getWidth(), image.getHeight(), pixels);
    }
}
