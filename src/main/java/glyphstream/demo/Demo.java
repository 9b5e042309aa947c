package glyphstream.demo;

import glyphstream.client.Percentiles;
import glyphstream.client.ReplyListener;
import glyphstream.client.RequestSender;
import glyphstream.config.GlyphConfig;
import glyphstream.wire.Topics;
import glyphstream.wire.avro.DigitRequest;
import glyphstream.wire.avro.GeneratedImage;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Sends the demo's requests to a running generation service, collects every answer (images and
 * rejections) and writes them under the output folder.
 */
public final class Demo {

    public record Summary(int requests, int images, int rejected, int expectedRejected, int unanswered,
                          double imagesPerSecond, double p50Ms, double p99Ms, Set<String> modelVersions, Path contactSheet) {

        public boolean complete() {
            return unanswered == 0 && rejected == expectedRejected;
        }
    }

    private final GlyphConfig config;
    private final Path outDir;
    private final Duration timeout;

    public Demo(GlyphConfig config, Path outDir, Duration timeout) {
        this.config = config;
        this.outDir = outDir;
        this.timeout = timeout;
    }

    public Summary run(int perDigit) throws IOException, InterruptedException, ExecutionException {
        Topics topics = new Topics(config);
        Map<String, Object> client = config.kafkaClientProperties();
        String runId = "demo-" + Long.toString(System.currentTimeMillis(), 36);
        List<DemoRequests.Planned> good = DemoRequests.good(runId, perDigit);
        List<DemoRequests.Planned> bad = DemoRequests.bad(runId);
        Map<String, Long> sentAt = new HashMap<>();
        Set<String> waiting = new HashSet<>();
        good.forEach(p -> waiting.add(p.requestId()));
        Set<String> rejected = new HashSet<>();
        Set<String> modelVersions = new HashSet<>();
        double[] latencies = new double[good.size()];
        int[] answered = {0};
        DemoOutput output = new DemoOutput(outDir);

        try (var images = new ReplyListener<>(client, topics.images.name(), topics.images.valueSerde().deserializer(), false);
             var rejections = new ReplyListener<>(client, topics.rejected.name(), topics.rejected.valueSerde().deserializer(), false);
             var sender = new RequestSender(client, topics.requests.name());
             ProgressBar progress = new ProgressBarBuilder().setTaskName("images").setInitialMax(good.size())
                     .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).continuousUpdate().build()) {
            long start = System.nanoTime();
            for (DemoRequests.Planned p : good) {
                sentAt.put(p.requestId(), System.nanoTime());
                if (p.asJson()) {
                    sender.sendRaw(key(p), json(p));
                } else {
                    sender.send(DigitRequest.newBuilder().setRequestId(p.requestId()).setText(p.text()).build());
                }
            }
            for (DemoRequests.Planned p : bad) {
                sender.sendRaw(key(p), json(p));
            }
            sender.flush();

            long deadline = System.nanoTime() + timeout.toNanos();
            long lastImage = start;
            while ((!waiting.isEmpty() || rejected.size() < bad.size()) && System.nanoTime() < deadline) {
                long[] last = {lastImage};
                images.poll(Duration.ofMillis(100), r -> {
                    GeneratedImage image = r.value();
                    if (waiting.remove(image.getRequestId())) {
                        long now = System.nanoTime();
                        double ms = (now - sentAt.get(image.getRequestId())) / 1e6;
                        latencies[answered[0]++] = ms;
                        modelVersions.add(image.getModelVersion());
                        output.add(image, ms);
                        progress.step();
                        last[0] = now;
                    }
                });
                lastImage = last[0];
                rejections.poll(Duration.ZERO, r -> {
                    if (r.key() != null && r.key().startsWith(runId)) {
                        rejected.add(r.key());
                    }
                });
            }
            double seconds = Math.max(1e-9, (lastImage - start) / 1e9);
            Percentiles p = new Percentiles(java.util.Arrays.copyOf(latencies, answered[0]));
            Path sheet = output.finish(good.stream().map(DemoRequests.Planned::requestId).toList());
            return new Summary(good.size() + bad.size(), answered[0], rejected.size(), bad.size(), waiting.size(),
                    answered[0] / seconds, p.at(50), p.at(99), modelVersions, sheet);
        }
    }

    private static byte[] key(DemoRequests.Planned p) {
        return p.requestId().getBytes(StandardCharsets.UTF_8);
    }

    /** The JSON a person would type into kcat or the console producer. */
    private static byte[] json(DemoRequests.Planned p) {
        return ("{\"requestId\":\"" + p.requestId() + "\",\"text\":\"" + p.text() + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
