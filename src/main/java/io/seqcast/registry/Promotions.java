package io.seqcast.registry;

import io.seqcast.engine.Comparison;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.ModelLoadException;
import io.seqcast.engine.NotComparableException;
import io.seqcast.engine.SequenceEngine;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Compares versions on the candidate's backtest origins, and moves an alias only when the candidate beats
 * the version another alias names. Versions never change and numbers are never reused, so a comparison is
 * kept once made; comparisons run one at a time (another asked meanwhile is refused with 503), each bounded
 * by the stored cases (at most 256 series of 10 origins).
 */
@Component
class Promotions {

    private static final int KEPT = 64;

    private final ModelRegistry registry;
    private final SequenceEngine engine;
    private final Map<Key, Comparison> comparisons = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Comparison> eldest) {
            return size() > KEPT;
        }
    });
    /** One comparison runs at a time; others are refused (503) rather than queued on request threads. */
    private final ReentrantLock comparing = new ReentrantLock();

    private record Key(String model, int candidate, int other) {}

    Promotions(ModelRegistry registry, SequenceEngine engine) {
        this.registry = registry;
        this.engine = engine;
    }

    /** Compares a version with the one {@code against} names: a version number or an alias. */
    VersionComparison compare(String name, int version, String against) {
        String alias = against.matches("[0-9]{1,9}") ? null : against;
        int other = alias == null ? Integer.parseInt(against) : aliasTarget(name, alias);
        return compare(name, version, other, alias);
    }

    /**
     * Points {@code alias} at {@code version}; with {@code requireBetterThan}, only if the version scores a
     * lower MASE than the version that alias names (or that alias is unset: there is nothing to beat).
     *
     * @throws RegistryException.NotBetter when it does not
     */
    void promote(String name, String alias, int version, String requireBetterThan) {
        if (requireBetterThan == null) {
            registry.setAlias(name, alias, version);
            return;
        }
        ModelName.require(requireBetterThan, "alias");
        Integer champion = registry.model(name).aliases().get(requireBetterThan);
        if (champion != null && champion != version) {
            VersionComparison comparison = compare(name, version, champion, requireBetterThan);
            if (!comparison.candidateBetter()) {
                throw new RegistryException.NotBetter(name, comparison);
            }
        }
        registry.setAlias(name, alias, version, requireBetterThan, champion);
    }

    /** The series a version's backtest scored, stored with it. */
    List<float[][]> storedSeries(String name, int version) {
        try {
            return engine.storedSeries(registry.directory(name, version));
        } catch (NotComparableException e) {
            throw new RegistryException.NoStoredSeries(name, version, e.getMessage());
        } catch (ModelLoadException e) {
            throw new RegistryException.VersionUnavailable(name, version, e.getMessage());
        }
    }

    private int aliasTarget(String name, String alias) {
        ModelName.require(alias, "alias");
        Integer target = registry.model(name).aliases().get(alias);
        if (target == null) {
            throw new RegistryException.VersionNotFound(name, "alias '" + alias + "'");
        }
        return target;
    }

    private VersionComparison compare(String name, int version, int other, String alias) {
        Comparison comparison = comparison(name, version, other);
        return new VersionComparison(name, comparison.horizon(), comparison.origins(), comparison.skipped(),
                new VersionComparison.Side(version, null, comparison.candidate().mase(), comparison.candidate().steps()),
                new VersionComparison.Side(other, alias, comparison.other().mase(), comparison.other().steps()),
                comparison.candidateBetter());
    }

    private Comparison comparison(String name, int version, int other) {
        Key key = new Key(name, version, other);
        Comparison kept = comparisons.get(key);
        if (kept != null) {
            return kept;
        }
        if (!comparing.tryLock()) {
            throw new RegistryException.ComparisonBusy();
        }
        try {
            kept = comparisons.get(key);
            return kept != null ? kept : compute(key);
        } finally {
            comparing.unlock();
        }
    }

    private Comparison compute(Key key) {
        String name = key.model();
        int version = key.candidate();
        int other = key.other();
        try (ForecastModel candidate = registry.load(name, version); ForecastModel champion = registry.load(name, other)) {
            Comparison comparison = engine.compare(registry.directory(name, version), candidate, champion);
            comparisons.put(key, comparison);
            return comparison;
        } catch (NotComparableException e) {
            throw new RegistryException.NotComparable(name, version, e.getMessage());
        } catch (ModelLoadException e) {
            throw new RegistryException.VersionUnavailable(name, version, e.getMessage());
        }
    }
}
