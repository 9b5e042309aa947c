package glyphstream.cli;

import glyphstream.model.CheckpointMetadata;
import glyphstream.model.ConditionalGan;
import glyphstream.model.GeneratorCheckpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerateCommandTest {

    @TempDir
    Path dir;
    Path model;

    @BeforeEach
    void saveAnUntrainedGenerator() throws IOException {
        ConditionalGan gan = ConditionalGan.builder().generatorHidden(32).discriminatorHidden(16).seed(1).build();
        model = dir.resolve("gen.zip");
        GeneratorCheckpoint.save(model, gan.samplingNetwork(), new CheckpointMetadata("untrained", "none", "0", 0, 0, 1,
                28, 28, 100, gan.settings().classNames(), 0, Map.of()));
    }

    private int run(StringWriter err, String... args) {
        CommandLine cli = new CommandLine(new GenerateCommand());
        cli.setExecutionExceptionHandler(new OneLineErrors());
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void shouldWriteOneStripPerImageAndAManifestWhenTextHasSeveralDigits() throws IOException {
        Path out = dir.resolve("out");
        int code = run(new StringWriter(), "--text", "2026", "--count", "3", "--seed", "5", "--model", model.toString(), "--out", out.toString());

        assertEquals(0, code);
        List<String> manifest = Files.readAllLines(out.resolve("manifest.csv"));
        assertEquals("request_id,text,file", manifest.get(0));
        assertEquals(4, manifest.size());
        for (String row : manifest.subList(1, 4)) {
            String[] cells = row.split(",");
            assertEquals("2026", cells[1]);
            BufferedImage image = ImageIO.read(out.resolve(cells[2]).toFile());
            assertEquals(4 * 28, image.getWidth());
            assertEquals(28, image.getHeight());
            assertEquals(BufferedImage.TYPE_BYTE_GRAY, image.getType());
        }
    }

    @Test
    void shouldDrawTheSameImagesWhenTheSeedIsTheSame() throws IOException {
        run(new StringWriter(), "--text", "7", "--seed", "9", "--model", model.toString(), "--out", dir.resolve("a").toString());
        run(new StringWriter(), "--text", "7", "--seed", "9", "--model", model.toString(), "--out", dir.resolve("b").toString());
        assertEquals(-1L, Files.mismatch(dir.resolve("a/7-9-0.png"), dir.resolve("b/7-9-0.png")));
    }

    @Test
    void shouldFailWithOneLineWhenTextIsNotDigits() {
        StringWriter err = new StringWriter();
        int code = run(err, "--text", "7a", "--model", model.toString(), "--out", dir.resolve("x").toString());
        assertEquals(1, code);
        assertEquals("glyphstream generate: text must be digits 0-9, got \"7a\"", err.toString().strip());
    }

    @Test
    void shouldFailWithOneLineWhenTheModelIsMissing() {
        StringWriter err = new StringWriter();
        int code = run(err, "--text", "7", "--model", dir.resolve("none.zip").toString(), "--out", dir.resolve("x").toString());
        assertEquals(1, code);
        assertTrue(err.toString().strip().startsWith("glyphstream generate: generator checkpoint not found:"), err.toString());
        assertEquals(1, err.toString().strip().lines().count());
    }
}
