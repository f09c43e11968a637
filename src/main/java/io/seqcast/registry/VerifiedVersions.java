package io.seqcast.registry;

import io.seqcast.engine.ModelLoadException;
import io.seqcast.engine.ModelManifest;
import io.seqcast.engine.SequenceEngine;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether each version folder is intact, remembered by the size and time of its files: versions are
 * immutable, so a forecast does not re-hash the parameters on every request, while a file altered on
 * disk changes its stamp and is checked again.
 */
final class VerifiedVersions {

    /** A version's manifest when intact, else why not ({@code problem}). */
    record Verified(String stamp, ModelManifest manifest, String problem) {}

    private final SequenceEngine engine;
    private final Map<Path, Verified> verified = new ConcurrentHashMap<>();

    VerifiedVersions(SequenceEngine engine) {
        this.engine = engine;
    }

    Verified check(Path directory) {
        String stamp = stamp(directory);
        Verified known = verified.get(directory);
        if (known != null && known.stamp().equals(stamp)) {
            return known;
        }
        Verified fresh;
        try {
            fresh = new Verified(stamp, engine.readManifest(directory), null);
        } catch (ModelLoadException e) {
            fresh = new Verified(stamp, null, e.getMessage());
        }
        verified.put(directory, fresh);
        return fresh;
    }

    void forget(Path directory) {
        verified.remove(directory);
    }

    private static String stamp(Path directory) {
        StringBuilder stamp = new StringBuilder();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                stamp.append(file.getFileName()).append(':').append(Files.size(file)).append(':')
                        .append(Files.getLastModifiedTime(file).toMillis()).append(';');
            }
        } catch (IOException e) {
            return "unreadable";
        }
        return stamp.toString();
    }
}
