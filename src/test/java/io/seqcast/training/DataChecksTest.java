package io.seqcast.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqcast.data.DataLimits;
import io.seqcast.data.DataPayload;
import io.seqcast.data.PayloadParser;
import io.seqcast.data.SeriesPayload;
import io.seqcast.data.SeriesValues;
import io.seqcast.engine.DeviceChoice;
import io.seqcast.engine.internal.DjlSequenceEngine;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class DataChecksTest {

    private static final DjlSequenceEngine ENGINE = new DjlSequenceEngine(DeviceChoice.CPU, 1, 64);
    private static final DataChecks CHECKS = new DataChecks(
            new PayloadParser(new DataLimits(100, 100_000, 8, DataSize.ofMegabytes(16))), ENGINE,
            new TrainingProperties(Path.of("unused"), 4, 1, 10_000, 30, 512, 4, 2048, 9, null));

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    @Test
    void aRequestThatWouldTrainGetsItsFindingsSeasonWindowsAndMemory() {
        double[] values = seasonal(144);
        values[20] = Double.NaN;
        values[21] = Double.NaN;
        values[90] += 400; // one outlying point, 20 noise standard deviations
        for (int t = 100; t < 110; t++) {
            values[t] = values[99]; // a stuck sensor
        }
        DataCheck check = CHECKS.check(request(values, null));
        assertThat(check.accepted()).as(check.reason()).isTrue();
        assertThat(check.season()).isEqualTo(12);
        assertThat(check.seasonSource()).isEqualTo("detected");
        assertThat(check.horizon()).isEqualTo(12);
        assertThat(check.windows()).isEqualTo(144 - check.window() - 12 + 1);
        // 144 monthly points are small data: the default ensemble of three networks.
        assertThat(check.members()).isEqualTo(3);
        assertThat(check.estimatedBytes()).isPositive().isLessThan(check.memoryBudget());
        assertThat(check.estimatedSeconds()).isPositive().isFinite();
        DataCheck.SeriesCheck series = check.series().get(0);
        assertThat(series.length()).isEqualTo(144);
        assertThat(series.missing()).isEqualTo(2);
        assertThat(series.longestConstantRun()).as("point 99 and the ten that repeat it").isEqualTo(11);
        assertThat(series.outliers()).isBetween(1, 4);
    }

    @Test
    void aRequestThatWouldBeRefusedSaysWhyAndWhere() {
        DataCheck tooBig = CHECKS.check(request(seasonal(40), 1000));
        assertThat(tooBig.accepted()).isFalse();
        assertThat(tooBig.pointer()).isEqualTo("/spec/hiddenSize");
        assertThat(tooBig.reason()).contains("max-hidden-size");
        assertThat(tooBig.series()).hasSize(1);

        double[] values = seasonal(40);
        values[5] = Double.POSITIVE_INFINITY;
        DataCheck notANumber = CHECKS.check(request(values, null));
        assertThat(notANumber.accepted()).isFalse();
        assertThat(notANumber.pointer()).isEqualTo("/data/series/0/values/5");
    }

    @Test
    void aCsvSubmissionIsCheckedAndItsRefusalsNameAQueryParameterOrTheFile() {
        DataCheckController controller = new DataCheckController(CHECKS);
        StringBuilder csv = new StringBuilder("time,value\n");
        double[] values = seasonal(60);
        for (int t = 0; t < values.length; t++) {
            csv.append(String.format(java.util.Locale.ROOT, "%d-%02d-01T00:00:00Z,%s%n", 2000 + t / 12, 1 + t % 12,
                    t == 7 ? "" : String.valueOf(values[t])));
        }
        DataCheck accepted = controller.checkCsv(csv.toString(), "m", null, null, null, null, null);
        assertThat(accepted.accepted()).as(accepted.reason()).isTrue();
        assertThat(accepted.series().get(0).frequency()).isEqualTo("P1M");
        assertThat(accepted.series().get(0).missing()).isEqualTo(1);
        assertThat(accepted.seasonSource()).isEqualTo("frequency");
        assertThat(accepted.season()).isEqualTo(12);

        StringBuilder yearly = new StringBuilder("time,value\n");
        for (int t = 0; t < values.length; t++) {
            yearly.append(String.format(java.util.Locale.ROOT, "%d-01-01T00:00:00Z,%s%n", 1950 + t, values[t]));
        }
        DataCheck annual = controller.checkCsv(yearly.toString(), "m", null, null, null, null, null);
        assertThat(annual.series().get(0).frequency()).isEqualTo("P1Y");
        assertThat(annual.seasonSource()).as("P1Y implies no season, so it is detected").isEqualTo("detected");

        DataCheck tooBig = controller.checkCsv(csv.toString(), "m", null, null,
                new SpecPayload(null, 1000, null, null, null, null), null, null);
        assertThat(tooBig.accepted()).isFalse();
        assertThat(tooBig.pointer()).isEqualTo("hiddenSize");

        DataCheck notANumber = controller.checkCsv("value\n1\nabc\n", "m", null, null, null, null, null);
        assertThat(notANumber.accepted()).isFalse();
        assertThat(notANumber.pointer()).isEqualTo("/csv");
        assertThat(notANumber.reason()).contains("'abc', not a number");
    }

    private static TrainingRequest request(double[] values, Integer hiddenSize) {
        return new TrainingRequest("m", new DataPayload(null, List.of(new SeriesPayload("s", SeriesValues.of(values),
                null, null)), null, null), hiddenSize == null ? null : new SpecPayload(null, hiddenSize, null, null,
                null, null), null);
    }

    private static double[] seasonal(int length) {
        double[] values = new double[length];
        java.util.Random random = new java.util.Random(2);
        for (int t = 0; t < length; t++) {
            values[t] = 100 + 20 * Math.sin(2 * Math.PI * t / 12) + random.nextGaussian();
        }
        return values;
    }
}
