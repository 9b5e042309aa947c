package glyphstream.serve;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReplaceThreadUnlessLoopingTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final ReplaceThreadUnlessLooping policy = new ReplaceThreadUnlessLooping(now::get);

    @Test
    void shouldReplaceAFailedThread() {
        assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD, policy.handle(new IllegalStateException("boom")));
    }

    @Test
    void shouldShutDownWhenThreadsKeepFailingWithinAMinute() {
        for (int i = 0; i < ReplaceThreadUnlessLooping.MAX_REPLACEMENTS; i++) {
            assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD, policy.handle(new RuntimeException("again")));
            now.addAndGet(1_000);
        }
        assertEquals(StreamThreadExceptionResponse.SHUTDOWN_CLIENT, policy.handle(new RuntimeException("again")));
    }

    @Test
    void shouldForgetFailuresOlderThanAMinute() {
        for (int i = 0; i < ReplaceThreadUnlessLooping.MAX_REPLACEMENTS; i++) {
            policy.handle(new RuntimeException("once in a while"));
        }
        now.addAndGet(61_000);
        assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD, policy.handle(new RuntimeException("later")));
    }
}
