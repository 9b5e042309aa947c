package glyphstream.bench;

import java.util.List;

/** How long each part of the benchmark runs; --quick keeps the whole run within about three minutes. */
record BenchPlan(double forwardSecondsEach, double pngSeconds, double loadSeconds, int saturationRequests,
                 int perRecordSaturationRequests, List<Integer> offeredLoads, List<Integer> perRecordLoads,
                 int perRecordMaxRequestsPerLoad) {

    static final int[] FORWARD_BATCHES = {1, 8, 32, 128, 512, 2048};

    static BenchPlan quick() {
        return new BenchPlan(0.6, 1.0, 3.0, 20_000, 1_200, List.of(100, 1_000, 5_000), List.of(100, 1_000), 1_000);
    }

    static BenchPlan full() {
        return new BenchPlan(2.0, 3.0, 10.0, 60_000, 3_000, List.of(100, 1_000, 5_000), List.of(100, 1_000, 5_000), 2_000);
    }
}
