package io.seqcast.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.SequenceKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineFieldsTest {

    private static ParsedData of(SequenceKind kind, List<String> features) {
        float[][] values = new float[3][features.size()];
        return new ParsedData(new SequenceData(kind, features, List.of(new Sequence("s", values)), 1),
                java.util.Collections.singletonList(null), 0);
    }

    @Test
    void theEnginesNamesBecomePointersIntoTheRequestThatCarriedTheData() {
        ParsedData univariate = of(SequenceKind.SERIES, List.of("value"));
        assertThat(EngineFields.pointer("sequences[2].values[17][0]", "/data", univariate)).isEqualTo("/data/series/2/values/17");
        assertThat(EngineFields.pointer("sequences[2].values", "", univariate)).isEqualTo("/series/2/values");
        assertThat(EngineFields.pointer("features", "/data", univariate)).as("no features array: the series")
                .isEqualTo("/data/series");
        assertThat(EngineFields.pointer("features", "/data", of(SequenceKind.SERIES, List.of("a", "b"))))
                .isEqualTo("/data/features");
        assertThat(EngineFields.pointer("spec.horizon", "/data", univariate)).isEqualTo("/spec/horizon");
        assertThat(EngineFields.pointer("horizon", "", univariate)).isEqualTo("/horizon");
        assertThat(EngineFields.pointer("/data/series/0", "/data", univariate)).as("already a pointer").isEqualTo("/data/series/0");
        ParsedData multivariate = of(SequenceKind.SERIES, List.of("a", "b"));
        assertThat(EngineFields.pointer("sequences[0].values[4][1]", "/data", multivariate)).isEqualTo("/data/series/0/values/4/1");
        ParsedData tracks = of(SequenceKind.TRAJECTORY, List.of("x", "y", "z"));
        assertThat(EngineFields.pointer("sequences[1].values[3][2]", "", tracks)).isEqualTo("/trajectories/1/points/3/z");
        assertThat(EngineFields.pointer("sequences", "/data", tracks)).isEqualTo("/data/trajectories");
    }
}
