package glyphstream.cli;

import glyphstream.bench.Bench;
import glyphstream.broker.EmbeddedBroker;
import glyphstream.config.GlyphConfig;
import glyphstream.config.Settings;
import glyphstream.model.DigitGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure throughput and latency: forward pass, PNG, end to end batched and per-record.",
                "End to end runs through a real broker (a fresh embedded one unless --bootstrap-servers)",
                "against the service in its own JVM; writes JSON, markdown and a latency plot."})
public final class BenchCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--quick", description = "Short run (about three minutes) that still fills every figure.")
    boolean quick;

    @Option(names = "--out", defaultValue = "out/bench", description = "Folder for the report, plot and logs (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--json", description = "JSON report file (default: <out>/bench.json).")
    Path json;

    @Option(names = "--model", paramLabel = "FILE", description = "Generator checkpoint (default: the shipped one).")
    Path model;

    @Option(names = "--service-heap", defaultValue = "1g", description = "-Xmx of the service JVM (default ${DEFAULT-VALUE}).")
    String serviceHeap;

    /** Starts at the line's beginning and pads, so a result overwrites the progress bar instead of trailing it. */
    private static void sayOverProgressBar(String line) {
        System.out.println("\r" + line + " ".repeat(Math.max(0, 100 - line.length())));
    }

    @Override
    public Integer call() throws Exception {
        GlyphConfig config = kafka.config();
        Path modelFile = model != null ? model : Path.of(config.get(Settings.MODEL_FILE));
        if (!Files.isRegularFile(modelFile)) {
            throw new IllegalArgumentException(modelFile + ": no generator checkpoint there (give --model FILE)");
        }
        DigitGenerator generator = Checkpoints.loader().load(Files.readAllBytes(modelFile));
        Files.createDirectories(out);
        Path jsonFile = json != null ? json : out.resolve("bench.json");
        EmbeddedBroker broker = null;
        try {
            if (config.get(Settings.BOOTSTRAP_SERVERS).isBlank()) {
                // A fresh broker of its own, so earlier data and a running service cannot skew the figures.
                broker = EmbeddedBroker.start(0, Files.createTempDirectory("glyphstream-bench-kafka"));
                config = config.with(Settings.BOOTSTRAP_SERVERS, broker.bootstrapServers());
            }
            String markdown = new Bench(config, generator, modelFile, quick, out, serviceHeap, BenchCommand::sayOverProgressBar)
                    .runAndWrite(jsonFile);
            System.out.println();
            System.out.println(markdown);
            System.out.println("report: " + jsonFile + ", " + out.resolve("bench.md") + ", plot " + out.resolve("latency.png"));
            return 0;
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }
}
