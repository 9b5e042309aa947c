package glyphstream.serve;

import glyphstream.model.DigitGenerator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Loads "checkpoints" that are just "pattern-model:VERSION" ("pattern-model:broken" loads but cannot
 * draw), and logs every forward pass as "VERSION:ROWS" (the registry's warm-up pass as "VERSION:warm-up").
 */
final class PatternModels implements GeneratorLoader {

    private static final String PREFIX = "pattern-model:";

    final List<String> allPasses = new CopyOnWriteArrayList<>();
    /** The passes that drew requests, warm-ups left out. */
    final List<String> forwardPasses = new FilteredView(allPasses);

    static byte[] checkpoint(String version) {
        return (PREFIX + version).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public DigitGenerator load(byte[] checkpoint) throws IOException {
        String text = new String(checkpoint, StandardCharsets.UTF_8);
        if (!text.startsWith(PREFIX)) {
            throw new IOException("not a pattern model checkpoint");
        }
        String version = text.substring(PREFIX.length());
        if (version.equals("broken")) {
            return new PatternGenerator(version, pass -> {
                throw new IllegalStateException("this generator cannot draw");
            });
        }
        return new PatternGenerator(version, allPasses::add);
    }

    ModelRegistry registryWith(String currentVersion) throws IOException {
        ModelRegistry registry = new ModelRegistry(this);
        registry.register(checkpoint(currentVersion), "test", true);
        return registry;
    }

    /** A read-only live view of the passes that are not warm-ups. */
    private static final class FilteredView extends java.util.AbstractList<String> {
        private final List<String> all;

        FilteredView(List<String> all) {
            this.all = all;
        }

        private List<String> current() {
            return all.stream().filter(p -> !p.endsWith(":warm-up")).toList();
        }

        @Override
        public String get(int index) {
            return current().get(index);
        }

        @Override
        public int size() {
            return current().size();
        }
    }
}
