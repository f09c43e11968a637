package io.seqcast.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqcast.engine.InvalidInputException;
import io.seqcast.engine.SequenceKind;
import org.junit.jupiter.api.Test;

class CsvPayloadsTest {

    private final PayloadParser parser = new PayloadParser(new DataLimits(100, 1000, 8, org.springframework.util.unit.DataSize.ofMegabytes(1)));

    @Test
    void aSeriesColumnSplitsRowsIntoSeriesAndTimeGivesStartAndFrequency() {
        DataPayload payload = CsvPayloads.parse("""
                series,time,value
                a,2024-01-01T00:00:00Z,1
                a,2024-01-01T01:00:00Z,2
                b,2024-01-01T00:00:00Z,5
                b,2024-01-01T01:00:00Z,6
                b,2024-01-01T02:00:00Z,7
                """, null, null);
        ParsedData parsed = parser.parse(payload, "");
        assertThat(parsed.data().sequences()).extracting(s -> s.id()).containsExactly("a", "b");
        assertThat(parsed.data().sequences().get(1).values()).hasDimensions(3, 1);
        assertThat(parsed.timing().get(0).frequency()).isEqualTo("PT1H");
        assertThat(parsed.data().seasonalPeriod()).isEqualTo(24);
    }

    @Test
    void severalFeatureColumnsMakeAMultivariateSeriesAndXyzMakeATrajectory() {
        ParsedData multivariate = parser.parse(CsvPayloads.parse("\"price\",\"volume\"\n1,10\n2,20\n", null, null), "");
        assertThat(multivariate.data().features()).containsExactly("price", "volume");
        ParsedData track = parser.parse(CsvPayloads.parse("x,y,z\n1,2,3\n2,2,3\n", null, null), "");
        assertThat(track.data().kind()).isEqualTo(SequenceKind.TRAJECTORY);
        assertThat(track.data().features()).containsExactly("x", "y", "z");
    }

    @Test
    void aTimeColumnOfDecimalYearsOnlyLabelsTheRows() {
        ParsedData parsed = parser.parse(CsvPayloads.parse("\"time\",\"value\"\n1871,1120\n1872,1160\n", null, 1), "");
        assertThat(parsed.data().sequences().get(0).values()).hasDimensions(2, 1);
        assertThat(parsed.timing().get(0)).isNull();
    }

    @Test
    void nonNumbersAndRaggedRowsAreRefused() {
        assertThatThrownBy(() -> CsvPayloads.parse("value\n1\nabc\n", null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'abc', not a number");
        assertThatThrownBy(() -> CsvPayloads.parse("a,b\n1,2\n3\n", null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("/csv/2"));
        assertThatThrownBy(() -> parser.parse(CsvPayloads.parse("value\n1\nNaN\n", null, null), ""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("finite");
    }
}
