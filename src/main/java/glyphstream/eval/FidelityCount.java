package glyphstream.eval;

import java.util.List;
import java.util.Map;

/** Label fidelity: the share of images whose predicted class is the requested one, overall and per class. */
final class FidelityCount {

    private FidelityCount() {
    }

    /** Fills {@code perClass} (class name -> share) and returns the overall share. */
    static double of(int[] requested, int[] predicted, List<String> names, Map<String, Double> perClass) {
        if (requested.length != predicted.length || requested.length == 0) {
            throw new IllegalArgumentException("need as many predictions as requests (and at least one): "
                    + requested.length + " vs " + predicted.length);
        }
        int[] hits = new int[names.size()];
        int[] totals = new int[names.size()];
        int allHits = 0;
        for (int i = 0; i < requested.length; i++) {
            totals[requested[i]]++;
            if (predicted[i] == requested[i]) {
                hits[requested[i]]++;
                allHits++;
            }
        }
        for (int c = 0; c < names.size(); c++) {
            if (totals[c] > 0) {
                perClass.put(names.get(c), (double) hits[c] / totals[c]);
            }
        }
        return (double) allHits / requested.length;
    }
}
