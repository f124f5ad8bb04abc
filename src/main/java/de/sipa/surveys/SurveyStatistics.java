package de.sipa.surveys;

/** The statistics of the results in plain Java: iterative proportional fitting, Wilson intervals, Kish's n. */
final class SurveyStatistics {

    /** The normal quantile of a two-sided 95 % interval. */
    static final double Z95 = 1.959963984540054;
    private static final int MAX_ITERATIONS = 1000;

    private SurveyStatistics() {
    }

    /**
     * Iterative proportional fitting (Deming and Stephan 1940) of a two-way table to row and column totals: rows and
     * columns are scaled in turn until both margins agree with the targets. Cells that are zero in the seed stay
     * zero. The targets' sums must agree; a row or column whose seed is all zero must have a zero target.
     */
    static double[][] fit(double[][] seed, double[] rowTargets, double[] columnTargets) {
        int rows = seed.length;
        int columns = columnTargets.length;
        var table = new double[rows][];
        double total = 0;
        for (int r = 0; r < rows; r++) {
            table[r] = seed[r].clone();
            total += rowTargets[r];
        }
        double tolerance = 1e-10 * Math.max(1, total);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            for (int r = 0; r < rows; r++) {
                double sum = 0;
                for (int c = 0; c < columns; c++) {
                    sum += table[r][c];
                }
                double factor = sum > 0 ? rowTargets[r] / sum : 0;
                for (int c = 0; c < columns; c++) {
                    table[r][c] *= factor;
                }
            }
            double worst = 0;
            for (int c = 0; c < columns; c++) {
                double sum = 0;
                for (int r = 0; r < rows; r++) {
                    sum += table[r][c];
                }
                double factor = sum > 0 ? columnTargets[c] / sum : 0;
                for (int r = 0; r < rows; r++) {
                    table[r][c] *= factor;
                }
            }
            for (int r = 0; r < rows; r++) {
                double sum = 0;
                for (int c = 0; c < columns; c++) {
                    sum += table[r][c];
                }
                worst = Math.max(worst, Math.abs(sum - rowTargets[r]));
            }
            if (worst < tolerance) {
                break;
            }
        }
        return table;
    }

    /**
     * The Wilson score interval of a share (Wilson 1927; Newcombe 1998, method 3), without continuity correction.
     *
     * @param n the number of answers, or Kish's effective sample size when the share is weighted
     * @return {lower, upper}, both 0 when there is no answer
     */
    static double[] wilson(double share, double n) {
        if (n <= 0) {
            return new double[] {0, 0};
        }
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (share + z2 / (2 * n)) / denominator;
        double half = Z95 * Math.sqrt(share * (1 - share) / n + z2 / (4 * n * n)) / denominator;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** Kish's effective sample size (Σw)² / Σw² of weights given as their sum and the sum of their squares. */
    static double effectiveSize(double sumOfWeights, double sumOfSquares) {
        return sumOfSquares <= 0 ? 0 : sumOfWeights * sumOfWeights / sumOfSquares;
    }
}
