package io.seqcast.engine.internal;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import io.seqcast.engine.ModelSpec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Networks of one spec trained on the same windows from different seeds, each reading its own stretch of a
 * window's end ({@link #lookback}); their forecast is the mean of the members' outputs, which forecast
 * better than their median (bench/README.md). One member is a plain network.
 */
final class Ensemble {

    /**
     * The share of the window each member reads, member by member (then again from the first): members that
     * look back over different spans err differently, as N-BEATS's ensembles over lookbacks do, and their mean
     * forecast held-out series better than members reading the same window (bench/README.md).
     */
    private static final double[] LOOKBACK_SHARES = {1.0, 2.0 / 3, 1.0 / 3};
    /** Steps a member reads, at the least: one step carries no motion. */
    private static final int MIN_LOOKBACK = 2;

    private final List<RecurrentNetwork> members;

    Ensemble(List<RecurrentNetwork> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs a member");
        }
        this.members = List.copyOf(members);
    }

    /** The steps of a {@code window} that the ensemble's {@code member}-th network (from 0) reads: its last ones. */
    static int lookback(int window, int member) {
        double share = LOOKBACK_SHARES[member % LOOKBACK_SHARES.length];
        return Math.min(window, Math.max(MIN_LOOKBACK, (int) Math.round(window * share)));
    }

    /**
     * Members read one after the other from {@code in}, as {@link #save} wrote them, each reading the steps
     * {@code lookbacks} gives in its place.
     */
    static Ensemble load(ModelSpec spec, int features, NDManager manager, DataInputStream in, List<Integer> lookbacks)
            throws IOException {
        List<RecurrentNetwork> members = new ArrayList<>(lookbacks.size());
        for (int lookback : lookbacks) {
            members.add(RecurrentNetwork.load(spec, features, lookback, manager, in));
        }
        if (in.read() != -1) {
            throw new IOException("the parameters hold more networks than the manifest's " + lookbacks.size());
        }
        return new Ensemble(members);
    }

    List<RecurrentNetwork> members() {
        return members;
    }

    int size() {
        return members.size();
    }

    /** The steps each member reads, in the members' order. */
    List<Integer> lookbacks() {
        return members.stream().map(RecurrentNetwork::lookback).toList();
    }

    void save(DataOutputStream out) throws IOException {
        for (RecurrentNetwork member : members) {
            member.save(out);
        }
    }

    List<Parameter> parameters() {
        List<Parameter> parameters = new ArrayList<>();
        members.forEach(member -> parameters.addAll(member.parameters()));
        return parameters;
    }

    /**
     * The members' forecasts of {@code n} encoded windows, averaged output by output.
     *
     * @return {@code [n][horizon * features]} flattened
     */
    float[] predict(NDManager manager, float[] input, int n) {
        float[] mean = members.get(0).predict(manager, input, n);
        if (members.size() == 1) {
            return mean;
        }
        for (int m = 1; m < members.size(); m++) {
            float[] output = members.get(m).predict(manager, input, n);
            for (int i = 0; i < mean.length; i++) {
                mean[i] += output[i];
            }
        }
        float share = 1f / members.size();
        for (int i = 0; i < mean.length; i++) {
            mean[i] *= share;
        }
        return mean;
    }
}
