package io.seqcast.engine;

/**
 * Every setting a caller may leave out, in one place: the specs' defaults are built from these, and the
 * API's descriptions quote them. The values come from measurements on the real series in bench/
 * (bench/README.md).
 */
public final class Defaults {

    /** Input window of a non-seasonal series; seasonal ones read two seasons. */
    public static final int NON_SEASONAL_WINDOW = 16;
    public static final String CELL = "LSTM";
    public static final int HIDDEN_SIZE = 32;
    public static final int LAYERS = 1;
    public static final double DROPOUT = 0.0;
    public static final int EPOCHS = 200;
    public static final int BATCH_SIZE = 32;
    public static final String OPTIMIZER = "ADAM";
    public static final double LEARNING_RATE = 0.005;
    public static final double MOMENTUM = 0.0;
    public static final String LOSS = "HUBER";
    public static final double GRADIENT_CLIP_NORM = 1.0;
    public static final double GRADIENT_CLIP_VALUE = 0.0;
    public static final double VALIDATION_FRACTION = 0.2;
    public static final int EARLY_STOPPING_PATIENCE = 20;
    public static final long SEED = 42L;
    /** Validation may choose or combine classical baselines unless asked not to. */
    public static final boolean NETWORK_ONLY = false;
    /**
     * Networks averaged where the data is small: where one network's forward pass over the data's windows
     * costs at most {@value #ENSEMBLE_MAX_WORK} multiply-adds (a few hundred windows of a monthly series),
     * further members cost seconds and a network's forecasts vary most from seed to seed (bench/README.md).
     */
    public static final int MEMBERS = 3;
    public static final long ENSEMBLE_MAX_WORK = 50_000_000L;

    /** Classifiers: the embedding of a character, and the longest sequence read by default. */
    public static final int EMBEDDING = 32;
    public static final int CLASSIFIER_HIDDEN_SIZE = 128;
    public static final int CLASSIFIER_MAX_LENGTH = 64;
    /** Classifiers train on many short sequences: fewer epochs and an earlier stop than forecasters. */
    public static final int CLASSIFIER_EPOCHS = 30;
    public static final int CLASSIFIER_BATCH_SIZE = 64;
    public static final int CLASSIFIER_PATIENCE = 3;

    private Defaults() {}

    /**
     * A classifier spec with every default: an LSTM over 32-wide character embeddings, reading up to the
     * longest sequence of the data (at most {@value #CLASSIFIER_MAX_LENGTH} elements).
     */
    public static ClassifierSpec classifierSpec(ClassificationData data) {
        int longest = data.sequences().stream().mapToInt(LabelledSequence::length).max().orElse(1);
        return new ClassifierSpec(CellType.valueOf(CELL), EMBEDDING, CLASSIFIER_HIDDEN_SIZE, LAYERS, DROPOUT,
                Math.max(1, Math.min(longest, CLASSIFIER_MAX_LENGTH)));
    }

    /**
     * The window the model reads: two seasons (or {@value #NON_SEASONAL_WINDOW} points without a
     * season), shortened so that the shortest series still yields as many training windows as its
     * window is long.
     */
    public static int window(int seasonalPeriod, int shortestSeries, int horizon) {
        int preferred = seasonalPeriod > 1 ? Math.max(2 * seasonalPeriod, 8) : NON_SEASONAL_WINDOW;
        int affordable = Math.max(1, (shortestSeries - horizon) / 2);
        return Math.min(preferred, affordable);
    }

    /**
     * Networks a forecaster trains and averages when the request does not say: {@link #MEMBERS} where a
     * forward pass over every window costs at most {@link #ENSEMBLE_MAX_WORK}, else one.
     */
    public static int members(long forwardWork) {
        return forwardWork <= ENSEMBLE_MAX_WORK ? MEMBERS : 1;
    }

    /** A model spec with every default but the horizon, which only the caller knows. */
    public static ModelSpec spec(SequenceData data, int horizon) {
        int shortest = data.sequences().stream().mapToInt(Sequence::length).min().orElse(0);
        return new ModelSpec(CellType.valueOf(CELL), HIDDEN_SIZE, LAYERS, DROPOUT,
                window(data.seasonalPeriod(), shortest, horizon), horizon);
    }
}
