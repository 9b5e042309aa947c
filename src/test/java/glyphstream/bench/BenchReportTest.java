package glyphstream.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchReportTest {

    @Test
    void shouldFillTheDocumentedTopLevelKeysAndJudgeTheTargets() {
        BenchReport report = new BenchReport();
        report.forward = List.of(new ForwardPassBench.Result(1, 150, 6.7), new ForwardPassBench.Result(512, 10_000, 51.2));
        report.pngImagesPerSecond = 16_000;
        report.batched.add(new EndToEndBench.Phase("load1000", 1000, 3000, 3000, 3, 1000, 10, 20, 40));
        report.batched.add(new EndToEndBench.Phase("saturation", 0, 20000, 20000, 2.5, 8000, 500, 900, 1000));
        report.perRecord.add(new EndToEndBench.Phase("saturation", 0, 1000, 1000, 8, 125, 4000, 7000, 7900));
        report.rssMb = 900;

        Map<String, Object> json = report.toJson();

        for (String key : List.of("forward", "png_images_per_s", "e2e_batched_images_per_s", "e2e_per_record_images_per_s",
                "latency_ms", "rss_mb")) {
            assertTrue(json.containsKey(key), key);
        }
        assertEquals(8000.0, json.get("e2e_batched_images_per_s"));
        assertEquals(125.0, json.get("e2e_per_record_images_per_s"));
        assertTrue(((Map<?, ?>) json.get("latency_ms")).containsKey("1000"));
        Map<String, Object> targets = report.targets();
        assertEquals(true, targets.get("e2e_vs_forward_met"), "8,000 >= 0.6 * 10,000");
        assertEquals(true, targets.get("batched_vs_per_record_met"), "8,000 >= 30 * 125");
        assertEquals(true, targets.get("p99_at_1000_met"));
        assertEquals(true, targets.get("rss_met"));
    }

    @Test
    void shouldReportMissedTargets() {
        BenchReport report = new BenchReport();
        report.forward = List.of(new ForwardPassBench.Result(512, 10_000, 51.2));
        report.batched.add(new EndToEndBench.Phase("load1000", 1000, 3000, 3000, 3, 1000, 30, 60, 80));
        report.batched.add(new EndToEndBench.Phase("saturation", 0, 20000, 20000, 5, 4000, 500, 900, 1000));
        report.perRecord.add(new EndToEndBench.Phase("saturation", 0, 1000, 1000, 8, 150, 4000, 7000, 7900));
        report.rssMb = 2000;

        Map<String, Object> targets = report.targets();

        assertEquals(false, targets.get("e2e_vs_forward_met"));
        assertEquals(false, targets.get("batched_vs_per_record_met"));
        assertEquals(false, targets.get("p99_at_1000_met"));
        assertEquals(false, targets.get("rss_met"));
    }
}
