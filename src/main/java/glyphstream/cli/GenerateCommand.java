package glyphstream.cli;

import glyphstream.model.DigitGenerator;
import glyphstream.model.GeneratorCheckpoint;
import glyphstream.render.DigitStrips;
import glyphstream.render.DrawJob;
import glyphstream.render.GrayImage;
import glyphstream.render.GrayPng;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Draws digit images locally from a generator checkpoint, without Kafka. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Draw handwritten digits locally (no Kafka): PNGs plus DIR/manifest.csv.")
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--text", required = true, description = "Digits to draw, e.g. 7 or 2026 (one image, digits side by side).")
    String text;

    @Option(names = "--count", defaultValue = "1", description = "Images to draw, each in its own style (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "1", description = "Style seed; the same seed draws the same images (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--model", defaultValue = "models/generator.zip", description = "Generator checkpoint (default: ${DEFAULT-VALUE}).")
    Path model;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (count <= 0) {
            throw new IllegalArgumentException("--count must be > 0, got " + count);
        }
        if (!Files.isRegularFile(model)) {
            throw new IllegalArgumentException("generator checkpoint not found: " + model);
        }
        List<DrawJob> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            jobs.add(new DrawJob(text, seed, i)); // rejects non-digit text in one line
        }
        DigitGenerator generator = GeneratorCheckpoint.load(model);
        List<GrayImage> images = DigitStrips.draw(generator, jobs);
        Files.createDirectories(out);
        GrayPng png = new GrayPng();
        try (Writer manifest = Files.newBufferedWriter(out.resolve("manifest.csv"), StandardCharsets.UTF_8)) {
            manifest.write("request_id,text,file\n");
            for (int i = 0; i < images.size(); i++) {
                String requestId = "local-" + seed + "-" + i;
                String file = text + "-" + seed + "-" + i + ".png";
                Files.write(out.resolve(file), png.encode(images.get(i)));
                manifest.write(requestId + "," + text + "," + file + "\n");
            }
        }
        System.out.println("wrote " + images.size() + " image(s) and manifest.csv to " + out);
        return 0;
    }
}
