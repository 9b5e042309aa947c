package glyphstream.train;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Discriminator and generator losses per step, plotted as averages over windows of steps. */
public final class LossCurve {

    private static final int WINDOW = 20;

    private final List<Double> discriminator = new ArrayList<>();
    private final List<Double> generator = new ArrayList<>();
    private final long firstStep;

    public LossCurve(long firstStep) {
        this.firstStep = firstStep;
    }

    public void add(double discriminatorLoss, double generatorLoss) {
        discriminator.add(discriminatorLoss);
        generator.add(generatorLoss);
    }

    public int size() {
        return discriminator.size();
    }

    public void writePng(Path file) throws IOException {
        if (discriminator.isEmpty()) {
            return;
        }
        XYChart chart = new XYChartBuilder().width(900).height(450).title("GAN losses (mean over " + WINDOW + " steps)")
                .xAxisTitle("step").yAxisTitle("cross-entropy").build();
        addSeries(chart, "discriminator", discriminator);
        addSeries(chart, "generator", generator);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    private void addSeries(XYChart chart, String name, List<Double> values) {
        int points = (values.size() + WINDOW - 1) / WINDOW;
        double[] x = new double[points];
        double[] y = new double[points];
        for (int p = 0; p < points; p++) {
            int from = p * WINDOW;
            int to = Math.min(values.size(), from + WINDOW);
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += values.get(i);
            }
            x[p] = firstStep + to;
            y[p] = sum / (to - from);
        }
        chart.addSeries(name, x, y);
    }
}
