package glyphstream.cli;

import glyphstream.wire.Bytes;
import glyphstream.client.ReplyListener;
import glyphstream.config.GlyphConfig;
import glyphstream.wire.Topics;
import glyphstream.wire.avro.GeneratedImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Consume generated images and write them as PNG files as they arrive (Ctrl-C stops).")
public final class WatchCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--out", defaultValue = "out/watch", description = "Folder for the PNGs (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--from-beginning", description = "Start at the oldest image instead of new ones.")
    boolean fromBeginning;

    @Option(names = "--max", defaultValue = "0", description = "Stop after this many images (0: run until Ctrl-C).")
    long max;

    @Override
    public Integer call() throws IOException {
        GlyphConfig config = kafka.config();
        Topics topics = new Topics(config);
        Files.createDirectories(out);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.set(false);
            try {
                main.join(2000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }));
        long[] written = {0};
        try (var listener = new ReplyListener<>(ClientProperties.of(config), topics.images.name(),
                topics.images.valueSerde().deserializer(), fromBeginning)) {
            System.out.println("watching " + topics.images.name() + ", writing PNGs to " + out.toAbsolutePath());
            while (running.get() && (max == 0 || written[0] < max)) {
                listener.poll(Duration.ofMillis(200), r -> {
                    write(r.value());
                    written[0]++;
                });
            }
        }
        return 0;
    }

    private void write(GeneratedImage image) {
        String safeId = image.getRequestId().replaceAll("[^A-Za-z0-9._-]", "_");
        Path file = out.resolve(safeId + "-" + image.getVariant() + ".png");
        byte[] bytes = Bytes.of(image.getPng());
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write (" + e.getMessage() + ")", e);
        }
        System.out.printf("%s \"%s\" variant %d model %s -> %s%n", image.getRequestId(), image.getText(),
                image.getVariant(), image.getModelVersion(), file);
    }
}
