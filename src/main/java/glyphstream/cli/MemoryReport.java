package glyphstream.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak memory of this JVM, for the line a service prints when it stops (the benchmark reads it). */
final class MemoryReport {

    private MemoryReport() {
    }

    static String peaks() {
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        return "peak heap used " + heapPeak / (1024 * 1024) + " MB, peak RSS " + peakRssMb() + " MB";
    }

    private static String peakRssMb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> String.valueOf(Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024))
                    .findFirst().orElse("?");
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
