package glyphstream.serve;

import glyphstream.model.DigitGenerator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Loads "checkpoints" that are just "pattern-model:VERSION", and logs every forward pass as "VERSION:ROWS". */
final class PatternModels implements GeneratorLoader {

    private static final String PREFIX = "pattern-model:";

    final List<String> forwardPasses = new CopyOnWriteArrayList<>();

    static byte[] checkpoint(String version) {
        return (PREFIX + version).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public DigitGenerator load(byte[] checkpoint) throws IOException {
        String text = new String(checkpoint, StandardCharsets.UTF_8);
        if (!text.startsWith(PREFIX)) {
            throw new IOException("not a pattern model checkpoint");
        }
        return new PatternGenerator(text.substring(PREFIX.length()), forwardPasses::add);
    }

    ModelRegistry registryWith(String currentVersion) throws IOException {
        ModelRegistry registry = new ModelRegistry(this);
        registry.register(checkpoint(currentVersion), "test", true);
        return registry;
    }
}
