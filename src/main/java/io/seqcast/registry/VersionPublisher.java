package io.seqcast.registry;

import io.seqcast.engine.SavedModel;
import io.seqcast.engine.Task;
import io.seqcast.storage.DurableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a new version: stages the model in {@code <root>/.staging}, flushes it, and renames it into place
 * atomically under the registry lock ({@link RegistryFolder}, shared by the processes on one folder), so
 * that a reader sees a whole version or none, and a crash leaves at most a staging folder, which the next
 * replica to start removes once its owner is gone.
 *
 * <p>Numbers are never reused: {@code <root>/<model>/.high-water} keeps the highest number ever given, so
 * deleting the newest version and publishing again gives a new number, and no replica can mistake new
 * weights for old ones it has cached under the same number.
 */
final class VersionPublisher {

    /** The registry's own logger, which publications were always logged under. */
    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);

    private final RegistryFolder folder;
    private final ModelFiles files;
    /** Refuses a model of another task than the name's, checked under the lock with the move. */
    private final BiConsumer<String, Task> requireTask;

    VersionPublisher(RegistryFolder folder, ModelFiles files, BiConsumer<String, Task> requireTask) {
        this.folder = folder;
        this.files = files;
        this.requireTask = requireTask;
    }

    /** Saves {@code model} as the next version of {@code name}; returns its number. */
    int publish(String name, SavedModel model) {
        String id = UUID.randomUUID().toString();
        Path staged = folder.staging().resolve(id);
        Path lockFile = folder.staging().resolve(id + ".lock");
        // Created and locked under the registry lock, so a starting replica never sees it unlocked.
        RegistryFolder.StagingClaim claim = folder.locked(() -> RegistryFolder.StagingClaim.take(lockFile));
        try (claim) {
            try {
                Files.createDirectories(staged);
                model.save(staged);
                DurableFiles.forceDirectory(staged);
                int version = folder.locked(() -> {
                    requireTask.accept(name, model.manifest().taskOrDefault());
                    Path modelDirectory = files.model(name);
                    RegistryFolder.createDirectories(modelDirectory);
                    int next = Math.max(files.highWater(name),
                            files.versionNumbers(name).stream().mapToInt(Integer::intValue).max().orElse(0)) + 1;
                    files.writeHighWater(name, next);
                    RegistryFolder.move(staged, modelDirectory.resolve(Integer.toString(next)));
                    DurableFiles.forceDirectory(modelDirectory);
                    return next;
                });
                log.info("Published version {} of model '{}'", version, name);
                return version;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stage a new version of model '" + name + "'", e);
            } finally {
                if (Files.exists(staged)) {
                    RegistryFolder.deleteRecursively(staged);
                }
                RegistryFolder.deleteRecursively(lockFile);
            }
        }
    }
}
