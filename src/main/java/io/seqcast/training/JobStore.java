package io.seqcast.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import io.seqcast.storage.DurableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Job records in a folder that several replicas may share: one JSON file per job ({@code <id>.json}),
 * written atomically (temporary file, flush, rename) by the one replica that owns the job, plus the
 * request of every unfinished job ({@code <id>.request.json}) so that it can run again after a restart.
 *
 * <p>A replica owns a job while it holds the file lock on {@code <id>.lock}; the operating system
 * releases it when the process dies, so a restarted replica can tell a job whose owner is gone from a
 * job another live replica is running. Cancelling a job owned elsewhere leaves {@code <id>.cancel} for
 * its owner to see between batches.
 */
@Component
class JobStore {

    private static final Logger log = LoggerFactory.getLogger(JobStore.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path folder;
    /** Jobs this process owns, with their latest state (progress included, persisted or not). */
    private final Map<String, TrainingJob> owned = new ConcurrentHashMap<>();
    private final Map<String, Claim> claims = new ConcurrentHashMap<>();

    JobStore(TrainingProperties properties) {
        this.folder = properties.jobs().toAbsolutePath().normalize();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the jobs folder", e);
        }
    }

    /** Every job in the folder; this process's own jobs with their in-memory state. */
    List<TrainingJob> all() {
        List<TrainingJob> jobs = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".request.json")) {
                    String id = name.substring(0, name.length() - ".json".length());
                    find(id).ifPresent(jobs::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the jobs folder", e);
        }
        return jobs;
    }

    Optional<TrainingJob> find(String id) {
        TrainingJob mine = owned.get(id);
        if (mine != null) {
            return Optional.of(mine);
        }
        if (!id.matches("[0-9a-zA-Z-]{1,64}")) {
            return Optional.empty();
        }
        return read(folder.resolve(id + ".json"), TrainingJob.class);
    }

    boolean owns(String id) {
        return claims.containsKey(id);
    }

    /** Takes ownership of a job; false when another live process owns it. */
    boolean claim(String id) {
        if (claims.containsKey(id)) {
            return true;
        }
        try {
            FileChannel channel = FileChannel.open(folder.resolve(id + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return false;
            }
            claims.put(id, new Claim(channel, lock));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock a job record", e);
        }
    }

    /** Gives up ownership once the job has ended. */
    void release(String id) {
        owned.remove(id);
        Claim claim = claims.remove(id);
        if (claim != null) {
            claim.close();
            delete(folder.resolve(id + ".lock"));
            delete(folder.resolve(id + ".cancel"));
        }
    }

    void save(TrainingJob job) {
        write(folder.resolve(job.id() + ".json"), JSON.writeValueAsBytes(job));
        owned.put(job.id(), job);
    }

    /** Keeps the latest state in memory only; {@link #save} persists it. */
    void remember(TrainingJob job) {
        owned.put(job.id(), job);
    }

    void saveRequest(String id, TrainingRequest request) {
        write(folder.resolve(id + ".request.json"), JSON.writeValueAsBytes(request));
    }

    Optional<TrainingRequest> request(String id) {
        return read(folder.resolve(id + ".request.json"), TrainingRequest.class);
    }

    /** A record or request, or nothing when the file is missing or unreadable (which is logged). */
    private static <T> Optional<T> read(Path file, Class<T> type) {
        try {
            return Files.exists(file) ? Optional.of(JSON.readValue(Files.readAllBytes(file), type)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            log.warn("Skipping unreadable {}: {}", file.getFileName(), e.getMessage());
            return Optional.empty();
        }
    }

    void deleteRequest(String id) {
        delete(folder.resolve(id + ".request.json"));
    }

    /** Asks the owner of a job, in whatever process, to stop it. */
    void requestCancel(String id) {
        try {
            Files.write(folder.resolve(id + ".cancel"), new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record a cancellation", e);
        }
    }

    boolean cancelRequested(String id) {
        return Files.exists(folder.resolve(id + ".cancel"));
    }

    void forget(String id) {
        deleteRequest(id);
        delete(folder.resolve(id + ".json"));
        release(id);
    }

    boolean writable() {
        return Files.isDirectory(folder) && Files.isWritable(folder);
    }

    /** Temp files are unique per write: progress and a cancellation may write one job's record at once. */
    private void write(Path file, byte[] bytes) {
        try {
            DurableFiles.write(file, folder, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a job record", e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file.getFileName(), e.getMessage());
        }
    }

    private record Claim(FileChannel channel, FileLock lock) {
        void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                log.debug("Releasing a job lock: {}", e.getMessage());
            }
        }
    }
}
