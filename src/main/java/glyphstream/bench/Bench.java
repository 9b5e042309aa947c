package glyphstream.bench;

import glyphstream.config.GlyphConfig;
import glyphstream.config.Settings;
import glyphstream.model.DigitGenerator;
import glyphstream.render.DigitStrips;
import glyphstream.render.DrawJob;
import glyphstream.render.GrayImage;
import glyphstream.serve.ComputeBackend;
import glyphstream.wire.Topics;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One benchmark run: forward pass, PNG, then end to end through a real broker against the service
 * in its own JVM, first with micro-batching at its defaults, then with batching off (batch size 1).
 */
public final class Bench {

    private final GlyphConfig config;
    private final DigitGenerator generator;
    private final Path modelFile;
    private final BenchPlan plan;
    private final Path outDir;
    private final String serviceHeap;
    private final Consumer<String> say;

    public Bench(GlyphConfig config, DigitGenerator generator, Path modelFile, boolean quick, Path outDir,
                 String serviceHeap, Consumer<String> say) {
        this.config = config;
        this.generator = generator;
        this.modelFile = modelFile;
        this.plan = quick ? BenchPlan.quick() : BenchPlan.full();
        this.outDir = outDir;
        this.serviceHeap = serviceHeap;
        this.say = say;
    }

    /** Runs everything, writes the JSON, markdown and plot, and returns the markdown. */
    public String runAndWrite(Path json) throws Exception {
        BenchReport report = run();
        report.write(outDir, json);
        return report.markdown();
    }

    BenchReport run() throws Exception {
        BenchReport report = new BenchReport();
        report.header.put("cores", Runtime.getRuntime().availableProcessors());
        report.header.put("backend", ComputeBackend.describe());
        report.header.put("backend_short", Nd4j.getBackend().getClass().getSimpleName());
        report.header.put("model_version", generator.info().version());
        report.header.put("batch.max.size", config.get(Settings.BATCH_MAX_SIZE));
        report.header.put("batch.max.delay.ms", config.get(Settings.BATCH_MAX_DELAY_MS));
        report.header.put("commit.interval.ms", config.get(Settings.COMMIT_INTERVAL_MS));
        report.header.put("processing.guarantee", config.get(Settings.PROCESSING_GUARANTEE));
        report.header.put("num.stream.threads", config.get(Settings.STREAM_THREADS));
        report.header.put("service_max_heap", serviceHeap);
        report.header.put("brokers", config.get(Settings.BOOTSTRAP_SERVERS));

        int steps = 2 + 2 * (2 + plan.offeredLoads().size());
        try (ProgressBar progress = new ProgressBarBuilder().setTaskName("bench").setInitialMax(steps)
                .setStyle(ProgressBarStyle.ASCII).continuousUpdate().build()) {
            progress.setExtraMessage("forward pass");
            report.forward = ForwardPassBench.run(generator, BenchPlan.FORWARD_BATCHES, plan.forwardSecondsEach());
            report.forward.forEach(f -> say.accept(String.format("forward batch %4d: %8.0f images/s, %7.2f ms/batch",
                    f.batch(), f.imagesPerSecond(), f.msPerBatch())));
            progress.step();

            progress.setExtraMessage("PNG");
            report.pngImagesPerSecond = PngBench.imagesPerSecond(sampleImages(), plan.pngSeconds());
            say.accept(String.format("PNG encoding: %.0f images/s", report.pngImagesPerSecond));
            progress.step();

            String runId = "bench-" + Long.toString(System.currentTimeMillis(), 36);
            progress.setExtraMessage("end to end, batched");
            Measured batched = endToEnd(runId + "-batched", config.get(Settings.BATCH_MAX_SIZE), plan.offeredLoads(),
                    plan.saturationRequests(), Integer.MAX_VALUE, progress);
            report.batched.addAll(batched.phases());
            report.rssMb = batched.rssMb();
            report.peakHeapMb = batched.peakHeapMb();

            progress.setExtraMessage("end to end, per record");
            Measured perRecord = endToEnd(runId + "-single", "1", plan.perRecordLoads(),
                    plan.perRecordSaturationRequests(), plan.perRecordMaxRequestsPerLoad(), progress);
            report.perRecord.addAll(perRecord.phases());
            report.perRecordRssMb = perRecord.rssMb();
        }
        return report;
    }

