package io.seqcast.engine.internal;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Nelder and Mead's simplex minimiser (the default optimiser of R's ets and optim): derivative-free, so
 * it takes an objective that is infinite outside its parameters' bounds. Deterministic.
 */
final class NelderMead {

    private NelderMead() {}

    /**
     * The point of lowest value found from {@code start}, the first simplex stepping {@code steps} along each
     * axis; stops after {@code maxEvaluations} or when the simplex's values agree to {@code tolerance}.
     */
    static double[] minimize(ToDoubleFunction<double[]> objective, double[] start, double[] steps,
            int maxEvaluations, double tolerance) {
        int d = start.length;
        double[][] points = new double[d + 1][];
        double[] values = new double[d + 1];
        points[0] = start.clone();
        values[0] = objective.applyAsDouble(points[0]);
        for (int i = 0; i < d; i++) {
            points[i + 1] = start.clone();
            points[i + 1][i] += steps[i];
            values[i + 1] = objective.applyAsDouble(points[i + 1]);
        }
        int evaluations = d + 1;
        Integer[] order = new Integer[d + 1];
        while (evaluations < maxEvaluations) {
            for (int i = 0; i <= d; i++) {
                order[i] = i;
            }
            double[] v = values;
            Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
            int best = order[0];
            int worst = order[d];
            int secondWorst = order[d - 1];
            if (Math.abs(values[worst] - values[best]) <= tolerance * (Math.abs(values[best]) + tolerance)) {
                break;
            }
            double[] centroid = new double[d];
            for (int i = 0; i <= d; i++) {
                if (i != worst) {
                    for (int j = 0; j < d; j++) {
                        centroid[j] += points[i][j] / d;
                    }
                }
            }
            double[] reflected = along(centroid, points[worst], -1);
            double reflectedValue = objective.applyAsDouble(reflected);
            evaluations++;
            if (reflectedValue < values[best]) {
                double[] expanded = along(centroid, points[worst], -2);
                double expandedValue = objective.applyAsDouble(expanded);
                evaluations++;
                boolean expand = expandedValue < reflectedValue;
                points[worst] = expand ? expanded : reflected;
                values[worst] = expand ? expandedValue : reflectedValue;
            } else if (reflectedValue < values[secondWorst]) {
                points[worst] = reflected;
                values[worst] = reflectedValue;
            } else {
                boolean outside = reflectedValue < values[worst];
                double[] contracted = along(centroid, points[worst], outside ? -0.5 : 0.5);
                double contractedValue = objective.applyAsDouble(contracted);
                evaluations++;
                if (contractedValue < Math.min(values[worst], reflectedValue)) {
                    points[worst] = contracted;
                    values[worst] = contractedValue;
                } else {
                    for (int i = 0; i <= d; i++) {
                        if (i != best) {
                            points[i] = along(points[best], points[i], 0.5);
                            values[i] = objective.applyAsDouble(points[i]);
                        }
                    }
                    evaluations += d;
                }
            }
        }
        int best = 0;
        for (int i = 1; i <= d; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return points[best];
    }

    /** {@code from + t (to - from)}. */
    private static double[] along(double[] from, double[] to, double t) {
        double[] point = new double[from.length];
        for (int j = 0; j < from.length; j++) {
            point[j] = from[j] + t * (to[j] - from[j]);
        }
        return point;
    }
}
