package io.seqcast.engine.internal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The baselines fitted to histories a model has forecast before, by the SHA-256 of the history's values
 * and the season: refitting exponential smoothing is most of a forecast's cost, and clients ask about the
 * same history again (a dashboard refreshing, a retry). Bounded by the points held, the least recently
 * used evicted; owned by a loaded model.
 */
final class FitCache {

    /**
     * History points kept in all, each fit charged its history's length and {@link #ENTRY_POINTS} more: a
     * fit holds its history and a seasonally adjusted copy (16 bytes per point; a transformed one, charged
     * three times its length, also the untransformed values and the fit a step may fall back on), and an entry's key, fit
     * and smoothing state take at most about as much as 360 points (up to 15 smoothing forms of some 350
     * bytes each, with their seasonal states). At most about 9 MB per loaded model.
     */
    static final int MAX_POINTS = 500_000;
    static final int ENTRY_POINTS = 360;

    private final LinkedHashMap<ByteBuffer, Baselines.Fit> fits = new LinkedHashMap<>(64, 0.75f, true);
    private long points;

    /** The fit of {@code history}, from the cache or made (outside the lock) and kept. */
    Baselines.Fit fit(double[] history, int period) {
        return fit(history, period, false);
    }

    /** As {@link #fit(double[], int)}, on the history's Box-Cox transform with {@code boxCox} ({@link Baselines#fit(double[], int, boolean)}). */
    Baselines.Fit fit(double[] history, int period, boolean boxCox) {
        ByteBuffer key = key(history, period, boxCox);
        synchronized (fits) {
            Baselines.Fit known = fits.get(key);
            if (known != null) {
                return known;
            }
        }
        Baselines.Fit fit = Baselines.fit(history, period, boxCox);
        synchronized (fits) {
            if (fits.putIfAbsent(key, fit) == null) {
                points += fit.length() + ENTRY_POINTS;
                Iterator<Map.Entry<ByteBuffer, Baselines.Fit>> eldest = fits.entrySet().iterator();
                while (points > MAX_POINTS && eldest.hasNext()) {
                    points -= eldest.next().getValue().length() + ENTRY_POINTS;
                    eldest.remove();
                }
            }
        }
        return fit;
    }

    int size() {
        synchronized (fits) {
            return fits.size();
        }
    }

    /** The SHA-256 of the transform, season and values (a ByteBuffer compares and hashes by content). */
    private static ByteBuffer key(double[] history, int period, boolean boxCox) {
        ByteBuffer buffer = ByteBuffer.allocate(history.length * Double.BYTES + Integer.BYTES + 1);
        buffer.put((byte) (boxCox ? 1 : 0));
        buffer.putInt(period);
        for (double value : history) {
            buffer.putDouble(value);
        }
        MessageDigest digest = ManifestFiles.sha256();
        return ByteBuffer.wrap(digest.digest(buffer.array()));
    }
}
