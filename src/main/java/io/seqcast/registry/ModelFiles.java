package io.seqcast.registry;

import io.seqcast.storage.DurableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a model's files are under the registry's root, and the small ones read and written whole:
 * {@code <model>/<version>/}, {@code <model>/aliases.json} and {@code <model>/.high-water}. Writes go
 * through {@link DurableFiles}, staged in the registry's staging folder, so a crash leaves the old file
 * or the new one. The caller holds the registry lock around writes.
 */
final class ModelFiles {

    private static final String ALIASES = "aliases.json";
    private static final String HIGH_WATER = ".high-water";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path root;
    private final Path staging;

    ModelFiles(Path root, Path staging) {
        this.root = root;
        this.staging = staging;
    }

    Path model(String name) {
        return root.resolve(name);
    }

    Path version(String name, int version) {
        return model(name).resolve(Integer.toString(version));
    }

    /** The numbers of the version folders of {@code name}, ascending. */
    List<Integer> versionNumbers(String name) {
        List<Integer> versions = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(model(name), Files::isDirectory)) {
            for (Path child : children) {
                String file = child.getFileName().toString();
                if (file.matches("[1-9][0-9]{0,8}")) {
                    versions.add(Integer.parseInt(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the versions of model '" + name + "'", e);
        }
        versions.sort(null);
        return versions;
    }

    /** The highest number ever given to a version of {@code name}, 0 before the first. */
    int highWater(String name) {
        Path file = model(name).resolve(HIGH_WATER);
        try {
            return Files.exists(file) ? Integer.parseInt(Files.readString(file, StandardCharsets.US_ASCII).strip()) : 0;
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("the version high-water mark of model '" + name + "' is unreadable", e);
        }
    }

    /** Written before the version appears: a crash in between skips a number, never reuses one. */
    void writeHighWater(String name, int version) {
        try {
            DurableFiles.write(model(name).resolve(HIGH_WATER), staging,
                    Integer.toString(version).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the version number of model '" + name + "'", e);
        }
    }

    /** The aliases of {@code name}, sorted by alias. */
    Map<String, Integer> aliases(String name) {
        Path file = model(name).resolve(ALIASES);
        if (!Files.exists(file)) {
            return Map.of();
        }
        try {
            return new TreeMap<>(JSON.readValue(Files.readAllBytes(file), new TypeReference<Map<String, Integer>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the aliases of model '" + name + "'", e);
        }
    }

    void writeAliases(String name, Map<String, Integer> aliases) {
        try {
            DurableFiles.write(model(name).resolve(ALIASES), staging, JSON.writeValueAsBytes(aliases));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the aliases of model '" + name + "'", e);
        }
    }
}
