package io.seqcast.engine;

import java.nio.file.Path;

/** A trained model the registry keeps: it describes itself, saves itself and frees its native memory. */
public interface SavedModel extends AutoCloseable {

    ModelManifest manifest();

    /**
     * Writes the parameters and the manifest (with the SHA-256 of every file) into {@code directory},
     * which must exist and be empty.
     */
    void save(Path directory);

    /** Native memory its parameters hold, for caches that bound what they keep loaded. */
    long parameterBytes();

    @Override
    void close();
}
