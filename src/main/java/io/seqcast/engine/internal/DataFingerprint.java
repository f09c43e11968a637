package io.seqcast.engine.internal;

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
            ByteBuffer buffer = ByteBuffer.allocate(sequence.length() * data.featureCount() * Float.BYTES + Integer.BYTES);
            buffer.putInt(sequence.length());
            for (float[] row : sequence.values()) {
                for (float value : row) {
                    buffer.putFloat(value);
                }
            }
            digest.update(buffer.array());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }
}
