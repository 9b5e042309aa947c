package glyphstream.serve;

import glyphstream.wire.avro.GeneratedImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.apache.kafka.streams.test.TestRecord;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MicroBatchingTest {

    private static final int MAX_SIZE = 4;
    private static final int MAX_DELAY_MS = 10;

    @TempDir
    Path stateDir;
    private final PatternModels models = new PatternModels();
    private ServeDriver serve;

    @BeforeEach
    void start() throws Exception {
        serve = new ServeDriver(models.registryWith("v1"), stateDir, MAX_SIZE, MAX_DELAY_MS);
    }

    @AfterEach
    void stop() {
        serve.close();
    }

    @Test
    void shouldFlushWhenBatchReachesMaxSize() {
        for (int i = 1; i < MAX_SIZE; i++) {
            serve.send(ServeDriver.request("r" + i, "7"));
        }
        assertTrue(serve.images.isEmpty(), "a batch below max size waits");

        serve.send(ServeDriver.request("r" + MAX_SIZE, "7"));

        assertEquals(List.of("r1", "r2", "r3", "r4"), ids(serve.drainImages()));
        assertEquals(List.of("v1:4"), models.forwardPasses, "one forward pass for the whole batch");
    }

    @Test
    void shouldFlushWhenOldestRequestWaitedMaxDelay() {
        serve.send(ServeDriver.request("early", "1"));
        serve.advanceWallClock(MAX_DELAY_MS / 2);
        serve.send(ServeDriver.request("late", "2"));

        serve.advanceWallClock(MAX_DELAY_MS / 2 - 1);
        assertTrue(serve.images.isEmpty(), "not flushed before the oldest waited max delay");

        serve.advanceWallClock(1);
        assertEquals(List.of("early", "late"), ids(serve.drainImages()), "the young one rides along with the old one");
        assertEquals(List.of("v1:2"), models.forwardPasses);
    }

    @Test
    void shouldNotFlushWithoutInputBeforeMaxDelayEvenAfterLongIdle() {
        serve.advanceWallClock(1_000);
        serve.send(ServeDriver.request("r1", "5"));
        serve.advanceWallClock(MAX_DELAY_MS - 1);
        assertTrue(serve.images.isEmpty());
        serve.advanceWallClock(1);
        assertEquals(1, serve.drainImages().size());
    }

    @Test
    void shouldSendBatchInArrivalOrderWithOneForwardPassForAllDigits() {
        serve.send(ServeDriver.request("a", "12"));
        serve.send(ServeDriver.request("b", "3"));
        serve.send(ServeDriver.request("c", "2026"));
        serve.send(ServeDriver.request("d", "9"));

        List<TestRecord<String, GeneratedImage>> out = serve.drainImageRecords();

        assertEquals(List.of("a", "b", "c", "d"), out.stream().map(TestRecord::key).toList());
        assertEquals(List.of("12", "3", "2026", "9"), out.stream().map(r -> r.value().getText()).toList());
        assertEquals(List.of("v1:8"), models.forwardPasses, "2 + 1 + 4 + 1 digits in one pass");
        for (TestRecord<String, GeneratedImage> r : out) {
            assertEquals(r.key(), new String(r.headers().lastHeader(MicroBatcher.REQUEST_ID_HEADER).value(),
                    StandardCharsets.UTF_8), "request id header");
            assertEquals(r.key(), r.value().getRequestId());
        }
    }

    @Test
    void shouldSplitOversizedBacklogIntoBatchesOfAtMostMaxSize() {
        serve.send(ServeDriver.request("three", "1").setCount(3));
        serve.send(ServeDriver.request("two", "2").setCount(2)); // 5 images buffered: flush 3, keep 2

        assertEquals(List.of("three", "three", "three"), ids(serve.drainImages()));
        serve.advanceWallClock(MAX_DELAY_MS);
        assertEquals(List.of("two", "two"), ids(serve.drainImages()));
        assertEquals(List.of("v1:3", "v1:2"), models.forwardPasses);
    }

    @Test
    void shouldLetOneRequestLargerThanMaxSizeThroughAsItsOwnBatch() {
        serve.send(ServeDriver.request("big", "0").setCount(MAX_SIZE + 2));
        assertEquals(MAX_SIZE + 2, serve.drainImages().size());
    }

    static List<String> ids(List<GeneratedImage> images) {
        return images.stream().map(GeneratedImage::getRequestId).toList();
    }
}
