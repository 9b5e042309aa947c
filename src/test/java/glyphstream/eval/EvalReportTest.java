package glyphstream.eval;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvalReportTest {

    private static EvalReport report(double fidelity, double worstClass, double cas, double fid, double fidReal) {
        return new EvalReport(fidelity, Map.of("0", 1.0, "1", worstClass), cas, fid, fidReal, 5.0, 6.0,
                Map.of("0", new double[]{5, 6}), 0.98);
    }

    @Test
    void shouldWriteExactlyTheAgreedTopLevelKeysWhenRenderingJson() {
        String json = report(0.98, 0.95, 0.93, 2.0, 1.0).toJson();
        String topLevel = json.substring(1, json.lastIndexOf('}'));
        for (String previous = ""; !previous.equals(topLevel); ) {
            previous = topLevel;
            topLevel = topLevel.replaceAll("\\{[^{}]*\\}", ""); // drop nested objects, innermost first
        }
        java.util.List<String> keys = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([a-z_]+)\":").matcher(topLevel);
        while (m.find()) {
            keys.add(m.group(1));
        }
        assertEquals(java.util.List.of("label_fidelity", "per_class_fidelity", "cas", "fid", "fid_real", "diversity",
                "classifier_test_accuracy"), keys);
        assertTrue(json.contains("\"diversity\": {\"generated\": 5.000000, \"real\": 6.000000, \"per_class\": {\"0\": {\"generated\": 5.000000, \"real\": 6.000000}}}"), json);
    }

    @Test
    void shouldMeetTheQualityBarOnlyWhenEveryCriterionHolds() {
        assertTrue(report(0.98, 0.95, 0.93, 2.9, 1.0).meetsQualityBar());
        assertFalse(report(0.96, 0.95, 0.93, 2.0, 1.0).meetsQualityBar(), "overall fidelity");
        assertFalse(report(0.98, 0.89, 0.93, 2.0, 1.0).meetsQualityBar(), "worst class");
        assertFalse(report(0.98, 0.95, 0.89, 2.0, 1.0).meetsQualityBar(), "cas");
        assertFalse(report(0.98, 0.95, 0.93, 3.1, 1.0).meetsQualityBar(), "fid");
    }

    @Test
    void shouldNameEachMissedPartOfTheQualityBar() {
        assertEquals(java.util.List.of(), report(0.98, 0.95, 0.93, 2.9, 1.0).missedBars());
        var missed = report(0.96, 0.95, 0.89, 3.1, 1.0).missedBars();
        assertEquals(3, missed.size(), missed.toString());
        assertTrue(missed.get(0).startsWith("label_fidelity 0.96"), missed.get(0));
        assertTrue(missed.get(1).startsWith("cas 0.89"), missed.get(1));
        assertTrue(missed.get(2).startsWith("fid 3.1"), missed.get(2));
    }
}
