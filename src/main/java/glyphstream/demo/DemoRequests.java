package glyphstream.demo;

import java.util.ArrayList;
import java.util.List;

/** The demo's request set: every digit ten times, some long numbers, and a few bad requests. */
public final class DemoRequests {

    /** A request to send: id, text, and whether it is sent as JSON (like kcat would) rather than Avro. */
    public record Planned(String requestId, String text, boolean asJson) {
    }

    public static final List<String> NUMBERS = List.of("2026", "31415", "1234567890", "42", "007", "8675309");
    /** Bad on purpose: they must land on the rejected topic while the rest is answered. */
    public static final List<String> BAD_TEXTS = List.of("12a4", "", "99999999999999999999999999999999999999999");

    private DemoRequests() {
    }

    public static List<Planned> good(String runId, int perDigit) {
        List<Planned> planned = new ArrayList<>();
        int n = 0;
        for (int round = 0; round < perDigit; round++) {
            for (int digit = 0; digit <= 9; digit++, n++) {
                planned.add(new Planned(runId + "-" + n, String.valueOf(digit), n % 10 == 3));
            }
        }
        for (String number : NUMBERS) {
            planned.add(new Planned(runId + "-" + n++, number, false));
        }
        return planned;
    }

    public static List<Planned> bad(String runId) {
        List<Planned> planned = new ArrayList<>();
        for (int i = 0; i < BAD_TEXTS.size(); i++) {
            planned.add(new Planned(runId + "-bad-" + i, BAD_TEXTS.get(i), true));
        }
        return planned;
    }
}
