package glyphstream.bench;

import glyphstream.model.DigitGenerator;
import glyphstream.model.Latents;

import java.util.ArrayList;
import java.util.List;

/** The bare generator forward pass at several batch sizes: the ceiling the service can approach. */
final class ForwardPassBench {

    record Result(int batch, double imagesPerSecond, double msPerBatch) {
    }

    private ForwardPassBench() {
    }

    static List<Result> run(DigitGenerator generator, int[] batchSizes, double secondsEach) {
        List<Result> results = new ArrayList<>();
        for (int batch : batchSizes) {
            int[] labels = new int[batch];
            float[] latents = new float[batch * generator.info().latentSize()];
            for (int i = 0; i < batch; i++) {
                labels[i] = i % generator.info().classes();
                Latents.fill(i, 0, latents, i * generator.info().latentSize(), generator.info().latentSize());
            }
            // Warm-up: JIT and ND4J workspaces settle in the first calls.
            long warmUntil = System.nanoTime() + (long) (secondsEach * 0.3e9);
            do {
                generator.draw(labels, latents);
            } while (System.nanoTime() < warmUntil);
            int calls = 0;
            long start = System.nanoTime();
            long until = start + (long) (secondsEach * 1e9);
            do {
                generator.draw(labels, latents);
                calls++;
            } while (System.nanoTime() < until);
            double seconds = (System.nanoTime() - start) / 1e9;
            results.add(new Result(batch, calls * (double) batch / seconds, seconds * 1000 / calls));
        }
        return results;
    }
}
