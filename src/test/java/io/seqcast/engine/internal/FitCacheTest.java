package io.seqcast.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FitCacheTest {

    private static double[] history(int length, double offset) {
        double[] y = new double[length];
        for (int t = 0; t < length; t++) {
            y[t] = offset + 10 * Math.sin(2 * Math.PI * t / 12) + 0.1 * t;
        }
        return y;
    }

    @Test
    void theSameHistoryIsFittedOnceAndForecastAsAFreshFitWould() {
        FitCache cache = new FitCache();
        double[] y = history(96, 50);
        Baselines.Fit first = cache.fit(y, 12);
        assertThat(cache.fit(y.clone(), 12)).isSameAs(first);
        assertThat(cache.fit(y, 4)).isNotSameAs(first);
        double[] other = y.clone();
        other[95] += 1e-9;
        assertThat(cache.fit(other, 12)).isNotSameAs(first);
        assertThat(first.forecast(Baselines.Method.ETS, 12))
                .containsExactly(Baselines.fit(y, 12).forecast(Baselines.Method.ETS, 12));
    }

    @Test
    void theCacheHoldsNoMoreThanItsPointsAndEvictsTheLeastRecentlyUsed() {
        FitCache cache = new FitCache();
        int length = 1000;
        double[] kept = history(length, 0);
        Baselines.Fit keptFit = cache.fit(kept, 1);
        Baselines.Fit firstOther = null;
        int fits = FitCache.MAX_POINTS / (length + FitCache.ENTRY_POINTS);
        for (int i = 1; i <= fits; i++) {
            Baselines.Fit fit = cache.fit(history(length, i), 1);
            firstOther = i == 1 ? fit : firstOther;
            cache.fit(kept, 1); // used again: never the least recently used
        }
        assertThat(cache.size()).isEqualTo(fits);
        assertThat(cache.fit(kept, 1)).isSameAs(keptFit);
        assertThat(cache.fit(history(length, 1), 1)).isNotSameAs(firstOther);
    }

    @Test
    void manyTinyHistoriesAreBoundedByWhatEachEntryCosts() {
        FitCache cache = new FitCache();
        for (int i = 0; i < 20_000; i++) {
            cache.fit(new double[] {i}, 1);
        }
        assertThat(cache.size()).isEqualTo(FitCache.MAX_POINTS / (1 + FitCache.ENTRY_POINTS));
    }
}
