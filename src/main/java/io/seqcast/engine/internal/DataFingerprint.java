package io.seqcast.engine.internal;

import io.seqcast.engine.ClassificationData;
import io.seqcast.engine.LabelledSequence;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/** SHA-256 of a dataset's kind, features, ids and values, so a model can be traced to its data. */
final class DataFingerprint {

    private DataFingerprint() {}

    static String of(SequenceData data) {
        MessageDigest digest = ManifestFiles.sha256();
        update(digest, data.kind().name());
        update(digest, String.join(",", data.features()));
        for (Sequence sequence : data.sequences()) {
            update(digest, String.valueOf(sequence.id()));
            update(digest, sequence.values(), data.featureCount());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The same for labelled sequences: the task, features, and per sequence its text or values and label. */
    static String of(ClassificationData data) {
        MessageDigest digest = ManifestFiles.sha256();
        update(digest, "CLASSIFICATION");
        update(digest, String.join(",", data.features()));
        for (LabelledSequence sequence : data.sequences()) {
            update(digest, String.valueOf(sequence.id()));
            update(digest, String.valueOf(sequence.label()));
            if (sequence.text() != null) {
                update(digest, sequence.text());
            } else {
                update(digest, sequence.values(), data.features().size());
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The values' count and each value, as 32-bit floats. */
    private static void update(MessageDigest digest, float[][] values, int features) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * features * Float.BYTES + Integer.BYTES);
        buffer.putInt(values.length);
        for (float[] row : values) {
            for (float value : row) {
                buffer.putFloat(value);
            }
        }
        digest.update(buffer.array());
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }
}
