package glyphstream.serve;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The micro-batchers of one stream thread (one per task, i.e. per request partition), flushed
 * together: one forward pass serves every task of the thread. A pass costs ~3.5 ms of CPU before
 * its first image (it reads all 6 MB of weights) and ~0.1 ms per image after, so four tasks each
 * drawing their own quarter of the traffic would pay that fixed cost four times as often.
 * <p>
 * Whichever batcher sees the shared batch due draws it; each batcher then sends its own share in its
 * own task context (at once, or at its next timer tick). Used by one stream thread only.
 */
final class SharedBatch {

    private final BatchDrawer drawer;
    private final int maxImages;
    private final long maxDelayMs;
    private final BatchStats stats;
    private final List<MicroBatcher> members = new ArrayList<>();

    SharedBatch(BatchDrawer drawer, int maxImages, long maxDelayMs, BatchStats stats) {
        this.drawer = drawer;
        this.stats = stats;
        this.maxImages = maxImages;
        this.maxDelayMs = maxDelayMs;
    }

    void join(MicroBatcher batcher) {
        if (!members.contains(batcher)) {
            members.add(batcher);
        }
    }

    void leave(MicroBatcher batcher) {
        members.remove(batcher);
    }

    /** Full (batch.max.size images waiting over all tasks) or old (the oldest waited batch.max.delay.ms). */
    boolean shouldFlush(long nowMs) {
        int images = waitingImages();
        return images > 0 && (images >= maxImages || nowMs - oldestArrivalMs() >= maxDelayMs);
    }

    private long oldestArrivalMs() {
        long oldest = Long.MAX_VALUE;
        for (MicroBatcher m : members) {
            oldest = Math.min(oldest, m.oldestArrivalMs());
        }
        return oldest;
    }

    /** Draws while the waiting images fill a whole batch. */
    void flushFull(long nowMs) {
        while (waitingImages() >= maxImages) {
            flush(nowMs);
        }
    }

    private int waitingImages() {
        int images = 0;
        for (MicroBatcher m : members) {
            images += m.waitingImages();
        }
        return images;
    }

    void flushDue(long nowMs) {
        while (shouldFlush(nowMs)) {
            flush(nowMs);
        }
    }

    /** Takes up to batch.max.size images in arrival order over all tasks (at least one request) and draws them. */
    private void flush(long nowMs) {
        int n = members.size();
        List<Iterator<BufferedRequest>> queues = new ArrayList<>(n);
        BufferedRequest[] heads = new BufferedRequest[n];
        for (int i = 0; i < n; i++) {
            queues.add(members.get(i).waiting().iterator());
            heads[i] = queues.get(i).hasNext() ? queues.get(i).next() : null;
        }
        List<BufferedRequest> batch = new ArrayList<>();
        List<MicroBatcher> owners = new ArrayList<>();
        int images = 0;
        while (true) {
            int next = -1;
            for (int i = 0; i < n; i++) {
                if (heads[i] != null && (next < 0 || heads[i].arrivedAtMs() < heads[next].arrivedAtMs())) {
                    next = i;
                }
            }
            if (next < 0 || (!batch.isEmpty() && images + heads[next].count() > maxImages)) {
                break;
            }
            batch.add(heads[next]);
            owners.add(members.get(next));
            images += heads[next].count();
            heads[next] = queues.get(next).hasNext() ? queues.get(next).next() : null;
        }
        long start = System.nanoTime();
        List<BatchOutcome> outcomes = drawer.draw(batch, nowMs);
        stats.record(images, System.nanoTime() - start);
        for (int i = 0; i < outcomes.size(); i++) {
            owners.get(i).drawn(outcomes.get(i));
        }
    }
}
