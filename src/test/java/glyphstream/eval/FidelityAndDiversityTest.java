package glyphstream.eval;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FidelityAndDiversityTest {

    @Test
    void shouldCountPerClassSharesWhenAFakeClassifierGetsSomeWrong() {
        int[] requested = {0, 0, 0, 0, 1, 1, 2, 2};
        int[] predicted = {0, 0, 0, 1, 1, 2, 2, 2}; // class 0: 3/4, class 1: 1/2, class 2: 2/2
        Map<String, Double> perClass = new LinkedHashMap<>();
        double overall = FidelityCount.of(requested, predicted, List.of("zero", "one", "two"), perClass);
        assertEquals(6.0 / 8, overall, 1e-12);
        assertEquals(Map.of("zero", 0.75, "one", 0.5, "two", 1.0), perClass);
    }

    @Test
    void shouldRejectPredictionsThatDoNotMatchTheRequests() {
        assertThrows(IllegalArgumentException.class,
                () -> FidelityCount.of(new int[]{0, 1}, new int[]{0}, List.of("0", "1"), new LinkedHashMap<>()));
    }

    @Test
    void shouldAverageEuclideanDistancesOverAllPairs() {
        // three 4-pixel images: black, white, black; distances black-white = 2 (sqrt of 4 * 1^2), black-black = 0
        byte[] pixels = {0, 0, 0, 0, (byte) 255, (byte) 255, (byte) 255, (byte) 255, 0, 0, 0, 0};
        assertEquals((2 + 0 + 2) / 3.0, Diversity.meanPairwiseDistance(pixels, 4, new int[]{0, 1, 2}), 1e-12);
        assertEquals(0, Diversity.meanPairwiseDistance(pixels, 4, new int[]{0, 2}), 1e-12);
    }

    @Test
    void shouldSampleTheSameClassMakeUpAsTheReferenceWhenStratifying() {
        int[] pool = {0, 1, 0, 1, 0, 1, 2, 2};
        int[] like = {0, 0, 1, 2};
        int[] rows = Evaluator.stratifiedSample(pool, like, new java.util.Random(1));
        int[] counts = new int[3];
        for (int row : rows) {
            counts[pool[row]]++;
        }
        assertEquals(List.of(2, 1, 1), List.of(counts[0], counts[1], counts[2]));
    }
}
