package io.seqcast.data;

import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.SequenceKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Posted sequences turned into the engine's data, with what is needed to time-stamp forecasts.
 *
 * @param data the sequences
 * @param timing per sequence, its start and frequency when given, else null
 * @param filled missing values that were filled (null in a request, an empty cell in CSV)
 * @param unfilled per sequence, its values before its gaps were filled where they were filled without a
 *     season and one may still be found (null for a sequence without gaps); else null
 */
public record ParsedData(SequenceData data, List<Timing> timing, int filled, List<float[][]> unfilled) {

    public ParsedData {
        // Entries may be null (no timing), which List.copyOf refuses.
        timing = Collections.unmodifiableList(new ArrayList<>(timing));
    }

    public ParsedData(SequenceData data, List<Timing> timing, int filled) {
        this(data, timing, filled, null);
    }

    /**
     * The data with the season {@code season}, its gaps filled again from a season earlier where they were
     * filled without one: as a forecast's history is filled by the model's season.
     */
    public ParsedData withSeason(int season) {
        List<Sequence> sequences = data.sequences();
        if (unfilled != null && season > 1) {
            sequences = new ArrayList<>(sequences.size());
            for (int i = 0; i < unfilled.size(); i++) {
                Sequence sequence = data.sequences().get(i);
                if (unfilled.get(i) == null) {
                    sequences.add(sequence);
                    continue;
                }
                float[][] values = Gaps.copy(unfilled.get(i));
                Gaps.fill(values, season, "/data/series/" + i + "/values", sequence.id());
                sequences.add(new Sequence(sequence.id(), values));
            }
        }
        return new ParsedData(new SequenceData(data.kind(), data.features(), sequences, season, data.geographic()),
                timing, filled, null);
    }

    public boolean trajectories() {
        return data.kind() == SequenceKind.TRAJECTORY;
    }
}
