package glyphstream.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The benchmark's results: JSON for machines, a markdown table for people, and the latency plot. */
final class BenchReport {

    final Map<String, Object> header = new LinkedHashMap<>();
    List<ForwardPassBench.Result> forward = List.of();
    double pngImagesPerSecond;
    final List<EndToEndBench.Phase> batched = new ArrayList<>();
    final List<EndToEndBench.Phase> perRecord = new ArrayList<>();
    double rssMb;
    double peakHeapMb;
    double perRecordRssMb;

    double bestForward() {
        return forward.stream().mapToDouble(ForwardPassBench.Result::imagesPerSecond).max().orElse(0);
    }

    static double saturation(List<EndToEndBench.Phase> phases) {
        return phases.stream().filter(p -> p.offeredPerSecond() <= 0).mapToDouble(EndToEndBench.Phase::imagesPerSecond)
                .findFirst().orElse(0);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("header", header);
        json.put("forward", forward.stream().map(f -> Map.of("batch", f.batch(),
                "images_per_s", round(f.imagesPerSecond()), "ms_per_batch", round(f.msPerBatch()))).toList());
        json.put("png_images_per_s", round(pngImagesPerSecond));
        json.put("e2e_batched_images_per_s", round(saturation(batched)));
        json.put("e2e_per_record_images_per_s", round(saturation(perRecord)));
        json.put("latency_ms", latencies(batched));
        json.put("latency_ms_per_record", latencies(perRecord));
        json.put("rss_mb", round(rssMb));
        json.put("peak_heap_mb", round(peakHeapMb));
        json.put("per_record_rss_mb", round(perRecordRssMb));
        json.put("phases", phases());
        json.put("targets", targets());
        return json;
    }

    private static Map<String, Object> latencies(List<EndToEndBench.Phase> phases) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (EndToEndBench.Phase p : phases) {
            String key = p.offeredPerSecond() > 0 ? String.valueOf((int) p.offeredPerSecond()) : "saturation";
            map.put(key, Map.of("p50", round(p.p50()), "p95", round(p.p95()), "p99", round(p.p99())));
        }
        return map;
    }

    private List<Map<String, Object>> phases() {
        List<Map<String, Object>> list = new ArrayList<>();
        batched.forEach(p -> list.add(phase("batched", p)));
        perRecord.forEach(p -> list.add(phase("per_record", p)));
        return list;
    }

    private static Map<String, Object> phase(String mode, EndToEndBench.Phase p) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("mode", mode);
        map.put("name", p.name());
        map.put("offered_per_s", p.offeredPerSecond() > 0 ? p.offeredPerSecond() : "saturation");
        map.put("requests", p.requests());
        map.put("answered", p.answered());
        map.put("images_per_s", round(p.imagesPerSecond()));
        map.put("p50", round(p.p50()));
        map.put("p95", round(p.p95()));
        map.put("p99", round(p.p99()));
        return map;
    }

    Map<String, Object> targets() {
        Map<String, Object> t = new LinkedHashMap<>();
        double batchedSat = saturation(batched);
        double perRecordSat = saturation(perRecord);
        double p99At1000 = batched.stream().filter(p -> p.offeredPerSecond() == 1000).mapToDouble(EndToEndBench.Phase::p99)
                .findFirst().orElse(Double.NaN);
        t.put("e2e_vs_forward_ratio", round(batchedSat / bestForward()));
        t.put("e2e_vs_forward_met", batchedSat >= 0.6 * bestForward());
        t.put("batched_vs_per_record_ratio", round(batchedSat / perRecordSat));
        t.put("batched_vs_per_record_met", batchedSat >= 30 * perRecordSat);
        t.put("p99_at_1000_met", p99At1000 <= 50);
        t.put("rss_met", rssMb <= 1536);
        return t;
    }

    void write(Path dir, Path json) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        mapper.writeValue(json.toFile(), toJson());
        Files.writeString(dir.resolve("bench.md"), markdown());
        LatencyPlot.write(dir.resolve("latency.png"), "glyphstream end to end: latency against offered load ("
                        + header.get("cores") + " cores, " + header.get("backend_short") + ")",
                points(batched), points(perRecord));
    }

    private static List<LatencyPlot.Point> points(List<EndToEndBench.Phase> phases) {
        return phases.stream().filter(p -> p.offeredPerSecond() > 0)
                .map(p -> new LatencyPlot.Point(p.offeredPerSecond(), p.p50(), p.p95(), p.p99())).toList();
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# glyphstream benchmark\n\n");
        header.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n## Generator forward pass\n\n| batch | images/s | ms/batch |\n|---:|---:|---:|\n");
        forward.forEach(f -> md.append(String.format("| %d | %.0f | %.2f |%n", f.batch(), f.imagesPerSecond(), f.msPerBatch())));
        md.append(String.format("%n## PNG encoding%n%n%.0f images/s (28x28, one thread)%n", pngImagesPerSecond));
        md.append("\n## End to end (real broker, service in its own JVM)\n\n"
                + "| mode | offered (req/s) | requests | answered | images/s | p50 ms | p95 ms | p99 ms |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
        batched.forEach(p -> md.append(row("batched", p)));
        perRecord.forEach(p -> md.append(row("per-record", p)));
        md.append(String.format("%nService memory: peak RSS %.0f MB (batched run), peak heap %.0f MB; per-record run peak RSS %.0f MB%n",
                rssMb, peakHeapMb, perRecordRssMb));
        md.append("\n## Targets\n\n");
        targets().forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        return md.toString();
    }

    private static String row(String mode, EndToEndBench.Phase p) {
        return String.format("| %s | %s | %d | %d | %.0f | %.1f | %.1f | %.1f |%n", mode,
                p.offeredPerSecond() > 0 ? String.valueOf((int) p.offeredPerSecond()) : "saturation",
                p.requests(), p.answered(), p.imagesPerSecond(), p.p50(), p.p95(), p.p99());
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : -1;
    }
}
