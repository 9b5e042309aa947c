package glyphstream.serve;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * A stream thread died. Replace it: under exactly-once its open transaction is aborted and the new
 * thread resumes from the last commit with the request buffer restored, so nothing is lost and a
 * transient fault (broker restart, fenced producer) heals by itself. But a fault that recurs at once
 * is not transient: after {@value #MAX_REPLACEMENTS} replacements within a minute, shut the client
 * down, so the process exits and whoever runs it sees the failure instead of a silent crash loop.
 */
public final class ReplaceThreadUnlessLooping implements StreamsUncaughtExceptionHandler {

    static final int MAX_REPLACEMENTS = 3;
    private static final long WINDOW_MS = 60_000;
    private static final Logger LOG = LoggerFactory.getLogger(ReplaceThreadUnlessLooping.class);

    private final Deque<Long> recent = new ArrayDeque<>();
    private final LongSupplier clock;

    public ReplaceThreadUnlessLooping() {
        this(System::currentTimeMillis);
    }

    ReplaceThreadUnlessLooping(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        long now = clock.getAsLong();
        while (!recent.isEmpty() && now - recent.peekFirst() > WINDOW_MS) {
            recent.pollFirst();
        }
        Throwable cause = exception.getCause() != null ? exception.getCause() : exception;
        if (recent.size() >= MAX_REPLACEMENTS) {
            LOG.error("stream thread failed again ({} replacements in the last minute), shutting down: {}",
                    recent.size(), SkipUnreadableRecords.oneLine(cause));
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        recent.addLast(now);
        LOG.error("stream thread failed, replacing it: {}", SkipUnreadableRecords.oneLine(cause));
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
