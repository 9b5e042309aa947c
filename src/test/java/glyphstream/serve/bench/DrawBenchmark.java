package glyphstream.serve.bench;

import glyphstream.serve.BenchAccess;

/** Images/s of the flush path without Kafka: forward pass + PNG + GeneratedImage, per batch size. */
public final class DrawBenchmark {

    public static void main(String[] args) throws Exception {
        int[] sizes = {1, 16, 64, 128, 256, 512, 1024};
        BenchAccess.drawBenchmark(sizes, Integer.parseInt(args.length > 0 ? args[0] : "20000"));
    }
}
