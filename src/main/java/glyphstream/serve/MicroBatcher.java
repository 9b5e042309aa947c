package glyphstream.serve;

import glyphstream.wire.avro.GeneratedImage;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects valid requests and has them drawn in batches: a batch is flushed when its images reach
 * batch.max.size, or when its oldest request has waited batch.max.delay.ms by the wall clock (stream
 * time stands still without input), whichever comes first. The batch is shared by the batchers of
 * all tasks on this stream thread ({@link SharedBatch}), so one forward pass serves them all.
 * <p>
 * Requests wait in a changelogged store keyed by source offset (arrival order), not only in memory:
 * Kafka Streams commits input offsets regardless of what a processor holds, so a request is deleted
 * from the store only once its images have been sent; a crash replays the store, not the input.
 * An in-memory copy of the queue spares the hot path from reading the store back.
 */
@SuppressWarnings("unchecked")
final class MicroBatcher implements Processor<String, BufferedRequest, String, Object> {

    static final String REQUEST_ID_HEADER = "requestId";

    private final String storeName;
    private final long maxDelayMs;
    private final SharedBatches batches;
    private final boolean commitAfterSending;
    private final String toImages;
    private final String toRejected;

    private final ArrayDeque<BufferedRequest> waiting = new ArrayDeque<>();
    private final List<BatchOutcome> ready = new ArrayList<>();
    private int waitingImages;
    private SharedBatch batch;
    private Cancellable timer;
    private KeyValueStore<Long, BufferedRequest> store;
    private ProcessorContext<String, Object> context;

    /**
     * @param commitAfterSending ask for a commit once images are sent: under exactly-once they become
     *                           visible at commit, so this keeps commit.interval.ms out of the latency
     */
    MicroBatcher(String storeName, long maxDelayMs, SharedBatches batches, boolean commitAfterSending,
                 String toImages, String toRejected) {
        this.storeName = storeName;
        this.maxDelayMs = maxDelayMs;
        this.batches = batches;
        this.commitAfterSending = commitAfterSending;
        this.toImages = toImages;
        this.toRejected = toRejected;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        skipWritesOfRequestsAnsweredBeforeCommit(store);
        // init runs again when a task is revived: rebuild the queue from the (restored) store.
        waiting.clear();
        ready.clear();
        waitingImages = 0;
        timer = null;
        try (KeyValueIterator<Long, BufferedRequest> all = store.all()) {
            all.forEachRemaining(kv -> enqueue(kv.value));
        }
    }

    /**
     * Kafka Streams' record cache already merges a put and a delete of one key between two commits into
     * a single pending delete, but without a flush listener it still writes that delete to RocksDB and
     * a tombstone to the changelog, for a key neither ever held. With a (do-nothing) listener it checks
     * and skips them: a request answered before the next commit then costs no changelog record at all.
     * Uses an internal API, so it is only an optimisation: if it is not there, nothing else changes.
     */
    private static void skipWritesOfRequestsAnsweredBeforeCommit(KeyValueStore<Long, BufferedRequest> store) {
        if (store instanceof WrappedStateStore<?, ?, ?> wrapped) {
            try {
                ((WrappedStateStore<?, Long, BufferedRequest>) wrapped).setFlushListener(flushed -> { }, false);
            } catch (RuntimeException | LinkageError e) {
                // not available in this Kafka Streams version: the store writes as usual
            }
        }
    }

    /** Checks often enough that a request waits at most about 1.2x the max delay. */
    static Duration punctuationInterval(long maxDelayMs) {
        return Duration.ofMillis(Math.max(1, maxDelayMs / 5));
    }

    @Override
    public void process(Record<String, BufferedRequest> record) {
        BufferedRequest request = record.value();
        store.put(request.offset(), request);
        enqueue(request);
        // Only a full batch is drawn here; age is the timer's business. Under load this lets a whole
        // poll's worth of records join the batch instead of flushing each time the oldest turns old.
        sharedBatch().flushFull(context.currentSystemTimeMs());
        sendReady(context.currentSystemTimeMs());
    }

    /** Flushes the shared batch if it is due, then sends whatever of ours has been drawn. */
    private void tick(long nowMs) {
        sharedBatch().flushDue(nowMs);
        sendReady(nowMs);
        if (waiting.isEmpty() && ready.isEmpty() && timer != null) {
            // Idle: stop the timer. Every punctuation makes Kafka Streams commit (a transaction under
            // exactly-once) at the next commit interval, which would keep an idle broker busy.
            timer.cancel();
            timer = null;
        }
    }

    private void startTimer() {
        if (timer == null) {
            timer = context.schedule(punctuationInterval(maxDelayMs), PunctuationType.WALL_CLOCK_TIME, this::tick);
        }
    }

    // Joined on first use, from the stream thread that runs this task (init may run elsewhere).
    private SharedBatch sharedBatch() {
        if (batch == null) {
            batch = batches.forThisThread();
            batch.join(this);
        }
        return batch;
    }

    private void enqueue(BufferedRequest request) {
        waiting.addLast(request);
        waitingImages += request.count();
        startTimer();
    }

    ArrayDeque<BufferedRequest> waiting() {
        return waiting;
    }

    int waitingImages() {
        return waitingImages;
    }

    long oldestArrivalMs() {
        return waiting.isEmpty() ? Long.MAX_VALUE : waiting.peekFirst().arrivedAtMs();
    }

    /** The shared batch drew our oldest waiting request: it leaves the queue (not the store) until sent. */
    void drawn(BatchOutcome outcome) {
        BufferedRequest head = waiting.pollFirst();
        if (head != outcome.request()) {
            throw new IllegalStateException("batch drew requests out of order");
        }
        waitingImages -= head.count();
        ready.add(outcome);
    }

    private void sendReady(long nowMs) {
        if (ready.isEmpty()) {
            return;
        }
        for (BatchOutcome outcome : ready) {
            send(outcome, nowMs);
            store.delete(outcome.request().offset());
        }
        ready.clear();
        if (commitAfterSending) {
            context.commit();
        }
    }

    private void send(BatchOutcome outcome, long nowMs) {
        String requestId = outcome.request().requestId();
        if (outcome instanceof BatchOutcome.Drawn drawn) {
            for (GeneratedImage image : drawn.images()) {
                RecordHeaders headers = new RecordHeaders();
                headers.add(REQUEST_ID_HEADER, requestId.getBytes(StandardCharsets.UTF_8));
                context.forward(new Record<>(requestId, image, nowMs, headers), toImages);
            }
        } else if (outcome instanceof BatchOutcome.Refused refused) {
            context.forward(new Record<>(requestId, Rejections.of(refused.rejection(), refused.request(), nowMs), nowMs),
                    toRejected);
        }
    }

    @Override
    public void close() {
        // Drawn but unsent outcomes are dropped: their requests are still in the store, so whoever
        // takes this task over draws them again, and nothing was sent twice.
        if (batch != null) {
            batch.leave(this);
            batch = null;
        }
    }
}
