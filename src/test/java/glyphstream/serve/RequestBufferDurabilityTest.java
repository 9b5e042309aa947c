package glyphstream.serve;

import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static glyphstream.serve.ServeDriver.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestBufferDurabilityTest {

    @TempDir
    Path stateDir;
    @TempDir
    Path crashCopy;

    @Test
    void shouldLogBufferedRequestsToTheChangelogAndTombstoneThemOnceAnswered() throws Exception {
        try (ServeDriver serve = new ServeDriver(new PatternModels().registryWith("v1"), stateDir, 64, 10)) {
            TestOutputTopic<Long, BufferedRequest> changelog = serve.driver.createOutputTopic(
                    "serve-test-" + GenerationTopology.REQUEST_BUFFER_STORE + "-changelog",
                    new LongDeserializer(), new BufferedRequestSerde().deserializer());

            serve.send(request("a", "12").setSeed(5L));
            serve.send(request("b", "3").setCount(2));

            List<KeyValue<Long, BufferedRequest>> logged = changelog.readKeyValuesToList();
            assertEquals(List.of(0L, 1L), logged.stream().map(kv -> kv.key).toList(), "keyed by source offset");
            assertEquals(List.of("a", "b"), logged.stream().map(kv -> kv.value.requestId()).toList());
            assertEquals(5L, logged.get(0).value.seed());
            assertEquals(2, logged.get(1).value.count());

            serve.advanceWallClock(10);

            assertEquals(3, serve.drainImages().size());
            List<KeyValue<Long, BufferedRequest>> tombstones = changelog.readKeyValuesToList();
            assertEquals(List.of(0L, 1L), tombstones.stream().map(kv -> kv.key).toList());
            tombstones.forEach(kv -> assertNull(kv.value, "deleted once its images were sent"));
        }
    }

    @Test
    void shouldWriteNothingToTheChangelogForARequestAnsweredBeforeTheNextCommit() throws Exception {
        try (ServeDriver serve = new ServeDriver(new PatternModels().registryWith("v1"), stateDir, 1, 10)) {
            TestOutputTopic<Long, BufferedRequest> changelog = serve.driver.createOutputTopic(
                    "serve-test-" + GenerationTopology.REQUEST_BUFFER_STORE + "-changelog",
                    new LongDeserializer(), new BufferedRequestSerde().deserializer());

            serve.send(request("a", "1")); // batch size 1: stored, drawn and deleted within one commit
            serve.send(request("b", "2"));

            assertEquals(2, serve.drainImages().size());
            assertTrue(changelog.isEmpty(), "no put, no tombstone: " + changelog.readKeyValuesToList());
        }
    }

    @Test
    void shouldAnswerRequestsBufferedBeforeACrashFromTheStoreOnDisk() throws Exception {
        try (ServeDriver beforeCrash = new ServeDriver(new PatternModels().registryWith("v1"), stateDir, 64, 10)) {
            beforeCrash.send(request("a", "12").setSeed(5L));
            beforeCrash.send(request("b", "3"));
            assertTrue(beforeCrash.images.isEmpty());
            copy(stateDir, crashCopy); // the disk as a crash would leave it (the driver cleans up on close)
        }

        try (ServeDriver afterRestart = new ServeDriver(new PatternModels().registryWith("v1"), crashCopy, 64, 10)) {
            afterRestart.advanceWallClock(10);

            assertEquals(List.of("a", "b"), MicroBatchingTest.ids(afterRestart.drainImages()));
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                try {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else if (!source.getFileName().toString().equals(".lock")) {
                        Files.copy(source, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
