package io.seqcast.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import io.seqcast.engine.CellType;
import io.seqcast.engine.ModelSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EnsembleTest {

    private static final ModelSpec SPEC = new ModelSpec(CellType.GRU, 6, 1, 0.0, 5, 2);

    @Test
    void anEnsembleForecastsTheMeanOfItsMembersOutputs() {
        try (NDManager manager = NDManager.newBaseManager()) {
            List<RecurrentNetwork> members = List.of(network(manager, 1), network(manager, 2), network(manager, 3));
            float[] input = input(3);
            float[] mean = new Ensemble(members).predict(manager, input, 3);
            float[][] outputs = members.stream().map(m -> m.predict(manager, input, 3)).toArray(float[][]::new);
            assertThat(outputs[0]).isNotEqualTo(outputs[1]);
            for (int i = 0; i < mean.length; i++) {
                assertThat(mean[i]).isCloseTo((outputs[0][i] + outputs[1][i] + outputs[2][i]) / 3, within(1e-6f));
            }
        }
    }

    @Test
    void oneMemberForecastsAsThePlainNetwork() {
        try (NDManager manager = NDManager.newBaseManager()) {
            RecurrentNetwork network = network(manager, 7);
            assertThat(new Ensemble(List.of(network)).predict(manager, input(2), 2))
                    .isEqualTo(network.predict(manager, input(2), 2));
        }
    }

    @Test
    void aMemberReadsOnlyTheLastStepsOfItsLookback() {
        try (NDManager manager = NDManager.newBaseManager()) {
            RecurrentNetwork whole = network(manager, 4, SPEC.window());
            RecurrentNetwork lastTwo = network(manager, 4, 2);
            float[] input = input(1);
            float[] earlyChanged = input.clone();
            earlyChanged[0] += 1f; // the first step of five
            float[] lastChanged = input.clone();
            lastChanged[input.length - 1] += 1f;
            assertThat(lastTwo.predict(manager, earlyChanged, 1)).isEqualTo(lastTwo.predict(manager, input, 1));
            assertThat(lastTwo.predict(manager, lastChanged, 1)).isNotEqualTo(lastTwo.predict(manager, input, 1));
            assertThat(whole.predict(manager, earlyChanged, 1)).isNotEqualTo(whole.predict(manager, input, 1));
        }
    }

    @Test
    void membersShareTheWindowByLookbackInTurnAndReadTwoStepsAtLeast() {
        assertThat(List.of(Ensemble.lookback(24, 0), Ensemble.lookback(24, 1), Ensemble.lookback(24, 2),
                Ensemble.lookback(24, 3))).containsExactly(24, 16, 8, 24);
        assertThat(Ensemble.lookback(4, 2)).isEqualTo(2);
        assertThat(Ensemble.lookback(1, 2)).isEqualTo(1);
    }

    @Test
    void savedMembersLoadBackInOrderWithTheirLookbacksAndForecastTheSame() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Ensemble ensemble = new Ensemble(List.of(network(manager, 1), network(manager, 2, 3)));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ensemble.save(new DataOutputStream(bytes));
            Ensemble loaded = Ensemble.load(SPEC, 2, manager,
                    new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), List.of(5, 3));
            assertThat(loaded.size()).isEqualTo(2);
            // Each member in its place; a freshly loaded libtorch block may differ from the written one in the last bit.
            for (int m = 0; m < 2; m++) {
                float[] written = ensemble.members().get(m).predict(manager, input(4), 4);
                float[] read = loaded.members().get(m).predict(manager, input(4), 4);
                for (int i = 0; i < written.length; i++) {
                    assertThat(read[i]).isCloseTo(written[i], within(1e-5f));
                }
            }
        }
    }

    @Test
    void parametersHoldingAnotherNumberOfMembersThanTheManifestSaysRefuseToLoad() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new Ensemble(List.of(network(manager, 1), network(manager, 2))).save(new DataOutputStream(bytes));
            assertThatThrownBy(() -> Ensemble.load(SPEC, 2, manager,
                    new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), List.of(5)))
                    .isInstanceOf(IOException.class).hasMessageContaining("more networks");
            assertThatThrownBy(() -> Ensemble.load(SPEC, 2, manager,
                    new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), List.of(5, 5, 5)))
                    .isInstanceOf(IOException.class);
        }
    }


    private static RecurrentNetwork network(NDManager manager, long seed) {
        return network(manager, seed, SPEC.window());
    }

    /** A network with every parameter drawn at random, the head too (an initialized one outputs zeros). */
    private static RecurrentNetwork network(NDManager manager, long seed, int lookback) {
        SplittableRandom random = new SplittableRandom(seed);
        RecurrentNetwork network = RecurrentNetwork.initialize(SPEC, 2, lookback, manager, random);
        for (Parameter parameter : network.parameters()) {
            float[] values = new float[Math.toIntExact(parameter.getArray().size())];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextGaussian() * 0.5f;
            }
            parameter.getArray().set(FloatBuffer.wrap(values));
        }
        return network;
    }

    private static float[] input(int windows) {
        float[] input = new float[windows * SPEC.window() * 2];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) Math.sin(i * 0.3);
        }
        return input;
    }
}
