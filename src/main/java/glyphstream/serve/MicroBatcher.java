package glyphstream.serve;

import glyphstream.wire.avro.GeneratedImage;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects valid requests and draws them in batches: flushes when the buffered images reach
 * batch.max.size, or when the oldest request has waited batch.max.delay.ms by the wall clock
 * (stream time stands still without input), whichever comes first.
 * <p>
 * Requests wait in a changelogged store keyed by source offset (arrival order), not only in memory:
 * Kafka Streams commits input offsets regardless of what a processor holds, so a request is deleted
 * from the store only once its images have been forwarded; a crash replays the store, not the input.
 * An in-memory copy of the queue spares the hot path from reading the store back.
 */
final class MicroBatcher implements Processor<String, BufferedRequest, String, Object> {

    static final String REQUEST_ID_HEADER = "requestId";

    private final String storeName;
    private final int maxImages;
    private final long maxDelayMs;
    private final BatchDrawer drawer;
    private final String toImages;
    private final String toRejected;

    private final ArrayDeque<BufferedRequest> waiting = new ArrayDeque<>();
    private int waitingImages;
    private KeyValueStore<Long, BufferedRequest> store;
    private ProcessorContext<String, Object> context;

    MicroBatcher(String storeName, int maxImages, long maxDelayMs, BatchDrawer drawer, String toImages,
                 String toRejected) {
        this.storeName = storeName;
        this.maxImages = maxImages;
        this.maxDelayMs = maxDelayMs;
        this.drawer = drawer;
        this.toImages = toImages;
        this.toRejected = toRejected;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        // init runs again when a task is revived: rebuild the queue from the (restored) store.
        waiting.clear();
        waitingImages = 0;
        try (KeyValueIterator<Long, BufferedRequest> all = store.all()) {
            all.forEachRemaining(kv -> enqueue(kv.value));
        }
        context.schedule(punctuationInterval(maxDelayMs), PunctuationType.WALL_CLOCK_TIME, this::flushDue);
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
        flushDue(context.currentSystemTimeMs());
    }

    private void enqueue(BufferedRequest request) {
        waiting.addLast(request);
        waitingImages += request.count();
    }

    boolean shouldFlush(long nowMs) {
        return !waiting.isEmpty()
                && (waitingImages >= maxImages || nowMs - waiting.peekFirst().arrivedAtMs() >= maxDelayMs);
    }

    private void flushDue(long nowMs) {
        while (shouldFlush(nowMs)) {
            flush(nowMs);
        }
    }

    /** Takes up to batch.max.size images in arrival order (at least one request), draws and sends them. */
    private void flush(long nowMs) {
        List<BufferedRequest> batch = new ArrayList<>();
        int images = 0;
        for (BufferedRequest next : waiting) {
            if (!batch.isEmpty() && images + next.count() > maxImages) {
                break;
            }
            batch.add(next);
            images += next.count();
        }
        for (BatchOutcome outcome : drawer.draw(batch, nowMs)) {
            send(outcome, nowMs);
            store.delete(outcome.request().offset());
        }
        // Only now leave the queue: had drawing thrown, memory and store would still agree.
        for (int i = 0; i < batch.size(); i++) {
            waiting.pollFirst();
        }
        waitingImages -= images;
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
}
