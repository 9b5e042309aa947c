package glyphstream.serve;

/**
 * A valid request waiting in the micro-batcher's store: what to draw (with the seed already chosen,
 * so a restart redraws the same images), when it arrived by wall clock, and where it came from with
 * its original bytes (for a late rejection, e.g. when a pinned model version is gone after a restart).
 *
 * @param modelVersion the pinned version, or null for "whatever is current when the batch is drawn"
 */
public record BufferedRequest(
        String requestId,
        String text,
        long seed,
        int count,
        String modelVersion,
        long arrivedAtMs,
        String topic,
        int partition,
        long offset,
        byte[] rawKey,
        byte[] rawValue) {
}
