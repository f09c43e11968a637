package io.seqcast.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The one durable write: a temp file unique to this write, flushed, renamed over the target
 * atomically, and the folder's entry flushed, so a reader sees the old file or the new one, and a power
 * cut after the return keeps the new one.
 */
public final class DurableFiles {

    private DurableFiles() {}

    /**
     * @param temporaries where the temp file is made: on the target's file system, and a folder whose
     *     leftovers (after a crash) are cleaned or ignored
     */
    public static void write(Path target, Path temporaries, byte[] bytes) throws IOException {
        Path temporary = Files.createTempFile(temporaries, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IllegalStateException("the data folder must support atomic renames", e);
        } finally {
            Files.deleteIfExists(temporary);
        }
        forceDirectory(target.toAbsolutePath().getParent());
    }

    /** Flushes a folder's entries, so that a rename or a new file survives a power cut; a no-op where unsupported. */
    public static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException unsupported) {
            // Some file systems refuse to open a directory for flushing; the rename itself still stands.
        }
    }
}