    private record Measured(List<EndToEndBench.Phase> phases, double rssMb, double peakHeapMb) {
    }

    private Measured endToEnd(String runId, String batchSize, List<Integer> loads, int saturationRequests,
                              int maxRequestsPerLoad, ProgressBar progress) throws Exception {
        Path log = outDir.resolve(runId.replaceAll(".*-", "serve-") + ".log");
        List<String> args = List.of("--bootstrap-servers", config.get(Settings.BOOTSTRAP_SERVERS),
                "--batch-max-size", batchSize, "--model", modelFile.toString());
        // Topics of its own per run: a new application id starts at the earliest offset and would
        // otherwise first work through every request an earlier run left on the shared topic.
        GlyphConfig runConfig = config
                .with(Settings.TOPIC_REQUESTS, runId + ".requests")
                .with(Settings.TOPIC_IMAGES, runId + ".images")
                .with(Settings.TOPIC_REJECTED, runId + ".rejected");
        Map<String, String> env = Map.of(
                Settings.APPLICATION_ID.envVar(), runId,
                Settings.STATE_DIR.envVar(), outDir.resolve("state-" + runId).toString(),
                Settings.TOPIC_REQUESTS.envVar(), runConfig.get(Settings.TOPIC_REQUESTS),
                Settings.TOPIC_IMAGES.envVar(), runConfig.get(Settings.TOPIC_IMAGES),
                Settings.TOPIC_REJECTED.envVar(), runConfig.get(Settings.TOPIC_REJECTED));
        List<EndToEndBench.Phase> phases = new ArrayList<>();
        try (ServiceProcess service = ServiceProcess.start(args, env, serviceHeap, log);
             EndToEndBench e2e = new EndToEndBench(runConfig.kafkaClientProperties(), new Topics(runConfig), runId)) {
            boolean batched = !"1".equals(batchSize);
            // Warm-up, not reported: the JIT compiles broker, Streams, Avro and DL4J code for the first tens of
            // thousands of images; measured cold, the 1,000/s phase queued behind compilation.
            e2e.run("warmup", 0, batched ? plan.saturationRequests() : 100, Duration.ofSeconds(90));
            progress.step();
            for (int load : loads) {
                int requests = (int) Math.min(maxRequestsPerLoad, Math.max(1, load * plan.loadSeconds()));
                Duration drain = Duration.ofSeconds(30 + (batched ? 0 : requests / 50));
                EndToEndBench.Phase phase = e2e.run("load" + load, load, requests, drain);
                phases.add(phase);
                report(batched, phase);
                progress.step();
            }
            Duration drain = Duration.ofSeconds(60 + (batched ? 0 : saturationRequests / 50));
            EndToEndBench.Phase saturation = e2e.run("saturation", 0, saturationRequests, drain);
            phases.add(saturation);
            report(batched, saturation);
            progress.step();
            double rss = service.peakRssMb();
            double heap = service.stop();
            return new Measured(phases, rss, heap);
        }
    }

    private void report(boolean batched, EndToEndBench.Phase p) {
        say.accept(String.format("%s %s: %d/%d answered, %.0f images/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms",
                batched ? "batched" : "per-record", p.offeredPerSecond() > 0 ? (int) p.offeredPerSecond() + " req/s" : "saturation",
                p.answered(), p.requests(), p.imagesPerSecond(), p.p50(), p.p95(), p.p99()));
    }

    private List<GrayImage> sampleImages() {
        List<DrawJob> jobs = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            jobs.add(new DrawJob(String.valueOf(i % 10), i, 0));
        }
        return DigitStrips.draw(generator, jobs);
    }
}
