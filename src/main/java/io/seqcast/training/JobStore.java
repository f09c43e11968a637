package io.seqcast.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Job records on disk, one JSON file per job ({@code <id>.json}), written atomically (temporary file,
 * flush, rename), plus the request of every job not yet finished ({@code <id>.request.json}) so that
 * queued jobs can run again after a restart.
 */
@Component
class JobStore {

    private static final Logger log = LoggerFactory.getLogger(JobStore.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path folder;
    private final Map<String, TrainingJob> jobs = new ConcurrentHashMap<>();

    JobStore(TrainingProperties properties) {
        this.folder = properties.jobs().toAbsolutePath().normalize();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the jobs folder", e);
        }
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(f -> f.getFileName().toString().endsWith(".json")
                    && !f.getFileName().toString().endsWith(".request.json")).forEach(this::load);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the jobs folder", e);
        }
    }

    private void load(Path file) {
        try {
            TrainingJob job = JSON.readValue(Files.readAllBytes(file), TrainingJob.class);
            jobs.put(job.id(), job);
        } catch (IOException | RuntimeException e) {
            log.warn("Skipping unreadable job record {}: {}", file.getFileName(), e.getMessage());
        }
    }

    Collection<TrainingJob> all() {
        return jobs.values();
    }

    Optional<TrainingJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    void save(TrainingJob job) {
        write(folder.resolve(job.id() + ".json"), JSON.writeValueAsBytes(job));
        jobs.put(job.id(), job);
    }

    /** Keeps the latest state in memory only; {@link #save} persists it. */
    void remember(TrainingJob job) {
        jobs.put(job.id(), job);
    }

    void saveRequest(String id, TrainingRequest request) {
        write(folder.resolve(id + ".request.json"), JSON.writeValueAsBytes(request));
    }

    Optional<TrainingRequest> request(String id) {
        Path file = folder.resolve(id + ".request.json");
        try {
            return Files.exists(file) ? Optional.of(JSON.readValue(Files.readAllBytes(file), TrainingRequest.class))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            log.warn("Unreadable request of job {}: {}", id, e.getMessage());
            return Optional.empty();
        }
    }

    void deleteRequest(String id) {
        try {
            Files.deleteIfExists(folder.resolve(id + ".request.json"));
        } catch (IOException e) {
            log.warn("Could not delete the request of job {}: {}", id, e.getMessage());
        }
    }

    void forget(String id) {
        jobs.remove(id);
        deleteRequest(id);
        try {
            Files.deleteIfExists(folder.resolve(id + ".json"));
        } catch (IOException e) {
            log.warn("Could not delete job {}: {}", id, e.getMessage());
        }
    }

    boolean writable() {
        return Files.isDirectory(folder) && Files.isWritable(folder);
    }

    private void write(Path file, byte[] bytes) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(temporary, bytes);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a job record", e);
        }
    }
}
