package glyphstream.eval;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SymmetricEigenTest {

    @Test
    void shouldFindTheKnownEigenvaluesOfATwoByTwoMatrix() {
        double[] values = SymmetricEigen.of(new double[][]{{2, 1}, {1, 2}}).values();
        Arrays.sort(values);
        assertArrayEquals(new double[]{1, 3}, values, 1e-12);
    }

    @Test
    void shouldReturnTheMatrixWhoseSquareIsTheInputWhenTakingTheSquareRoot() {
        // [[2,1],[1,2]]^2 = [[5,4],[4,5]]
        double[][] root = SymmetricEigen.of(new double[][]{{5, 4}, {4, 5}}).sqrtPsd();
        assertArrayEquals(new double[]{2, 1}, root[0], 1e-12);
        assertArrayEquals(new double[]{1, 2}, root[1], 1e-12);
    }

    @Test
    void shouldSquareBackToTheInputWhenTheMatrixIsARandomCovariance() {
        Random random = new Random(3);
        int n = 12;
        double[][] x = new double[30][n];
        for (double[] row : x) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextGaussian();
            }
        }
        double[][] cov = FrechetDistance.covariance(x);
        double[][] root = SymmetricEigen.of(cov).sqrtPsd();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double square = 0;
                for (int k = 0; k < n; k++) {
                    square += root[i][k] * root[k][j];
                }
                assertEquals(cov[i][j], square, 1e-9);
            }
        }
    }
}
