package glyphstream.cli;

import glyphstream.broker.KafkaConnection;
import glyphstream.config.Settings;
import glyphstream.demo.Demo;
import glyphstream.serve.ComputeBackend;
import glyphstream.serve.GenerationService;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole product on one machine and write the images under ./out/.",
                "Starts a broker (embedded unless one runs), loads the shipped model, starts the serving",
                "topology, sends every digit ten times plus long numbers and three bad requests."})
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--out", defaultValue = "out", description = "Output folder (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--per-digit", defaultValue = "10", description = "Requests per digit 0-9 (default ${DEFAULT-VALUE}).")
    int perDigit;

    @Option(names = "--model", paramLabel = "FILE", description = "Generator checkpoint (default: the shipped one).")
    Path model;

    @Option(names = "--timeout-s", defaultValue = "120", description = "Seconds to wait for all answers (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        if (perDigit < 1) {
            throw new IllegalArgumentException("--per-digit must be at least 1, got " + perDigit);
        }
        Map<String, String> flags = new HashMap<>();
        if (model != null) {
            flags.put(Settings.MODEL_FILE.key(), model.toString());
        }
        // The service's own application id, so a later `serve` continues after the demo's requests instead of
        // drawing them again; its own state folder, so it can run beside a `serve` (they share the partitions).
        flags.put(Settings.STATE_DIR.key(), "data/demo-streams");
        System.out.println("glyphstream demo: starting (broker, model, topology)...");
        GenerationService.checkSettings(kafka.config(flags));
        try (KafkaConnection connection = KafkaConnection.open(kafka.config(flags));
             GenerationService service = GenerationService.start(connection.config(), Checkpoints.loader())) {
            awaitRunning(service.streams(), Duration.ofSeconds(90));
            System.out.println("Kafka: " + connection.bootstrapServers() + " (" + connection.kind().name().toLowerCase()
                    + "); model " + service.models().current().version());
            Demo.Summary s = new Demo(connection.config(), out, Duration.ofSeconds(timeoutSeconds)).run(perDigit);
            System.out.println();
            System.out.printf("requests      %d (%d to draw, %d bad on purpose)%n", s.requests(), s.requests() - s.expectedRejected(), s.expectedRejected());
            System.out.printf("images        %d%n", s.images());
            System.out.printf("rejected      %d%n", s.rejected());
            System.out.printf("unanswered    %d%n", s.unanswered());
            System.out.printf("throughput    %.0f images/s%n", s.imagesPerSecond());
            System.out.printf("latency       p50 %.0f ms, p99 %.0f ms (send to image, burst of all requests at once)%n", s.p50Ms(), s.p99Ms());
            System.out.printf("model         %s%n", String.join(", ", s.modelVersions()));
            System.out.printf("backend       %s%n", ComputeBackend.describe());
            System.out.printf("output        %s (manifest.csv, one PNG per image, %s)%n", out.toAbsolutePath(), s.contactSheet().getFileName());
            if (!s.complete()) {
                System.err.println("glyphstream demo: not every request was answered within " + timeoutSeconds + " s");
                return 1;
            }
            return 0;
        }
    }

    private static void awaitRunning(KafkaStreams streams, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing() && streams.state() != KafkaStreams.State.CREATED) {
                throw new IllegalStateException("the serving topology did not start (state " + streams.state() + ")");
            }
            Thread.sleep(50);
        }
    }
}
