package glyphstream.serve;

import glyphstream.wire.avro.GeneratedImage;
import glyphstream.wire.avro.ModelUpdate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

import static glyphstream.serve.ServeDriver.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ModelHotSwapTest {

    private static final int MAX_SIZE = 4;

    @TempDir
    Path stateDir;
    private final PatternModels models = new PatternModels();
    private ModelRegistry registry;
    private ServeDriver serve;

    @BeforeEach
    void start() throws Exception {
        registry = models.registryWith("v1");
        serve = new ServeDriver(registry, stateDir, MAX_SIZE, 10);
    }

    @AfterEach
    void stop() {
        serve.close();
    }

    @Test
    void shouldDrawBatchesAfterAnAnnouncedSwapWithTheNewModelLosingAndDuplicatingNothing() {
        for (int i = 1; i <= 4; i++) {
            serve.send(request("r" + i, "1"));
        }
        serve.announce("v2");
        for (int i = 5; i <= 8; i++) {
            serve.send(request("r" + i, "1"));
        }

        List<GeneratedImage> images = serve.drainImages();
        assertEquals(List.of("r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8"), MicroBatchingTest.ids(images),
                "each request answered exactly once, in order");
        assertEquals(List.of("v1", "v1", "v1", "v1", "v2", "v2", "v2", "v2"), versions(images));
        assertEquals(List.of("v1:4", "v2:4"), models.forwardPasses);
    }

    @Test
    void shouldDrawAWholeBufferedBatchWithOneModelWhenTheSwapLandsWhileItWaits() {
        serve.send(request("before1", "1"));
        serve.send(request("before2", "1"));
        serve.announce("v2");
        serve.send(request("after1", "1"));
        serve.advanceWallClock(10);

        assertEquals(List.of("v2", "v2", "v2"), versions(serve.drainImages()));
        assertEquals(List.of("v2:3"), models.forwardPasses, "one model per batch, never a mid-batch switch");
    }

    @Test
    void shouldDrawRequestsPinnedToAnOlderVersionWithThatVersion() {
        serve.announce("v2");
        serve.send(request("current", "5"));
        serve.send(request("pinned", "5").setModelVersion("v1"));
        serve.advanceWallClock(10);

        List<GeneratedImage> images = serve.drainImages();
        assertEquals(List.of("current", "pinned"), MicroBatchingTest.ids(images));
        assertEquals(List.of("v2", "v1"), versions(images));
        assertEquals(List.of("v2:1", "v1:1"), models.forwardPasses);
    }

    @Test
    void shouldLoadButNotSwitchToAnAnnouncementMadeBeforeTheCurrentModelWasChosen() {
        serve.announce("v0", java.time.Instant.now().minusSeconds(3600)); // replayed history, e.g. at start-up
        serve.send(request("current", "1"));
        serve.send(request("pinned", "1").setModelVersion("v0"));
        serve.advanceWallClock(10);

        assertEquals(List.of("v1", "v0"), versions(serve.drainImages()));
        assertEquals("v1", registry.current().version());
    }

    @Test
    void shouldAcceptAPinToAVersionOnlyOnceItIsAnnounced() {
        serve.send(request("too-early", "5").setModelVersion("v3"));
        serve.announce("v3");
        serve.send(request("in-time", "5").setModelVersion("v3"));
        serve.advanceWallClock(10);

        assertEquals(List.of("UNKNOWN_MODEL_VERSION"), serve.drainRejected().stream().map(r -> r.getReason()).toList());
        assertEquals(List.of("in-time"), MicroBatchingTest.ids(serve.drainImages()));
    }

    @Test
    void shouldIgnoreAnAnnouncementWhoseBytesDoNotMatchItsChecksum() {
        serve.models.pipeInput("digits", ModelUpdate.newBuilder().setModelVersion("v2").setDataset("test")
                .setEpochs(1).setCreatedAt(ServeDriver.START).setSha256("00".repeat(32))
                .setCheckpoint(ByteBuffer.wrap(PatternModels.checkpoint("v2"))).build());
        serve.send(request("r", "1"));
        serve.advanceWallClock(10);

        assertEquals(List.of("v1"), versions(serve.drainImages()));
    }

    @Test
    void shouldKeepServingTheCurrentModelWhenAnAnnouncedOneCannotDraw() {
        serve.announce("broken");
        serve.send(request("r", "1"));
        serve.advanceWallClock(10);

        assertEquals(List.of("v1"), versions(serve.drainImages()));
        assertEquals(false, registry.knows("broken"));
        assertEquals(List.of("v1:warm-up", "v1:1"), models.allPasses, "checked with one warm-up pass before serving");
    }

    @Test
    void shouldRollBackWhenAnOlderModelIsAnnouncedAgain() throws Exception {
        serve.announce("v2");
        serve.announce("v1");
        serve.send(request("r", "1"));
        serve.advanceWallClock(10);

        assertEquals(List.of("v1"), versions(serve.drainImages()));
    }

    @Test
    void shouldSwapToACheckpointRegisteredByTheModelsFolderWatcherBetweenBatches() throws Exception {
        serve.send(request("r1", "1"));
        serve.advanceWallClock(10);
        registry.register(PatternModels.checkpoint("from-folder"), "models/from-folder.zip", true);
        serve.send(request("r2", "1"));
        serve.advanceWallClock(10);

        assertEquals(List.of("v1", "from-folder"), versions(serve.drainImages()));
    }

    private static List<String> versions(List<GeneratedImage> images) {
        return images.stream().map(GeneratedImage::getModelVersion).toList();
    }
}
