package glyphstream.eval;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The measurements of one generator against held-out real digits.
 *
 * @param perClassFidelity class name -> share of its generated images the classifier assigns to it
 * @param diversityGenerated mean within-class pairwise distance of generated images, averaged over classes
 * @param diversityReal      the same for the real held-out images
 * @param perClassDiversity  class name -> {generated, real}
 */
public record EvalReport(double labelFidelity, Map<String, Double> perClassFidelity, double cas, double fid,
                         double fidReal, double diversityGenerated, double diversityReal,
                         Map<String, double[]> perClassDiversity, double classifierTestAccuracy) {

    /** JSON with exactly the top-level keys label_fidelity, per_class_fidelity, cas, fid, fid_real, diversity, classifier_test_accuracy. */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"label_fidelity\": ").append(num(labelFidelity)).append(",\n");
        sb.append("  \"per_class_fidelity\": {");
        appendMap(sb, perClassFidelity);
        sb.append("},\n");
        sb.append("  \"cas\": ").append(num(cas)).append(",\n");
        sb.append("  \"fid\": ").append(num(fid)).append(",\n");
        sb.append("  \"fid_real\": ").append(num(fidReal)).append(",\n");
        sb.append("  \"diversity\": {\"generated\": ").append(num(diversityGenerated))
                .append(", \"real\": ").append(num(diversityReal)).append(", \"per_class\": {");
        boolean first = true;
        for (Map.Entry<String, double[]> e : new TreeMap<>(perClassDiversity).entrySet()) {
            sb.append(first ? "" : ", ").append('"').append(e.getKey()).append("\": {\"generated\": ")
                    .append(num(e.getValue()[0])).append(", \"real\": ").append(num(e.getValue()[1])).append('}');
            first = false;
        }
        sb.append("}},\n");
        sb.append("  \"classifier_test_accuracy\": ").append(num(classifierTestAccuracy)).append('\n');
        return sb.append("}\n").toString();
    }

    /** A short markdown table: the headline numbers, then fidelity and diversity per class. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| metric | value |\n|---|---|\n");
        sb.append("| label_fidelity | ").append(fmt(labelFidelity)).append(" |\n");
        sb.append("| min per-class fidelity | ").append(fmt(minFidelity())).append(" |\n");
        sb.append("| cas | ").append(fmt(cas)).append(" |\n");
        sb.append("| fid | ").append(fmt(fid)).append(" |\n");
        sb.append("| fid_real | ").append(fmt(fidReal)).append(" |\n");
        sb.append("| fid / fid_real | ").append(fmt(fid / fidReal)).append(" |\n");
        sb.append("| diversity generated / real | ").append(fmt(diversityGenerated)).append(" / ").append(fmt(diversityReal)).append(" |\n");
        sb.append("| classifier_test_accuracy | ").append(fmt(classifierTestAccuracy)).append(" |\n\n");
        sb.append("| class | fidelity | diversity gen | diversity real |\n|---|---|---|---|\n");
        for (String c : new TreeMap<>(perClassFidelity).keySet()) {
            double[] d = perClassDiversity.getOrDefault(c, new double[]{Double.NaN, Double.NaN});
            sb.append("| ").append(c).append(" | ").append(fmt(perClassFidelity.get(c))).append(" | ")
                    .append(fmt(d[0])).append(" | ").append(fmt(d[1])).append(" |\n");
        }
        return sb.toString();
    }

    public double minFidelity() {
        return perClassFidelity.values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    /** The project's quality bar: fidelity >= 0.97, every class >= 0.90, cas >= 0.90, fid <= 3 * fid_real. */
    public boolean meetsQualityBar() {
        return missedBars().isEmpty();
    }

    /** One short phrase per part of the quality bar this report misses; empty when it meets them all. */
    public java.util.List<String> missedBars() {
        java.util.List<String> missed = new java.util.ArrayList<>();
        if (!(labelFidelity >= 0.97)) {
            missed.add("label_fidelity " + fmt(labelFidelity) + " < 0.97");
        }
        if (!(minFidelity() >= 0.90)) {
            missed.add("lowest class fidelity " + fmt(minFidelity()) + " < 0.90");
        }
        if (!(cas >= 0.90)) {
            missed.add("cas " + fmt(cas) + " < 0.90");
        }
        if (!(fid <= 3 * fidReal)) {
            missed.add("fid " + fmt(fid) + " > 3 x fid_real " + fmt(fidReal));
        }
        return missed;
    }

    private static void appendMap(StringBuilder sb, Map<String, Double> map) {
        boolean first = true;
        for (Map.Entry<String, Double> e : new TreeMap<>(map).entrySet()) {
            sb.append(first ? "" : ", ").append('"').append(e.getKey()).append("\": ").append(num(e.getValue()));
            first = false;
        }
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6f", v) : "null";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
