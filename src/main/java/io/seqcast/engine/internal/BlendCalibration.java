package io.seqcast.engine.internal;

import io.seqcast.engine.Backtest;
import io.seqcast.engine.ForecastBlend;
import io.seqcast.engine.SequenceData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** The conformal calibration of a blend's errors, from which its prediction intervals are built. */
final class BlendCalibration {

    /** Calibration origins per series, at most, and cases in all: bound the cost for global models. */
    private static final int MAX_CALIBRATION_ORIGINS = 60;
    private static final int MAX_CALIBRATION_CASES = 2048;
    private static final int FEW_CALIBRATION_CASES = 30;
    /** Series features simulated for a model-based calibration, at most (evenly spread): bounds the fits it costs. */
    private static final int MAX_SIMULATED = 64;
    /** Sample paths per simulated series feature, at the least. */
    private static final int MIN_PATHS = 32;
    /** Fixed, so that a version's intervals do not depend on when it was trained. */
    private static final long SIMULATION_SEED = 20_081_997L;

    private BlendCalibration() {}

    /**
     * The conformal calibration of the scaled absolute errors of the mean of {@code members}, step by step,
     * on the origins where all of them forecast out of sample (the network only after its training part) from
     * at least half of the series' history: every one where there are at most
     * {@link #MAX_CALIBRATION_ORIGINS} per series (fewer where many series share
     * {@link #MAX_CALIBRATION_CASES}, but at least {@link Blending#MAX_ORIGINS} where the stretch holds them),
     * else that many spread evenly from the first to the latest. The choice's origins, a quarter horizon apart, leave a short series too few cases
     * for its intervals; the latest origins alone, one step apart, saw only the calm or the turbulent end of
     * a series; origins with less history than half the series forecast worse than a forecast from all of it
     * ever does (a damped trend on a decomposition of two seasons most of all) and widened every interval
     * (bench/README.md).
     */
    static Backtest.Calibration errors(SequenceData data, Split split, int horizon,
            Blending.NetworkForecast network, FitCache fits, ForecastBlend blend) {
        boolean usesNetwork = blend.members().contains(ForecastBlend.NETWORK);
        int period = data.seasonalPeriod();
        int n = data.sequences().size();
        int scored = Math.min(n, Blending.MAX_SERIES);
        int perSeries = Math.max(Blending.MAX_ORIGINS, Math.min(MAX_CALIBRATION_ORIGINS, MAX_CALIBRATION_CASES / scored));
        List<double[]> cases = new ArrayList<>(); // per case: the scaled error at each step
        for (int k = 0; k < scored; k++) {
            int i = (int) ((long) k * n / scored);
            float[][] values = data.sequences().get(i).values();
            int lowest = Math.max(Math.max(usesNetwork ? split.trainingEnd()[i] : 0, Blending.firstOrigin(period)),
                    values.length / 2);
            // Each feature's errors are scaled by its whole history's scale, as its intervals will be: the
            // scale of the few points before an early origin is noisy, and dividing by it gave heavy-tailed
            // cases that widened every interval (bench/README.md).
            double[] scales = new double[data.featureCount()];
            for (int f = 0; f < scales.length; f++) {
                scales[f] = Accuracy.naiveScale(values, values.length, f, period);
            }
            for (int origin : calibrationOrigins(lowest, values.length - horizon, perSeries)) {
                float[][] forecast = Blending.combine(blend, Arrays.copyOf(values, origin),
                        usesNetwork ? network.at(i, origin) : null, period, horizon, fits);
                for (int f = 0; f < data.featureCount(); f++) {
                    double scale = scales[f];
                    if (!(scale > 0)) {
                        continue;
                    }
                    double[] errors = new double[horizon];
                    for (int h = 0; h < horizon; h++) {
                        errors[h] = Math.abs(values[origin + h][f] - forecast[h][f]) / scale;
                    }
                    cases.add(errors);
                }
            }
        }
        return cases.isEmpty() ? null : Backtest.Calibration.of(byStep(cases, horizon)).withTrainingScales(typicalScales(data));
    }

