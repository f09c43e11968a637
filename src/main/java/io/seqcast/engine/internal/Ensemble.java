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
 * Networks of one spec trained on the same windows from different seeds; their forecast is the mean of the
 * members' outputs, which forecast better than their median (bench/README.md). One member is a plain network.
 */
final class Ensemble {

    private final List<RecurrentNetwork> members;

    Ensemble(List<RecurrentNetwork> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs a member");
        }
        this.members = List.copyOf(members);
    }

    /** Members read one after the other from {@code in}, as {@link #save} wrote them. */
    static Ensemble load(ModelSpec spec, int features, NDManager manager, DataInputStream in, int count)
            throws IOException {
        List<RecurrentNetwork> members = new ArrayList<>(count);
        for (int m = 0; m < count; m++) {
            members.add(RecurrentNetwork.load(spec, features, manager, in));
        }
        if (in.read() != -1) {
            throw new IOException("the parameters hold more networks than the manifest's " + count);
        }
        return new Ensemble(members);
    }

    List<RecurrentNetwork> members() {
        return members;
    }

    int size() {
        return members.size();
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
