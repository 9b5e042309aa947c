package glyphstream.eval;

/**
 * Fréchet distance between two Gaussians fitted to two sets of feature vectors:
 * |mu1 - mu2|^2 + tr(S1 + S2 - 2 (S1^1/2 S2 S1^1/2)^1/2).
 * The symmetric form of the cross term keeps every square root one of a symmetric PSD matrix.
 */
public final class FrechetDistance {

    private FrechetDistance() {
    }

    /** Distance between the Gaussians fitted (sample mean, unbiased covariance) to rows of {@code a} and {@code b}. */
    public static double between(double[][] a, double[][] b) {
        if (a.length < 2 || b.length < 2) {
            throw new IllegalArgumentException("Fréchet distance needs at least 2 samples per set, got " + a.length + " and " + b.length);
        }
        if (a[0].length != b[0].length) {
            throw new IllegalArgumentException("feature sizes differ: " + a[0].length + " vs " + b[0].length);
        }
        return between(mean(a), covariance(a), mean(b), covariance(b));
    }

    public static double between(double[] mu1, double[][] s1, double[] mu2, double[][] s2) {
        int n = mu1.length;
        double meanTerm = 0;
        for (int i = 0; i < n; i++) {
            double d = mu1[i] - mu2[i];
            meanTerm += d * d;
        }
        double[][] root1 = SymmetricEigen.of(s1).sqrtPsd();
        double[][] inner = multiply(multiply(root1, s2), root1);
        symmetrise(inner);
        double crossTrace = 0;
        for (double value : SymmetricEigen.of(inner).values()) {
            crossTrace += Math.sqrt(Math.max(value, 0));
        }
        return meanTerm + trace(s1) + trace(s2) - 2 * crossTrace;
    }

    static double[] mean(double[][] rows) {
        int d = rows[0].length;
        double[] mu = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                mu[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mu[j] /= rows.length;
        }
        return mu;
    }

    static double[][] covariance(double[][] rows) {
        int d = rows[0].length;
        double[] mu = mean(rows);
        double[][] cov = new double[d][d];
        double[] centred = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                centred[j] = row[j] - mu[j];
            }
            for (int i = 0; i < d; i++) {
                double ci = centred[i];
                if (ci == 0) {
                    continue;
                }
                double[] covRow = cov[i];
                for (int j = i; j < d; j++) {
                    covRow[j] += ci * centred[j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                cov[i][j] /= rows.length - 1;
                cov[j][i] = cov[i][j];
            }
        }
        return cov;
    }

    private static double[][] multiply(double[][] x, double[][] y) {
        int n = x.length;
        int m = y[0].length;
        int inner = y.length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < inner; k++) {
                double xik = x[i][k];
                if (xik == 0) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    out[i][j] += xik * y[k][j];
                }
            }
        }
        return out;
    }

    private static void symmetrise(double[][] m) {
        for (int i = 0; i < m.length; i++) {
            for (int j = i + 1; j < m.length; j++) {
                double avg = (m[i][j] + m[j][i]) / 2;
                m[i][j] = avg;
                m[j][i] = avg;
            }
        }
    }

    private static double trace(double[][] m) {
        double t = 0;
        for (int i = 0; i < m.length; i++) {
            t += m[i][i];
        }
        return t;
    }
}
