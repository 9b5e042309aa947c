package glyphstream.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * Sends on a fixed schedule, not one request after another: request i is due at start + i / rate,
 * and its latency is measured from that due time. A slow service therefore cannot hide its delay
 * by slowing the sender down (no coordinated omission).
 */
public final class OpenLoopLoad {

    private OpenLoopLoad() {
    }

    /**
     * @param ratePerSecond offered load; 0 or less means as fast as possible (saturation)
     * @param total         requests to send
     * @param send          called with request index i after its due time has come; it gets the due time (nanoTime)
     * @return wall-clock seconds the sending took
     */
    public static double run(double ratePerSecond, int total, IndexedSend send) {
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = ratePerSecond > 0 ? start + (long) (i * 1e9 / ratePerSecond) : System.nanoTime();
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            send.send(i, due);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    @FunctionalInterface
    public interface IndexedSend {
        void send(int index, long dueNanos);
    }

}
