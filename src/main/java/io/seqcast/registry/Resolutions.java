package io.seqcast.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a request without a version number resolves to (a model's aliases and newest intact version),
 * kept per model while its folder's modification time stays the same, so that a forecast costs one
 * {@code stat} instead of listing and reading the folder. Every change the registry makes, on any replica,
 * renames an entry into or out of that folder (a version, the aliases file), which changes the time.
 *
 * <p>A change made within the file system's timestamp granularity of the read could leave the time
 * unchanged, so only folders unchanged for {@link #SETTLED} are kept (as Git treats "racy" index entries).
 */
final class Resolutions {

    static final Duration SETTLED = Duration.ofSeconds(2);

    record Resolution(Map<String, Integer> aliases, Integer latest) {}

    private record Entry(FileTime modified, Object fileKey, Resolution resolution) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * The resolution of the model in {@code folder}: kept, or read by {@code fresh}.
     *
     * @return empty when the folder does not exist
     */
    Optional<Resolution> of(String name, Path folder, Supplier<Resolution> fresh) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(folder, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            entries.remove(name);
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the folder of model '" + name + "'", e);
        }
        if (!attributes.isDirectory()) {
            return Optional.empty();
        }
        Entry entry = entries.get(name);
        if (entry != null && entry.modified.equals(attributes.lastModifiedTime())
                && Objects.equals(entry.fileKey, attributes.fileKey())) {
            return Optional.of(entry.resolution);
        }
        Resolution resolution = fresh.get();
        if (attributes.lastModifiedTime().toInstant().isBefore(Instant.now().minus(SETTLED))) {
            entries.put(name, new Entry(attributes.lastModifiedTime(), attributes.fileKey(), resolution));
        } else {
            entries.remove(name);
        }
        return Optional.of(resolution);
    }
}
