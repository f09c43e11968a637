package io.seqcast.forecasting;

import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a forecast's input as the model read it, independent of how the JSON was written
 * (spacing, number spelling, key order): features, horizon, and per series its id and values as floats.
 */
final class InputDigest {

    private InputDigest() {}

    static String of(SequenceData data, int horizon) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        for (String feature : data.features()) {
            text(digest, feature);
        }
        digest.update(ByteBuffer.allocate(8).putInt(data.features().size()).putInt(horizon).array());
        ByteBuffer values = ByteBuffer.allocate(4096);
        for (Sequence sequence : data.sequences()) {
            text(digest, sequence.id());
            values.clear();
            values.putInt(sequence.values().length);
            for (float[] step : sequence.values()) {
                for (float value : step) {
                    if (values.remaining() < Float.BYTES) {
                        digest.update(values.flip());
                        values.clear();
                    }
                    values.putFloat(value);
                }
            }
            digest.update(values.flip());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Length-prefixed, so that ("ab", "c") and ("a", "bc") differ. */
    private static void text(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }
}
