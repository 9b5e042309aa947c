package glyphstream.cli;

import glyphstream.broker.EmbeddedBroker;
import glyphstream.config.GlyphConfig;
import glyphstream.wire.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Runs a single-node Kafka broker (KRaft) in this process, with glyphstream's topics, "
                + "until Ctrl-C. For development and demos: one replica, plaintext, localhost only.",
                "Other commands find it on localhost:9092 by themselves."})
public final class BrokerCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + EmbeddedBroker.DEFAULT_PORT,
            description = "Client port on localhost (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data/kafka",
            description = "Where the broker keeps its data; kept across restarts (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--config", paramLabel = "FILE.properties",
            description = "Settings file; its topic.* settings name the topics created.")
    Path configFile;

    @Option(names = {"-v", "--verbose"}, description = "Show the broker's own logs.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        GlyphConfig config = GlyphConfig.load(configFile, System.getenv(), Map.of());
        Topics topics = new Topics(config);
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        EmbeddedBroker broker = EmbeddedBroker.startWithTopics(port, dataDir, topics);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "broker-shutdown"));
        out.println("Kafka broker running: bootstrap servers " + broker.bootstrapServers()
                + " (data in " + broker.dataDir() + ")");
        printTopics(out, broker, topics.newTopics((short) 1));
        out.println("Ctrl-C stops it; the data stays for the next start.");
        out.flush();
        stopped.await();
        return 0;
    }

    private static void printTopics(PrintWriter out, EmbeddedBroker broker, List<NewTopic> ours) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            Map<String, TopicDescription> described = admin.describeTopics(
                    ours.stream().map(NewTopic::name).toList()).allTopicNames().get();
            for (NewTopic topic : ours) {
                String policy = topic.configs() == null ? "delete"
                        : topic.configs().getOrDefault("cleanup.policy", "delete");
                out.printf("  %-16s %d partition(s), cleanup.policy=%s%n", topic.name(),
                        described.get(topic.name()).partitions().size(), policy);
            }
        }
    }
}
