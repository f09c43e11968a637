package io.seqcast.data;

import io.seqcast.engine.SequenceData;
import java.util.List;

/**
 * Posted sequences turned into the engine's data, with what is needed to time-stamp forecasts.
 *
 * @param data the sequences
 * @param timing per sequence, its start and frequency when given, else null
 */
public record ParsedData(SequenceData data, List<Timing> timing) {

    public ParsedData {
        timing = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(timing));
    }

    public boolean trajectories() {
        return data.kind() == io.seqcast.engine.SequenceKind.TRAJECTORY;
    }
}
