package glyphstream.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OpenLoopLoadTest {

    @Test
    void shouldScheduleRequestsAtFixedDueTimesEvenWhenSendingIsSlow() {
        List<Long> dues = new ArrayList<>();
        // 1,000 requests/s, but each send takes 3 ms: the due times must still be 1 ms apart,
        // so latency is measured from when a request should have gone out (no coordinated omission).
        OpenLoopLoad.run(1000, 20, (i, due) -> {
            dues.add(due);
            long until = System.nanoTime() + 3_000_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        });
        for (int i = 1; i < dues.size(); i++) {
            assertEquals(1_000_000, dues.get(i) - dues.get(i - 1), 1_000, "gap before request " + i);
        }
    }
}
