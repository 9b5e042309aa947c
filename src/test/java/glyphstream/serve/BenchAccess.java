package glyphstream.serve;

import glyphstream.render.DigitStrips;
import glyphstream.render.DrawJob;
import glyphstream.render.GrayImage;
import glyphstream.render.GrayPng;

import java.util.ArrayList;
import java.util.List;

/** Package-private parts of the flush path, timed for the benchmarks. */
public final class BenchAccess {

    private BenchAccess() {
    }

    public static void drawBenchmark(int[] sizes, int imagesPerSize) throws Exception {
        ModelRegistry registry = new ModelRegistry(RandomMlpGenerator.loader());
        registry.register(RandomMlpGenerator.checkpoint("bench"), "bench", true);
        BatchDrawer drawer = new BatchDrawer(registry);
        GrayPng png = new GrayPng();
        for (int size : sizes) {
            List<BufferedRequest> batch = new ArrayList<>();
            List<DrawJob> jobs = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                batch.add(new BufferedRequest("r" + i, String.valueOf(i % 10), i, 1, null, 0, "t", 0, i, null, null));
                jobs.add(new DrawJob(String.valueOf(i % 10), i, 0));
            }
            int rounds = Math.max(3, imagesPerSize / size);
            for (int i = 0; i < Math.max(2, rounds / 5); i++) {
                drawer.draw(batch, 0); // warm-up
            }
            long c0 = glyphstream.bench.ServeTuning.processCpuNanos();
            long t0 = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                DigitStrips.draw(registry.current().generatorForThisThread(), jobs);
            }
            long t1 = System.nanoTime();
            long c1 = glyphstream.bench.ServeTuning.processCpuNanos();
            for (int i = 0; i < rounds; i++) {
                drawer.draw(batch, 0);
            }
            long t2 = System.nanoTime();
            long c2 = glyphstream.bench.ServeTuning.processCpuNanos();
            List<GrayImage> images = DigitStrips.draw(registry.current().generatorForThisThread(), jobs);
            long t3 = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                for (GrayImage image : images) {
                    png.encode(image);
                }
            }
            long t4 = System.nanoTime();
            double images1 = (double) rounds * size;
            System.out.printf("batch %5d: forward pass %8.0f img/s wall, %7.1f us CPU/img | PNG alone %8.0f img/s | full flush path %8.0f img/s wall, %7.1f us CPU/img, %.2f ms per batch%n",
                    size, images1 / ((t1 - t0) / 1e9), (c1 - c0) / 1e3 / images1, images1 / ((t4 - t3) / 1e9),
                    images1 / ((t2 - t1) / 1e9), (c2 - c1) / 1e3 / images1, (t2 - t1) / 1e6 / rounds);
        }
    }

    public static GeneratorLoader randomMlpLoader() {
        return RandomMlpGenerator.loader();
    }

    public static byte[] randomMlpCheckpoint(String version) {
        return RandomMlpGenerator.checkpoint(version);
    }
}
