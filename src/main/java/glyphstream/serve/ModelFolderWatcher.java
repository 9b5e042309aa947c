package glyphstream.serve;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches the models folder for new or rewritten checkpoints (*.zip) and registers each as the
 * current model. Polls rather than using WatchService (which misses events on some mounts), and
 * takes a file only once its size and time stamp held still for one poll: never a half-written one.
 */
public final class ModelFolderWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModelFolderWatcher.class);

    private record Stamp(long size, long modified) {
    }

    private final Path folder;
    private final ModelRegistry models;
    private final Map<Path, Stamp> registered = new HashMap<>();
    private final Map<Path, Stamp> pending = new HashMap<>();
    private ScheduledExecutorService poller;

    public ModelFolderWatcher(Path folder, ModelRegistry models) {
        this.folder = folder;
        this.models = models;
    }

    /** Loads what the folder holds now (known, but not current: model.file decides that), then watches. */
    public ModelFolderWatcher start(long pollMs) {
        for (Path file : checkpoints()) {
            Stamp stamp = stamp(file);
            registered.put(file, stamp);
            register(file, false);
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "model-folder-watcher");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::poll, pollMs, pollMs, TimeUnit.MILLISECONDS);
        return this;
    }

    /** One look at the folder; public so tests need not wait for the timer. */
    public synchronized void poll() {
        for (Path file : checkpoints()) {
            Stamp now = stamp(file);
            if (now == null || now.equals(registered.get(file))) {
                continue;
            }
            if (!now.equals(pending.put(file, now))) {
                continue; // new or still changing: look again next poll
            }
            pending.remove(file);
            registered.put(file, now);
            register(file, true);
        }
    }

    private void register(Path file, boolean makeCurrent) {
        try {
            models.registerFile(file, makeCurrent);
        } catch (glyphstream.model.NotAGeneratorCheckpointException e) {
            LOG.debug("{} skipped: {}", file, e.getMessage()); // e.g. the eval classifier in models/
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} not loaded: {}", file, SkipUnreadableRecords.oneLine(e));
        }
    }

    private List<Path> checkpoints() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".zip") && Files.isRegularFile(f))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            LOG.warn("cannot list {}: {}", folder, e.toString());
            return List.of();
        }
    }

    private static Stamp stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(a.size(), a.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
