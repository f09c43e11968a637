package io.seqcast.data;

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
 */
public record ParsedData(SequenceData data, List<Timing> timing, int filled) {

    public ParsedData {
        // Entries may be null (no timing), which List.copyOf refuses.
        timing = Collections.unmodifiableList(new ArrayList<>(timing));
    }

    public boolean trajectories() {
        return data.kind() == SequenceKind.TRAJECTORY;
    }
}
