package glyphstream.model;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Everything that decides the shape and optimisation of a {@link ConditionalGan}; stored with its training state
 * so that a resumed run rebuilds the same networks.
 *
 * @param emaDecay weight of the old average in the exponential moving average of the generator's weights that is
 *                 used for sampling; 0 samples from the live weights
 * @param discriminatorDropout drop probability after each hidden discriminator layer
 */
public record GanSettings(int latentSize, List<String> classNames, int width, int height,
                          int[] generatorHidden, int[] discriminatorHidden, boolean generatorBatchNorm,
                          double generatorLearningRate, double discriminatorLearningRate, double beta1,
                          double discriminatorDropout, double emaDecay, long seed) {

    public int classes() {
        return classNames.size();
    }

    public int pixels() {
        return width * height;
    }

    public Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("latentSize", Integer.toString(latentSize));
        p.setProperty("classNames", String.join(",", classNames));
        p.setProperty("width", Integer.toString(width));
        p.setProperty("height", Integer.toString(height));
        p.setProperty("generatorHidden", join(generatorHidden));
        p.setProperty("discriminatorHidden", join(discriminatorHidden));
        p.setProperty("generatorBatchNorm", Boolean.toString(generatorBatchNorm));
        p.setProperty("generatorLearningRate", Double.toString(generatorLearningRate));
        p.setProperty("discriminatorLearningRate", Double.toString(discriminatorLearningRate));
        p.setProperty("beta1", Double.toString(beta1));
        p.setProperty("discriminatorDropout", Double.toString(discriminatorDropout));
        p.setProperty("emaDecay", Double.toString(emaDecay));
        p.setProperty("seed", Long.toString(seed));
        return p;
    }

    public static GanSettings fromProperties(Properties p) {
        return new GanSettings(
                Integer.parseInt(p.getProperty("latentSize")),
                List.of(p.getProperty("classNames").split(",")),
                Integer.parseInt(p.getProperty("width")),
                Integer.parseInt(p.getProperty("height")),
                split(p.getProperty("generatorHidden")),
                split(p.getProperty("discriminatorHidden")),
                Boolean.parseBoolean(p.getProperty("generatorBatchNorm")),
                Double.parseDouble(p.getProperty("generatorLearningRate")),
                Double.parseDouble(p.getProperty("discriminatorLearningRate")),
                Double.parseDouble(p.getProperty("beta1")),
                Double.parseDouble(p.getProperty("discriminatorDropout")),
                Double.parseDouble(p.getProperty("emaDecay")),
                Long.parseLong(p.getProperty("seed")));
    }

    private static String join(int[] values) {
        return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    private static int[] split(String values) {
        return Arrays.stream(values.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