    /**
     * The calibration of the blend's errors; where the network leaves it fewer than
     * {@link #FEW_CALIBRATION_CASES} (only its validation part is out of sample), each width is at least
     * that of the prior's errors from half the history on: a short validation tail saw too little of what
     * a series can do (bench/README.md). Where the network leaves fewer than
     * {@link Backtest.Calibration#MIN_POOLED_CASES}, the prior's calibration stands in. Where neither has
     * that many, exponential smoothing's sample paths calibrate ({@link #model}); where no series has a scale to simulate
     * with, the few cases there are stay.
     */
    static Backtest.Calibration of(SequenceData data, Split split, int horizon,
            Blending.NetworkForecast network, FitCache fits, ForecastBlend chosen) {
        Backtest.Calibration blend = errors(data, split, horizon, network, fits, chosen);
        if (chosen.members().contains(ForecastBlend.NETWORK) && (blend == null || blend.cases() < FEW_CALIBRATION_CASES)) {
            Backtest.Calibration prior = errors(data, split, horizon, network, fits,
                    new ForecastBlend(Blending.priorNames(), Map.of(), 0, "calibration", chosen.transform()));
            if (enough(blend) && prior != null) {
                blend = blend.atLeast(prior);
            } else if (enough(prior)) {
                blend = prior;
            }
        }
        if (enough(blend)) {
            return blend;
        }
        Backtest.Calibration model = model(data, horizon);
        return model != null ? model : blend;
    }

    private static boolean enough(Backtest.Calibration calibration) {
        return calibration != null && calibration.cases() >= Backtest.Calibration.MIN_POOLED_CASES;
    }

    /**
     * A calibration from the model's own uncertainty, for series too short, or horizons too long, to leave
     * the origins a conformal one needs: sample paths simulated from the best exponential smoothing form fitted to each whole series
     * (up to {@link #MAX_SIMULATED} series features, {@link #MAX_CALIBRATION_CASES} paths in all), their
     * scaled absolute deviations from that form's forecast taken as the cases. The intervals then hold as far
     * as the model describes the series, and are centred on the chosen blend's forecast (exponential
     * smoothing's where no origin could be scored). Null when no series has a scale.
     */
    static Backtest.Calibration model(SequenceData data, int horizon) {
        int period = data.seasonalPeriod();
        int features = data.featureCount();
        long pairs = (long) data.sequences().size() * features;
        int simulated = (int) Math.min(pairs, MAX_SIMULATED);
        int paths = Math.max(MIN_PATHS, MAX_CALIBRATION_CASES / simulated);
        SplittableRandom random = new SplittableRandom(SIMULATION_SEED);
        List<double[]> cases = new ArrayList<>();
        int n = data.sequences().size();
        for (int k = 0; k < simulated; k++) {
            // Feature by feature, series spread evenly within each: every feature gets its share.
            long pair = k * pairs / simulated;
            int f = (int) (pair / n);
            float[][] values = data.sequences().get((int) (pair % n)).values();
            double scale = Accuracy.naiveScale(values, values.length, f, period);
            if (!(scale > 0)) {
                continue;
            }
            Baselines.Fit fit = Baselines.fit(Blending.column(values, 0, values.length, f), period);
            for (double[] deviations : fit.etsDeviations(horizon, paths, random)) {
                double[] errors = new double[horizon];
                for (int h = 0; h < horizon; h++) {
                    errors[h] = Math.abs(deviations[h]) / scale;
                }
                cases.add(errors);
            }
        }
        return cases.isEmpty() ? null : Backtest.Calibration.of(byStep(cases, horizon), Backtest.Calibration.Source.MODEL)
                .withTrainingScales(typicalScales(data));
    }

    /** Per feature, the median of the training series' positive in-sample scales (0 where none has one). */
    static double[] typicalScales(SequenceData data) {
        int n = data.sequences().size();
        int examined = Math.min(n, Blending.MAX_SERIES);
        double[] typical = new double[data.featureCount()];
        for (int f = 0; f < typical.length; f++) {
            double[] scales = new double[examined];
            int positive = 0;
            for (int k = 0; k < examined; k++) {
                float[][] values = data.sequences().get((int) ((long) k * n / examined)).values();
                double scale = Accuracy.naiveScale(values, values.length, f, data.seasonalPeriod());
                if (scale > 0) {
                    scales[positive++] = scale;
                }
            }
            Arrays.sort(scales, 0, positive);
            typical[f] = positive == 0 ? 0 : scales[positive / 2];
        }
        return typical;
    }

    private static double[][] byStep(List<double[]> cases, int horizon) {
        double[][] byStep = new double[horizon][cases.size()];
        for (int k = 0; k < cases.size(); k++) {
            for (int h = 0; h < horizon; h++) {
                byStep[h][k] = cases.get(k)[h];
            }
        }
        return byStep;
    }

    /**
     * Origins from {@code lowest} to {@code latest}, the latest first: all of them, or {@code count} spread
     * evenly over them, the first and the latest included.
     */
    static int[] calibrationOrigins(int lowest, int latest, int count) {
        int available = latest - lowest + 1;
        if (available <= 0) {
            return new int[0];
        }
        int[] origins = new int[Math.min(count, available)];
        for (int c = 0; c < origins.length; c++) {
            origins[c] = available <= count ? latest - c
                    : count == 1 ? latest : latest - (int) ((long) c * (available - 1) / (count - 1));
        }
        return origins;
    }
}
