package glyphstream.serve;

import glyphstream.wire.Bytes;
import glyphstream.model.DigitGenerator;
import glyphstream.wire.avro.ModelUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The model versions this server can draw with, by version string, and which one is current.
 * Fed by the start-up checkpoint, the model topic and the models folder (each from its own thread);
 * read by the batchers, which take {@link #current()} once per batch, so a swap lands between batches.
 * Every version stays loaded, so requests pinned to an older version keep being answered.
 */
public final class ModelRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);

    private final GeneratorLoader loader;
    private final Map<String, LoadedModel> byVersion = new ConcurrentHashMap<>();
    private final Map<String, LoadedModel> bySha256 = new ConcurrentHashMap<>();
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private volatile LoadedModel current;
    /** Wall-clock time the current model became current; an announcement older than that is history. */
    private volatile long currentSinceMillis;

    /** Told when the current model changes (logging, tests). */
    @FunctionalInterface
    public interface Listener {
        void currentChanged(LoadedModel now);
    }

    public ModelRegistry(GeneratorLoader loader) {
        this.loader = loader;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** The model that draws requests without a pinned version; null before the first registration. */
    public LoadedModel current() {
        return current;
    }

    public Optional<LoadedModel> version(String version) {
        return Optional.ofNullable(byVersion.get(version));
    }

    public boolean knows(String version) {
        return byVersion.containsKey(version);
    }

    public Set<String> versions() {
        return Set.copyOf(byVersion.keySet());
    }

    /**
     * Loads a checkpoint (unless these very bytes were loaded before) and, if asked, makes it current.
     * Announcing bytes seen before makes them current again: that is how a roll-back looks.
     */
    public synchronized LoadedModel register(byte[] checkpoint, String origin, boolean makeCurrent) throws IOException {
        String sha = sha256(checkpoint);
        LoadedModel model = bySha256.get(sha);
        if (model == null) {
            DigitGenerator generator = loader.load(checkpoint);
            warmUp(generator, origin);
            model = new LoadedModel(generator, checkpoint, sha, origin, loader);
            LoadedModel previous = byVersion.putIfAbsent(model.version(), model);
            if (previous != null) {
                // Two different files claiming one version: keep the first, images must name what drew them.
                LOG.warn("model version {} from {} ignored: version already loaded from {} with other bytes",
                        model.version(), origin, previous.origin());
                return previous;
            }
            bySha256.put(sha, model);
            LOG.info("loaded model {} ({}x{}, latent {}) from {}", model.version(), model.info().width(),
                    model.info().height(), model.info().latentSize(), origin);
        }
        if (makeCurrent && current != model) {
            current = model;
            currentSinceMillis = System.currentTimeMillis();
            LOG.info("model {} is now current", model.version());
            for (Listener l : listeners) {
                l.currentChanged(model);
            }
        }
        return model;
    }

    /**
     * One tiny forward pass before the model may serve: the first pass of a DL4J network takes seconds
     * (native code, workspaces), which would otherwise land on the first batch; and a checkpoint that
     * cannot draw is refused here instead of failing batches.
     */
    private static void warmUp(DigitGenerator generator, String origin) throws IOException {
        try {
            float[] pixels = generator.draw(new int[]{0}, new float[generator.info().latentSize()]);
            int expected = generator.info().width() * generator.info().height();
            if (pixels.length != expected) {
                throw new IOException("drew " + pixels.length + " values for one image, expected " + expected);
            }
        } catch (RuntimeException e) {
            throw new IOException("model from " + origin + " cannot draw: " + e.getMessage(), e);
        }
    }

    public LoadedModel registerFile(Path file, boolean makeCurrent) throws IOException {
        return register(Files.readAllBytes(file), file.toString(), makeCurrent);
    }

    /** A model-topic announcement; refused (logged, not thrown) when its bytes do not match its checksum. */
    public Optional<LoadedModel> registerUpdate(ModelUpdate update, String origin) throws IOException {
        byte[] checkpoint = Bytes.of(update.getCheckpoint());
        String sha = sha256(checkpoint);
        if (update.getSha256() != null && !update.getSha256().isBlank() && !update.getSha256().equalsIgnoreCase(sha)) {
            LOG.warn("model update {} from {} ignored: checkpoint SHA-256 {} does not match announced {}",
                    update.getModelVersion(), origin, sha, update.getSha256());
            return Optional.empty();
        }
        // An announcement made before the current model was chosen (replayed from the compacted topic
        // at start-up, say, while the operator started with --model) is loaded for pinned requests but
        // does not take over; announcements made since then do, a re-announced old model included.
        boolean newerDecision = current == null || update.getCreatedAt().toEpochMilli() >= currentSinceMillis;
        LoadedModel model = register(checkpoint, origin, newerDecision);
        if (!model.version().equals(update.getModelVersion())) {
            LOG.warn("model update announced version {} but its checkpoint says {}; images will name {}",
                    update.getModelVersion(), model.version(), model.version());
        }
        return Optional.of(model);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }
}
