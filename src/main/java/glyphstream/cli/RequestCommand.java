package glyphstream.cli;

import glyphstream.wire.Bytes;
import glyphstream.client.ReplyListener;
import glyphstream.client.RequestSender;
import glyphstream.config.GlyphConfig;
import glyphstream.wire.Topics;
import glyphstream.wire.avro.DigitRequest;
import glyphstream.wire.avro.GeneratedImage;
import glyphstream.wire.avro.RejectedRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

@Command(name = "request", mixinStandardHelpOptions = true,
        description = "Send one request to a running service and wait for its images.")
public final class RequestCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--text", required = true, description = "Digits to draw, e.g. 7 or 2026.")
    String text;

    @Option(names = "--seed", description = "Seed for a reproducible image.")
    Long seed;

    @Option(names = "--count", defaultValue = "1", description = "Variants to draw (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--model", description = "Pin a model version.")
    String modelVersion;

    @Option(names = "--out", description = "PNG file to write (variants get -N before .png). Default: <request id>.png")
    Path out;

    @Option(names = "--timeout-s", defaultValue = "30", description = "Seconds to wait (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1, got " + count);
        }
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("--timeout-s must be at least 1, got " + timeoutSeconds);
        }
        GlyphConfig config = kafka.config();
        Topics topics = new Topics(config);
        var client = ClientProperties.of(config);
        String requestId = "req-" + UUID.randomUUID();
        DigitRequest request = DigitRequest.newBuilder().setRequestId(requestId).setText(text)
                .setSeed(seed).setCount(count).setModelVersion(modelVersion).build();

        List<GeneratedImage> images = new ArrayList<>();
        RejectedRequest[] rejection = new RejectedRequest[1];
        try (var imageListener = new ReplyListener<>(client, topics.images.name(), topics.images.valueSerde().deserializer(), false);
             var rejectListener = new ReplyListener<>(client, topics.rejected.name(), topics.rejected.valueSerde().deserializer(), false);
             var sender = new RequestSender(client, topics.requests.name())) {
            long start = System.nanoTime();
            sender.send(request).get();
            long deadline = start + Duration.ofSeconds(timeoutSeconds).toNanos();
            while (images.size() < count && rejection[0] == null && System.nanoTime() < deadline) {
                imageListener.poll(Duration.ofMillis(50), r -> {
                    if (requestId.equals(r.key())) {
                        images.add(r.value());
                    }
                });
                rejectListener.poll(Duration.ZERO, r -> {
                    if (requestId.equals(r.key())) {
                        rejection[0] = r.value();
                    }
                });
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (rejection[0] != null) {
                System.err.println("glyphstream request: rejected (" + rejection[0].getReason() + "): " + rejection[0].getMessage());
                return 2;
            }
            if (images.size() < count) {
                System.err.println("glyphstream request: " + images.size() + " of " + count + " images within "
                        + timeoutSeconds + " s; is `./glyphstream serve` running against " + client.get("bootstrap.servers") + "?");
                return 1;
            }
            for (GeneratedImage image : images) {
                Path file = fileFor(requestId, image.getVariant());
                if (file.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                }
                Files.write(file, Bytes.of(image.getPng()));
                System.out.printf("%s: \"%s\" %dx%d seed %d model %s -> %s (%d ms)%n", requestId, image.getText(),
                        image.getWidth(), image.getHeight(), image.getSeed(), image.getModelVersion(), file, millis);
            }
            return 0;
        }
    }

    private Path fileFor(String requestId, int variant) {
        Path base = out != null ? out : Path.of(requestId + ".png");
        if (count == 1) {
            return base;
        }
        String name = base.getFileName().toString();
        String stem = name.endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        return base.resolveSibling(stem + "-" + variant + ".png");
    }
}
