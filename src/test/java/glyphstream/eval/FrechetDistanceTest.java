package glyphstream.eval;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FrechetDistanceTest {

    @Test
    void shouldBeZeroWhenBothSetsAreTheSame() {
        Random random = new Random(1);
        double[][] a = new double[50][4];
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian() + j;
            }
        }
        assertEquals(0, FrechetDistance.between(a, a), 1e-9);
    }

    @Test
    void shouldMatchTheClosedFormWhenGaussiansAreOneDimensional() {
        // N(1, 4) vs N(-2, 9): (1 - -2)^2 + 4 + 9 - 2 * sqrt(4 * 9) = 9 + 1 = 10
        double distance = FrechetDistance.between(new double[]{1}, new double[][]{{4}}, new double[]{-2}, new double[][]{{9}});
        assertEquals(10, distance, 1e-9);
    }

    @Test
    void shouldMatchTheClosedFormWhenCovariancesAreDiagonal() {
        // sum over dimensions of (mu1 - mu2)^2 + (sigma1 - sigma2)^2 = (1 + 1) + (0 + 4) = 6
        double distance = FrechetDistance.between(
                new double[]{0, 1}, new double[][]{{1, 0}, {0, 9}},
                new double[]{1, 1}, new double[][]{{4, 0}, {0, 1}});
        assertEquals(6, distance, 1e-9);
    }

    @Test
    void shouldNotDependOnARotationAppliedToBothGaussians() {
        // rotating both covariances by 30 degrees leaves the distance of the diagonal case (4 + 0): (2-1)^2... = 4 unchanged
        double c = Math.cos(Math.PI / 6);
        double s = Math.sin(Math.PI / 6);
        double[][] rotation = {{c, -s}, {s, c}};
        double[][] s1 = rotate(rotation, new double[][]{{1, 0}, {0, 9}});
        double[][] s2 = rotate(rotation, new double[][]{{4, 0}, {0, 1}});
        // (1 - 2)^2 + (3 - 1)^2 = 5
        assertEquals(5, FrechetDistance.between(new double[]{0, 0}, s1, new double[]{0, 0}, s2), 1e-9);
    }

    @Test
    void shouldEstimateMeanAndUnbiasedCovarianceFromSamples() {
        double[][] samples = {{1, 2}, {3, 6}, {5, 10}};
        assertEquals(3, FrechetDistance.mean(samples)[0], 1e-12);
        double[][] cov = FrechetDistance.covariance(samples);
        assertEquals(4, cov[0][0], 1e-12);
        assertEquals(8, cov[0][1], 1e-12);
        assertEquals(16, cov[1][1], 1e-12);
    }

    @Test
    void shouldRejectSetsWithTooFewSamples() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FrechetDistance.between(new double[][]{{1}}, new double[][]{{1}, {2}}));
        assertEquals("Fréchet distance needs at least 2 samples per set, got 1 and 2", e.getMessage());
    }

    private static double[][] rotate(double[][] r, double[][] m) {
        double[][] rm = new double[2][2];
        double[][] out = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                for (int k = 0; k < 2; k++) {
                    rm[i][j] += r[i][k] * m[k][j];
                }
            }
        }
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                for (int k = 0; k < 2; k++) {
                    out[i][j] += rm[i][k] * r[j][k];
                }
            }
        }
        return out;
    }
}
