package glyphstream.cli;

import glyphstream.config.ConfigTable;
import glyphstream.config.GlyphConfig;
import glyphstream.config.Setting;
import glyphstream.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the effective settings (defaults < --config file < GLYPHSTREAM_* variables < flags).")
public final class ConfigCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--markdown", description = "Print the documentation table of every setting instead.")
    boolean markdown;

    @Override
    public Integer call() {
        if (markdown) {
            System.out.print(ConfigTable.markdown());
            return 0;
        }
        GlyphConfig config = kafka.config();
        for (Setting s : Settings.ALL) {
            System.out.printf("%-26s = %s%n", s.key(), config.get(s));
        }
        config.kafkaClientProperties().forEach((k, v) -> {
            if (!k.equals(Settings.BOOTSTRAP_SERVERS.key())) {
                System.out.printf("%-26s = %s   (Kafka client setting)%n", k, k.contains("password") || k.contains("jaas") ? "****" : v);
            }
        });
        return 0;
    }
}
