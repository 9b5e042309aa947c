package glyphstream.serve;

import org.nd4j.linalg.factory.Nd4j;

import java.util.Properties;

/** One line saying where the forward passes run: ND4J backend, device, BLAS threads. */
public final class ComputeBackend {

    private ComputeBackend() {
    }

    public static String describe() {
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        String device = Nd4j.getEnvironment().isCPU()
                ? "CPU (" + env.getOrDefault("cores", Runtime.getRuntime().availableProcessors()) + " cores, "
                + env.getOrDefault("omp.threads", "?") + " OpenMP threads, BLAS " + env.getOrDefault("blas.vendor", "?") + ")"
                : "GPU " + env.getOrDefault("cuda.devicesInformation", env.getOrDefault("backend", "?"));
        return "ND4J backend " + Nd4j.getBackend().getClass().getSimpleName() + ", executioner "
                + Nd4j.getExecutioner().type() + ", device " + device;
    }
}
