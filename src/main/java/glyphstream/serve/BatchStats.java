package glyphstream.serve;

import java.util.concurrent.atomic.LongAdder;

/** Counts forward passes, images and drawing time, for the periodic log line and the benchmarks. */
public final class BatchStats {

    private final LongAdder batches = new LongAdder();
    private final LongAdder images = new LongAdder();
    private final LongAdder drawNanos = new LongAdder();

    void record(int batchImages, long nanos) {
        batches.increment();
        images.add(batchImages);
        drawNanos.add(nanos);
    }

    public record Snapshot(long batches, long images, long drawNanos) {

        public Snapshot minus(Snapshot earlier) {
            return new Snapshot(batches - earlier.batches, images - earlier.images, drawNanos - earlier.drawNanos);
        }

        @Override
        public String toString() {
            return String.format("%d batches, %d images, %.1f images/batch, %.2f ms per batch (pass + PNG)", batches,
                    images, batches == 0 ? 0.0 : (double) images / batches, batches == 0 ? 0.0 : drawNanos / 1e6 / batches);
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(batches.sum(), images.sum(), drawNanos.sum());
    }
}
