package glyphstream.serve;

import glyphstream.model.DigitGenerator;
import glyphstream.model.ModelInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One model version the server can draw with. DL4J networks are not thread-safe, so each thread
 * that draws gets its own copy, loaded from the checkpoint bytes on first use (the copy made while
 * registering is handed to the first thread that asks, so a one-thread server loads each model once).
 */
public final class LoadedModel {

    private final ModelInfo info;
    private final String sha256;
    private final String origin;
    private final AtomicReference<DigitGenerator> spare;
    private final ThreadLocal<DigitGenerator> perThread;

    LoadedModel(DigitGenerator first, byte[] checkpoint, String sha256, String origin, GeneratorLoader loader) {
        this.info = first.info();
        this.sha256 = sha256;
        this.origin = origin;
        this.spare = new AtomicReference<>(first);
        this.perThread = ThreadLocal.withInitial(() -> {
            DigitGenerator handed = spare.getAndSet(null);
            return handed != null ? handed : load(loader, checkpoint);
        });
    }

    private static DigitGenerator load(GeneratorLoader loader, byte[] checkpoint) {
        try {
            return loader.load(checkpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load a copy of a model that loaded before: " + e.getMessage(), e);
        }
    }

    public ModelInfo info() {
        return info;
    }

    public String version() {
        return info.version();
    }

    public String sha256() {
        return sha256;
    }

    public String origin() {
        return origin;
    }

    /** This thread's own generator for this version. */
    public DigitGenerator generatorForThisThread() {
        return perThread.get();
    }
}
