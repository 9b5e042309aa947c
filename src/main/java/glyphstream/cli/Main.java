package glyphstream.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Arrays;

@Command(name = "glyphstream",
        mixinStandardHelpOptions = true,
        version = "glyphstream 0.1.0",
        description = "Digit requests in, conditional-GAN digit images out, on Kafka Streams.",
        subcommands = {
                CommandLine.HelpCommand.class,
                BrokerCommand.class,
                LoadCommand.class,
                DataCommand.class,
                RequestCommand.class,
                WatchCommand.class,
                ServeCommand.class,
                DemoCommand.class,
                BenchCommand.class,
                TrainCommand.class,
                GenerateCommand.class,
                EvalCommand.class,
                TrainClassifierCommand.class,
                ConfigCommand.class,
        })
public final class Main {

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        Logging.configure(Arrays.asList(args).contains("-v") || Arrays.asList(args).contains("--verbose"));
        System.exit(commandLine().execute(args));
    }

    /** The command line with its error handling; tests run commands through this too. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new OneLineErrors());
        // A wrong flag gets one line and a pointer to --help, not the whole usage text.
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + e.getMessage()
                    + " (see '" + failed.getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        return cli;
    }
}
