package glyphstream.cli;

import glyphstream.broker.KafkaConnection;
import glyphstream.config.GlyphConfig;
import glyphstream.config.Settings;
import glyphstream.serve.GenerationService;
import glyphstream.serve.GeneratorLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Answer digit requests with generated images (Kafka Streams; Ctrl-C stops cleanly).")
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--batch-max-size", paramLabel = "N", description = "Images per forward pass at most.")
    Integer batchMaxSize;

    @Option(names = "--batch-max-delay-ms", paramLabel = "MS", description = "Longest wait (wall clock) before a batch is drawn.")
    Integer batchMaxDelayMs;

    @Option(names = "--threads", paramLabel = "T", description = "Kafka Streams threads (each with its own generator copy).")
    Integer threads;

    @Option(names = "--model", paramLabel = "FILE", description = "Generator checkpoint to start with.")
    Path model;

    @Override
    public Integer call() throws Exception {
        Map<String, String> flags = new HashMap<>();
        put(flags, Settings.BATCH_MAX_SIZE, batchMaxSize);
        put(flags, Settings.BATCH_MAX_DELAY_MS, batchMaxDelayMs);
        put(flags, Settings.STREAM_THREADS, threads);
        put(flags, Settings.MODEL_FILE, model);
        GlyphConfig config = kafka.config(flags);
        GenerationService.checkSettings(config);
        // Given brokers, else one answering on localhost:9092, else an embedded one living as long as we do.
        KafkaConnection connection = KafkaConnection.open(config);
        GenerationService service;
        try {
            service = GenerationService.start(connection.config(), Checkpoints.loader());
        } catch (Exception | Error e) {
            connection.close();
            throw e;
        }
        Thread stopper = new Thread(() -> {
            service.close();
            connection.close();
            System.err.println("glyphstream serve: stopped; " + MemoryReport.peaks());
        }, "serve-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        service.awaitStop();
        return service.failed() ? 1 : 0;
    }

    private static void put(Map<String, String> flags, glyphstream.config.Setting setting, Object value) {
        if (value != null) {
            flags.put(setting.key(), value.toString());
        }
    }
}
