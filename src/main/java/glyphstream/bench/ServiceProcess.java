package glyphstream.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The serve command in its own JVM, as in production, so its memory is measured alone: resident
 * set size from /proc, peak heap from the line the service prints when it stops.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Pattern PEAK_HEAP = Pattern.compile("peak heap used (\\d+) MB");

    private final Process process;
    private final Path log;

    private ServiceProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ServiceProcess start(List<String> serveArgs, Map<String, String> env, String maxHeap, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("glyphstream.cli.Main");
        command.add("serve");
        command.addAll(serveArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        ServiceProcess service = new ServiceProcess(builder.start(), log);
        service.awaitRunning(120_000);
        return service;
    }

    private void awaitRunning(long timeoutMs) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            String text = Files.readString(log);
            if (text.contains("-> RUNNING")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the service stopped during start-up; see " + log);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the service did not reach RUNNING within " + timeoutMs / 1000 + " s; see " + log);
    }

    /** Peak resident set size (VmHWM) so far, in MB. */
    double peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    /** Stops the service (SIGTERM, a clean shutdown) and returns its peak heap in MB, NaN if it did not say. */
    double stop() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        Matcher m = PEAK_HEAP.matcher(Files.readString(log));
        double peak = Double.NaN;
        while (m.find()) {
            peak = Double.parseDouble(m.group(1));
        }
        return peak;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
