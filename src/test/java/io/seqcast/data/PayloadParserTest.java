package io.seqcast.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqcast.engine.InvalidInputException;
import io.seqcast.engine.SequenceKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PayloadParserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final PayloadParser parser = new PayloadParser(new DataLimits(3, 50, 4, org.springframework.util.unit.DataSize.ofMegabytes(1)));

    private DataPayload payload(String json) {
        return JSON.readValue(json, DataPayload.class);
    }

    @Test
    void univariateSeriesWithStartAndFrequencyGetAMonthlySeason() {
        ParsedData parsed = parser.parse(payload("""
                {"series": [{"id": "a", "values": [1, 2.5, 3], "start": "2024-01-31T00:00:00Z", "frequency": "P1M"}]}
                """), "/data");
        assertThat(parsed.data().features()).containsExactly("value");
        assertThat(parsed.data().seasonalPeriod()).isEqualTo(12);
        assertThat(parsed.timing().get(0).after(3, 2)).containsExactly(
                Instant.parse("2024-04-30T00:00:00Z"), Instant.parse("2024-05-31T00:00:00Z"));
    }

    @Test
    void missingValuesAreFilledLinearlyOrFromTheSeasonAndCounted() {
        ParsedData linear = parser.parse(payload("""
                {"series": [{"values": [null, 2, null, null, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, null]}]}"""),
                "/data");
        float[][] values = linear.data().sequences().get(0).values();
        assertThat(new float[] {values[0][0], values[2][0], values[3][0], values[19][0]}).containsExactly(2, 3, 4, 19);
        assertThat(linear.filled()).isEqualTo(4);
        ParsedData seasonal = parser.parse(payload("""
                {"seasonality": 3, "series": [{"values": [1, 5, 9, 2, 6, 10, 3, null, 11, 4, 8, 12]}]}"""), "/data");
        // A season earlier (6) plus the change over a season around it (1).
        assertThat(seasonal.data().sequences().get(0).values()[7]).containsExactly(7f);
        ParsedData multivariate = parser.parse(payload("""
                {"features": ["x", "y"], "series": [{"values": [[1, 2], [null, 4], [3, 6], [4, 8], [5, null]]}]}"""),
                "/data");
        assertThat(multivariate.data().sequences().get(0).values()[1]).containsExactly(2f, 4f);
        assertThat(multivariate.filled()).isEqualTo(2);
    }

    @Test
    void aSeriesWithTooManyGapsIsRefusedAndOneWithNoneIsLeftAlone() {
        assertRefused("""
                {"series": [{"id": "sparse", "values": [1, null, null, null, 5, 6, 7, 8, 9, 10]}]}""", "/data/series/0/values");
        assertThatThrownBy(() -> parser.parse(payload("""
                {"series": [{"id": "sparse", "values": [1, null, null, null, 5, 6, 7, 8, 9, 10]}]}"""), "/data"))
                .hasMessageContaining("series sparse: 3 of 10 values are missing; at most 20 %")
                .hasMessageNotContaining("feature");
        assertThat(parser.parse(payload("""
                {"series": [{"values": [1, 2, 3]}]}"""), "/data").filled()).isZero();
    }

    @Test
    void theGoldPricesRealGapsAreFilledFromCsv() throws Exception {
        String csv = java.nio.file.Files.readString(java.nio.file.Path.of("bench/data/gold.csv"));
        PayloadParser large = new PayloadParser(new DataLimits(3, 5000, 4, org.springframework.util.unit.DataSize.ofMegabytes(1)));
        ParsedData gold = large.parse(CsvPayloads.parse(csv, null, null), "/data");
        assertThat(gold.filled()).isEqualTo(34);
        for (float[] row : gold.data().sequences().get(0).values()) {
            assertThat(row[0]).isFinite().isPositive();
        }
    }

    @Test
    void geographicTrajectoriesAreFlaggedAndTheirCoordinatesChecked() {
        ParsedData parsed = parser.parse(payload("""
                {"geographic": true, "trajectories": [{"points": [{"x": -79, "y": 27.5}, {"x": -79.2, "y": 28.5}]}]}"""),
                "/data");
        assertThat(parsed.data().geographic()).isTrue();
        assertRefused("""
                {"geographic": true, "trajectories": [{"points": [{"x": -79, "y": 27.5}, {"x": -79, "y": 95}]}]}""",
                "/data/trajectories/0/points/1");
        assertRefused("""
                {"geographic": true, "series": [{"values": [1, 2, 3]}]}""", "/data/geographic");
        assertThat(parser.parse(payload("""
                {"trajectories": [{"points": [{"x": 500, "y": 500}, {"x": 501, "y": 502}]}]}"""), "/data").data()
                .geographic()).isFalse();
    }

    @Test
    void multivariateSeriesNeedOneNumberPerFeature() {
        ParsedData parsed = parser.parse(payload("""
                {"features": ["x", "y"], "series": [{"values": [[1, 2], [3, 4]]}]}"""), "/data");
        assertThat(parsed.data().sequences().get(0).values()[1]).containsExactly(3f, 4f);
        assertThat(parsed.data().sequences().get(0).id()).isEqualTo("0");
        assertRefused("""
                {"features": ["x", "y"], "series": [{"values": [[1, 2], [3]]}]}""", "/data/series/0/values/1");
    }

    @Test
    void trajectoriesKeepTheirCoordinatesAndRefuseRaggedPoints() {
        ParsedData parsed = parser.parse(payload("""
                {"trajectories": [{"id": "t", "points": [{"x": 1, "y": 2, "z": 3, "t": 0}, {"x": 2, "y": 2, "z": 3, "t": 1}]}]}
                """), "/data");
        assertThat(parsed.data().kind()).isEqualTo(SequenceKind.TRAJECTORY);
        assertThat(parsed.data().features()).containsExactly("x", "y", "z", "t");
        assertRefused("""
                {"trajectories": [{"points": [{"x": 1, "y": 2, "z": 3}, {"x": 2, "y": 2}]}]}""",
                "/data/trajectories/0/points/1");
        assertRefused("""
                {"trajectories": [{"points": [{"x": 1}]}]}""", "/data/trajectories/0/points/0/y");
    }

    @Test
    void nonNumbersOverflowsAndStringsAreRefusedWithTheirIndex() {
        assertRefused("""
                {"series": [{"values": [1, "NaN"]}]}""", "/data/series/0/values/1");
        assertRefused("""
                {"series": [{"values": [1, 1e309]}]}""", "/data/series/0/values/1");
        assertRefused("""
                {"series": [{"values": [1, 1e39]}]}""", "/data/series/0/values/1");
        assertRefused("""
                {"series": [{"values": [[1], [2]]}]}""", "/data/series/0/values/0");
    }

    @Test
    void shapesAndLimitsAreChecked() {
        assertRefused("{}", "/data/series");
        assertRefused("""
                {"series": [{"values": [1]}], "trajectories": [{"points": [{"x": 1, "y": 1}]}]}""", "/data/trajectories");
        assertRefused("""
                {"series": [{"values": [1]}, {"values": [1]}, {"values": [1]}, {"values": [1]}]}""", "/data/series");
        assertRefused("""
                {"series": [{"values": [%s]}]}""".formatted("1,".repeat(50) + "1"), "/data/series/0/values");
        assertRefused("""
                {"series": [{"id": "a", "values": [1]}, {"id": "a", "values": [1]}]}""", "/data/series/1/id");
        assertRefused("""
                {"series": [{"values": [1], "start": "yesterday", "frequency": "P1D"}]}""", "/data/series/0/start");
        assertRefused("""
                {"series": [{"values": [1], "start": "2024-01-01T00:00:00Z", "frequency": "-P1D"}]}""",
                "/data/series/0/frequency");
    }

    private void assertRefused(String json, String pointer) {
        assertThatThrownBy(() -> parser.parse(payload(json), "/data"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(pointer));
    }

    @Test
    void noPayloadIsRefused() {
        assertThatThrownBy(() -> parser.parse(null, "")).isInstanceOf(InvalidInputException.class);
    }
}
