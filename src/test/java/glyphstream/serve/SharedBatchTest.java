package glyphstream.serve;

import glyphstream.wire.avro.GeneratedImage;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two tasks on one stream thread (two batchers, each with its own context and store) sharing one batch. */
class SharedBatchTest {

    private static final int MAX_SIZE = 4;
    private static final long MAX_DELAY_MS = 10;
    private static final long T0 = 1_000_000;

    private final PatternModels models = new PatternModels();
    private Task a;
    private Task b;

    private static final class Task {
        final MockProcessorContext<String, Object> context = new MockProcessorContext<>();
        final MicroBatcher batcher;
        final KeyValueStore<Long, BufferedRequest> store;
        final int partition;
        long offset;

        Task(SharedBatches batches, int partition) {
            this.partition = partition;
            store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(GenerationTopology.REQUEST_BUFFER_STORE),
                    Serdes.Long(), new BufferedRequestSerde()).withLoggingDisabled().build();
            store.init(context.getStateStoreContext(), store);
            context.addStateStore(store);
            context.setCurrentSystemTimeMs(T0);
            batcher = new MicroBatcher(GenerationTopology.REQUEST_BUFFER_STORE, MAX_DELAY_MS, batches, true,
                    GenerationTopology.IMAGES_SINK, GenerationTopology.REJECTED_SINK);
            batcher.init(context);
        }

        void receive(String id, long nowMs) {
            context.setCurrentSystemTimeMs(nowMs);
            long o = offset++;
            context.setRecordMetadata("glyph.requests", partition, o);
            BufferedRequest r = new BufferedRequest(id, "7", 1L, 1, null, nowMs, "glyph.requests", partition, o, null, null);
            batcher.process(new Record<>(id, r, nowMs));
        }

        void tick(long nowMs) {
            context.setCurrentSystemTimeMs(nowMs);
            context.scheduledPunctuators().stream().filter(p -> !p.cancelled())
                    .forEach(p -> p.getPunctuator().punctuate(nowMs));
        }

        List<String> sentIds() {
            return context.forwarded(GenerationTopology.IMAGES_SINK).stream()
                    .map(f -> ((GeneratedImage) f.record().value()).getRequestId()).toList();
        }
    }

    @BeforeEach
    void twoTasksOnOneThread() throws Exception {
        SharedBatches batches = new SharedBatches(models.registryWith("v1"), MAX_SIZE, MAX_DELAY_MS, new BatchStats());
        a = new Task(batches, 0);
        b = new Task(batches, 1);
    }

    @Test
    void shouldDrawTheRequestsOfAllTasksOnAThreadInOneForwardPass() {
        a.receive("a1", T0);
        b.receive("b1", T0 + 1);
        a.receive("a2", T0 + 2);
        b.receive("b2", T0 + 3); // fourth image over both tasks: the batch is full

        assertEquals(List.of("v1:4"), models.forwardPasses);
        assertEquals(List.of("b1", "b2"), b.sentIds(), "the task that filled the batch sends its share at once");
        assertTrue(a.sentIds().isEmpty(), "the other task sends its share from its own context");

        a.tick(T0 + 4);
        assertEquals(List.of("a1", "a2"), a.sentIds());
        assertEquals(List.of("v1:4"), models.forwardPasses, "no second pass for the other task's share");
    }

    @Test
    void shouldFlushWhenTheOldestRequestOfAnyTaskWaitedMaxDelay() {
        a.receive("a1", T0);
        b.receive("b1", T0 + 5);

        b.tick(T0 + MAX_DELAY_MS - 1);
        assertTrue(models.forwardPasses.isEmpty());

        b.tick(T0 + MAX_DELAY_MS);
        a.tick(T0 + MAX_DELAY_MS);
        assertEquals(List.of("v1:2"), models.forwardPasses);
        assertEquals(List.of("a1"), a.sentIds());
        assertEquals(List.of("b1"), b.sentIds());
    }

    @Test
    void shouldKeepDrawnRequestsInTheStoreUntilTheirOwnTaskSendsThem() {
        a.receive("a1", T0);
        b.receive("b1", T0);
        b.tick(T0 + MAX_DELAY_MS);

        assertEquals(1, count(a.store), "drawn by the other task, not yet sent: still buffered");
        assertEquals(0, count(b.store));
        a.tick(T0 + MAX_DELAY_MS + 2);
        assertEquals(0, count(a.store));
        assertTrue(a.context.committed(), "a commit is requested once images are sent");
    }

    @Test
    void shouldRunTheTimerOnlyWhileRequestsWait() {
        assertTrue(a.context.scheduledPunctuators().isEmpty(), "no timer while idle: each tick would cost a commit");
        a.receive("a1", T0);
        assertEquals(1, a.context.scheduledPunctuators().stream().filter(p -> !p.cancelled()).count());

        a.tick(T0 + MAX_DELAY_MS);

        assertEquals(List.of("a1"), a.sentIds());
        assertEquals(0, a.context.scheduledPunctuators().stream().filter(p -> !p.cancelled()).count());
    }

    @Test
    void shouldNotDrawForATaskThatLeftTheThread() {
        a.receive("a1", T0);
        a.batcher.close();
        b.receive("b1", T0);
        b.tick(T0 + MAX_DELAY_MS);

        assertEquals(List.of("v1:1"), models.forwardPasses);
        assertEquals(List.of("b1"), b.sentIds());
    }

    private static int count(KeyValueStore<Long, BufferedRequest> store) {
        int n = 0;
        try (var all = store.all()) {
            while (all.hasNext()) {
                all.next();
                n++;
            }
        }
        return n;
    }
}
