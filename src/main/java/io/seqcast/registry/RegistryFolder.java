package io.seqcast.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's folder as several processes share it: the lock that serializes numbering, aliases and
 * deletion (a file lock on {@code <root>/.lock}, behind one lock per folder and JVM), and the staging
 * folder where publications are prepared, each holding a file lock on its own {@code .lock} file while
 * it works so that a starting replica removes only leftovers whose owner is gone.
 */
final class RegistryFolder {

    private static final Logger log = LoggerFactory.getLogger(RegistryFolder.class);
    static final String STAGING = ".staging";
    private static final String LOCK = ".lock";
    /**
     * One lock per registry folder and JVM: a JVM may not hold two file locks on the same file, so
     * registries on one folder within a process (tests, embedded use) queue here before the file lock.
     */
    private static final Map<Path, ReentrantLock> PROCESS_LOCKS = new ConcurrentHashMap<>();
    /** Staging lock files this JVM holds. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path root;
    private final ReentrantLock processLock;

    RegistryFolder(Path root) {
        this.root = root;
        this.processLock = PROCESS_LOCKS.computeIfAbsent(root, r -> new ReentrantLock());
        try {
            Files.createDirectories(root.resolve(STAGING));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the registry folder " + root, e);
        }
    }

    Path root() {
        return root;
    }

    Path staging() {
        return root.resolve(STAGING);
    }

    /**
     * What crashed publications, deletions and alias writes left in staging. Under the registry lock
     * only a publication still in progress (its owner holding the lock on its {@code .lock} file) can
     * have files there; everything else is stale.
     */
    void removeStagingLeftovers() {
        Path staging = staging();
        try (Stream<Path> entries = Files.list(staging)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                Path lockFile = name.endsWith(".lock") ? entry : staging.resolve(name + ".lock");
                if (Files.exists(lockFile) && ownerAlive(lockFile)) {
                    continue;
                }
                log.warn("Removing leftover of an interrupted publication: {}", name);
                deleteRecursively(entry);
                if (!name.endsWith(".lock")) {
                    deleteRecursively(lockFile);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the registry's staging folder", e);
        }
    }

    /** Whether some process (this one included) still holds the lock on a publication's lock file. */
    private static boolean ownerAlive(Path lockFile) {
        // Never probe a lock this JVM holds: closing any channel on the file would release it (POSIX).
        if (HELD.contains(lockFile.toAbsolutePath())) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException heldInThisProcess) {
            return true;
        } catch (NoSuchFileException gone) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** A publication's hold on its staging folder: a file lock that dies with its process. */
    record StagingClaim(Path file, FileChannel channel, FileLock lock) implements AutoCloseable {
        static StagingClaim take(Path lockFile) {
            try {
                FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                StagingClaim claim = new StagingClaim(lockFile.toAbsolutePath(), channel, channel.lock());
                HELD.add(claim.file());
                return claim;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot claim a staging folder", e);
            }
        }

        @Override
        public void close() {
            HELD.remove(file);
            try {
                channel.close();
            } catch (IOException e) {
                log.debug("Releasing a staging claim: {}", e.getMessage());
            }
        }
    }

    /** Runs {@code action} holding this process's lock and the registry's file lock. */
    <T> T locked(Supplier<T> action) {
        processLock.lock();
        try (FileChannel channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
            return action.get();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the registry", e);
        } finally {
            processLock.unlock();
        }
    }

    static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IllegalStateException("the registry folder must support atomic renames", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move a registry folder into place", e);
        }
    }

    static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a registry folder", e);
        }
    }

    static void deleteRecursively(Path path) {
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not remove {}: {}", path.getFileName(), e.getMessage());
        }
    }
}
