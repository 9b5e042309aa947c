package glyphstream.model;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a generator checkpoint says about itself.
 *
 * @param datasetFingerprint hex SHA-256 over the training data of the last epoch (labels and pixels)
 * @param metrics            final measurements, e.g. training losses and, for shipped models, eval results
 */
public record CheckpointMetadata(String modelVersion, String dataset, String datasetFingerprint, int epochs,
                                 long steps, long seed, int width, int height, int latentSize,
                                 List<String> classNames, long createdAtMillis, Map<String, Double> metrics) {

    public CheckpointMetadata {
        classNames = List.copyOf(classNames);
        metrics = Map.copyOf(metrics);
    }

    public ModelInfo info() {
        return new ModelInfo(modelVersion, latentSize, width, height, classNames);
    }

    public CheckpointMetadata withMetrics(Map<String, Double> more) {
        Map<String, Double> merged = new TreeMap<>(metrics);
        merged.putAll(more);
        return new CheckpointMetadata(modelVersion, dataset, datasetFingerprint, epochs, steps, seed, width, height,
                latentSize, classNames, createdAtMillis, merged);
    }

    Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("modelVersion", modelVersion);
        p.setProperty("dataset", dataset);
        p.setProperty("datasetFingerprint", datasetFingerprint);
        p.setProperty("epochs", Integer.toString(epochs));
        p.setProperty("steps", Long.toString(steps));
        p.setProperty("seed", Long.toString(seed));
        p.setProperty("width", Integer.toString(width));
        p.setProperty("height", Integer.toString(height));
        p.setProperty("latentSize", Integer.toString(latentSize));
        p.setProperty("classNames", String.join(",", classNames));
        p.setProperty("createdAtMillis", Long.toString(createdAtMillis));
        metrics.forEach((k, v) -> p.setProperty("metric." + k, Double.toString(v)));
        return p;
    }

    static CheckpointMetadata fromProperties(Properties p) {
        Map<String, Double> metrics = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("metric.")) {
                metrics.put(key.substring("metric.".length()), Double.parseDouble(p.getProperty(key)));
            }
        }
        return new CheckpointMetadata(
                required(p, "modelVersion"), required(p, "dataset"), required(p, "datasetFingerprint"),
                Integer.parseInt(required(p, "epochs")), Long.parseLong(required(p, "steps")),
                Long.parseLong(required(p, "seed")), Integer.parseInt(required(p, "width")),
                Integer.parseInt(required(p, "height")), Integer.parseInt(required(p, "latentSize")),
                List.of(required(p, "classNames").split(",")), Long.parseLong(required(p, "createdAtMillis")), metrics);
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("checkpoint metadata lacks '" + key + "'");
        }
        return value;
    }
}
