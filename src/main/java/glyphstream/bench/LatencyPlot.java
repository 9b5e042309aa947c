package glyphstream.bench;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Latency (p50, p95, p99) against offered load, one line per percentile and mode. */
final class LatencyPlot {

    record Point(double offeredPerSecond, double p50, double p95, double p99) {
    }

    private LatencyPlot() {
    }

    static void write(Path file, String title, List<Point> batched, List<Point> perRecord) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title)
                .xAxisTitle("offered load (requests/s, log)").yAxisTitle("latency (ms, log)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        addSeries(chart, "batched", batched);
        addSeries(chart, "per-record", perRecord);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void addSeries(XYChart chart, String mode, List<Point> points) {
        if (points.isEmpty()) {
            return;
        }
        double[] x = points.stream().mapToDouble(Point::offeredPerSecond).toArray();
        add(chart, mode + " p50", x, points.stream().mapToDouble(Point::p50).toArray());
        add(chart, mode + " p95", x, points.stream().mapToDouble(Point::p95).toArray());
        add(chart, mode + " p99", x, points.stream().mapToDouble(Point::p99).toArray());
    }

    private static void add(XYChart chart, String name, double[] x, double[] y) {
        double[] positive = java.util.Arrays.stream(y).map(v -> Math.max(v, 0.1)).toArray();
        XYSeries series = chart.addSeries(name, x, positive);
        series.setMarker(SeriesMarkers.CIRCLE);
    }
}
