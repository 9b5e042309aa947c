package glyphstream.serve;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFolderWatcherTest {

    @TempDir
    Path folder;
    private ModelFolderWatcher watcher;

    @AfterEach
    void stop() {
        watcher.close();
    }

    @Test
    void shouldLoadCheckpointsAlreadyThereWithoutMakingThemCurrent() throws Exception {
        Files.write(folder.resolve("old.zip"), PatternModels.checkpoint("old"));
        ModelRegistry registry = new PatternModels().registryWith("start");

        watcher = new ModelFolderWatcher(folder, registry).start(60_000);

        assertEquals(Set.of("start", "old"), registry.versions(), "old is known, so pins to it are answered");
        assertEquals("start", registry.current().version());
    }

    @Test
    void shouldMakeANewCheckpointCurrentOnceItStoppedChanging() throws Exception {
        ModelRegistry registry = new PatternModels().registryWith("start");
        watcher = new ModelFolderWatcher(folder, registry).start(60_000);
        Path file = folder.resolve("next.zip");
        Files.write(file, PatternModels.checkpoint("next"));

        watcher.poll();
        assertEquals("start", registry.current().version(), "first sight: maybe still being written");

        watcher.poll();
        assertEquals("next", registry.current().version());
    }

    @Test
    void shouldIgnoreOtherFilesAndUnloadableCheckpoints() throws Exception {
        ModelRegistry registry = new PatternModels().registryWith("start");
        watcher = new ModelFolderWatcher(folder, registry).start(60_000);
        Files.write(folder.resolve("notes.txt"), PatternModels.checkpoint("txt"));
        Files.write(folder.resolve("broken.zip"), new byte[]{1, 2, 3});

        watcher.poll();
        watcher.poll();

        assertEquals(Set.of("start"), registry.versions());
    }

    @Test
    void shouldPickUpACheckpointRewrittenInPlace() throws Exception {
        Path file = folder.resolve("generator.zip");
        Files.write(file, PatternModels.checkpoint("a"));
        ModelRegistry registry = new PatternModels().registryWith("a");
        watcher = new ModelFolderWatcher(folder, registry).start(60_000);

        Files.write(file, PatternModels.checkpoint("bb"));
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        watcher.poll();
        watcher.poll();

        assertEquals("bb", registry.current().version());
        assertTrue(registry.knows("a"));
    }
}
