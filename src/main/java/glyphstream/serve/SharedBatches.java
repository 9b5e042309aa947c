package glyphstream.serve;

/** One {@link SharedBatch} per stream thread, for the batchers of one topology. */
final class SharedBatches {

    private final ThreadLocal<SharedBatch> perThread;

    SharedBatches(ModelRegistry models, int maxImages, long maxDelayMs, BatchStats stats) {
        // One drawer per thread: it owns a PNG encoder, and each thread draws with its own generator copy.
        this.perThread = ThreadLocal.withInitial(() -> new SharedBatch(new BatchDrawer(models), maxImages, maxDelayMs, stats));
    }

    SharedBatch forThisThread() {
        return perThread.get();
    }
}
