package glyphstream.client;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PercentilesTest {

    @Test
    void shouldUseNearestRank() {
        double[] values = new double[100];
        for (int i = 0; i < 100; i++) {
            values[i] = 100 - i; // 100..1, unsorted on purpose
        }
        Percentiles p = new Percentiles(values);
        assertEquals(50, p.at(50));
        assertEquals(99, p.at(99));
        assertEquals(100, p.at(100));
        assertEquals(1, p.at(0.5));
    }

    @Test
    void shouldBeNaNWithoutValues() {
        assertTrue(Double.isNaN(new Percentiles(new double[0]).at(99)));
    }
}
