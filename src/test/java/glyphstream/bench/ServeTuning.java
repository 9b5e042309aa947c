package glyphstream.bench;

import glyphstream.broker.EmbeddedBroker;
import glyphstream.config.GlyphConfig;
import glyphstream.config.Settings;
import glyphstream.serve.BenchAccess;
import glyphstream.serve.GenerationService;
import glyphstream.wire.Topics;
import org.apache.kafka.streams.KafkaStreams;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * Tuning runs for the serve defaults (not a test): embedded broker, the service in this JVM with a
 * randomly initialised MLP of the production shape, then open-loop phases at fixed rates and one at
 * saturation. Settings come from -D system properties named like the glyphstream settings.
 * <pre>
 * java -cp ... -Dbatch.max.size=512 -Dbatch.max.delay.ms=10 -Dcommit.interval.ms=20 glyphstream.bench.ServeTuning [rate...]
 * </pre>
 */
public final class ServeTuning {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("draw")) {
            BenchAccess.drawBenchmark(java.util.Arrays.stream(System.getProperty("sizes", "1,16,64,256,512,1024").split(",")).mapToInt(Integer::parseInt).toArray(), Integer.parseInt(args[1]));
            return;
        }
        Path dir = Files.createTempDirectory("serve-tuning");
        Path model = dir.resolve("generator.zip");
        Files.write(model, BenchAccess.randomMlpCheckpoint("mlp-random"));
        GlyphConfig config = GlyphConfig.defaults();
        for (var s : Settings.ALL) {
            String v = System.getProperty(s.key());
            if (v != null) {
                config = config.with(s, v);
            }
        }
        Topics topics = new Topics(config);
        try (EmbeddedBroker broker = EmbeddedBroker.startWithTopics(0, dir.resolve("kafka"), topics)) {
            config = config.with(Settings.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                    .with(Settings.APPLICATION_ID, "tuning-" + UUID.randomUUID())
                    .with(Settings.STATE_DIR, dir.resolve("state").toString())
                    .with(Settings.MODEL_FILE, model.toString())
                    .with(Settings.MODELS_DIR, dir.resolve("models").toString());
            System.out.printf("settings: batch.max.size=%s batch.max.delay.ms=%s commit.interval.ms=%s threads=%s guarantee=%s%n",
                    config.get(Settings.BATCH_MAX_SIZE), config.get(Settings.BATCH_MAX_DELAY_MS),
                    config.get(Settings.COMMIT_INTERVAL_MS), config.get(Settings.STREAM_THREADS),
                    config.get(Settings.PROCESSING_GUARANTEE));
            try (GenerationService service = GenerationService.start(config, BenchAccess.randomMlpLoader())) {
                while (service.streams().state() != KafkaStreams.State.RUNNING) {
                    Thread.sleep(50);
                }
                try (EndToEndBench bench = new EndToEndBench(config.kafkaClientProperties(), topics, "t")) {
                    bench.run("warmup", 500, 1500, Duration.ofSeconds(30));
                    for (String a : args.length == 0 ? new String[]{"1000", "0"} : args) {
                        double rate = Double.parseDouble(a);
                        int n = rate > 0 ? (int) (rate * Integer.getInteger("seconds", 8)) : Integer.getInteger("saturation.requests", 30_000);
                        java.util.Map<String, Long> threads0 = threadCpu();
                        java.util.Map<String, Long> requests0 = brokerRequests();
                        long cpu0 = processCpuNanos();
                        var stats0 = service.batchStats().snapshot();
                        EndToEndBench.Phase p = bench.run(rate > 0 ? "rate" + a : "max", rate, n, Duration.ofSeconds(60));
                        double cpuUsPerImage = (processCpuNanos() - cpu0) / 1e3 / Math.max(1, p.answered());
                        System.out.printf("%-9s offered %6.0f/s: answered %d/%d, %7.0f images/s, p50 %6.1f ms, p95 %6.1f ms, p99 %6.1f ms,"
                                        + " CPU %5.0f us/image (=> %5.0f images/s on 2 free cores)%n",
                                p.name(), rate, p.answered(), p.requests(), p.imagesPerSecond(), p.p50(), p.p95(), p.p99(),
                                cpuUsPerImage, 2e6 / cpuUsPerImage);
                        System.out.println("          " + service.batchStats().snapshot().minus(stats0));
                        if (Boolean.getBoolean("threads")) {
                            java.util.Map<String, Long> requests1 = brokerRequests();
                            StringBuilder line = new StringBuilder("          broker requests:");
                            requests1.forEach((k, v) -> {
                                long d = v - requests0.getOrDefault(k, 0L);
                                if (d > 0) {
                                    line.append(' ').append(k).append('=').append(d);
                                }
                            });
                            System.out.println(line);
                            java.util.Map<String, Long> threads1 = threadCpu();
                            threads1.entrySet().stream()
                                    .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - threads0.getOrDefault(e.getKey(), 0L)))
                                    .filter(e -> e.getValue() > 50_000_000L)
                                    .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                                    .forEach(e -> System.out.printf("            %-60s %6.0f ms CPU%n", e.getKey(), e.getValue() / 1e6));
                        }
                    }
                }
            }
        }
    }

    /** CPU time of this whole JVM (broker, service and load generator together), robust to other load on the machine. */
    public static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * CPU per thread from /proc (so GC, JIT and native threads count too), by the kernel's 15-character
     * thread name with digits folded so that pools add up. Threads that ended are not counted.
     */
    static java.util.Map<String, Long> threadCpu() {
        java.util.Map<String, Long> byName = new java.util.HashMap<>();
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) {
            return byName;
        }
        for (java.io.File task : tasks) {
            try {
                String comm = java.nio.file.Files.readString(task.toPath().resolve("comm")).strip();
                String stat = java.nio.file.Files.readString(task.toPath().resolve("stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
                byName.merge(comm.replaceAll("\\d+", "N"), ticks * 10_000_000L, Long::sum); // 100 Hz ticks
            } catch (java.io.IOException | RuntimeException e) {
                // thread ended meanwhile
            }
        }
        return byName;
    }

    /** Requests the in-JVM broker has handled so far, by type (its JMX RequestMetrics). */
    static java.util.Map<String, Long> brokerRequests() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        try {
            javax.management.MBeanServer server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
            for (javax.management.ObjectName name : server.queryNames(
                    new javax.management.ObjectName("kafka.network:type=RequestMetrics,name=RequestsPerSec,*"), null)) {
                counts.merge(name.getKeyProperty("request"), ((Number) server.getAttribute(name, "Count")).longValue(), Long::sum);
            }
        } catch (Exception e) {
            counts.put("error " + e, 0L);
        }
        return counts;
    }
}
