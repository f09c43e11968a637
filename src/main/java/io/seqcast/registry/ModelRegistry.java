package io.seqcast.registry;

import io.seqcast.engine.Classifier;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.SavedModel;
import io.seqcast.engine.Task;
import io.seqcast.engine.ModelLoadException;
import io.seqcast.engine.ModelManifest;
import io.seqcast.engine.SequenceEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Models on disk: {@code <root>/<model>/<version>/} holds the engine's saved model and its manifest,
 * {@code <root>/<model>/aliases.json} the aliases. Versions are immutable and numbered 1, 2, 3...; a new one
 * lands whole or not at all, under a number never given before ({@link VersionPublisher}).
 */
@Service
public class ModelRegistry {

    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);
    public static final String DEFAULT_ALIAS = "production";

    private final Path root;
    private final ModelFiles files;
    private final SequenceEngine engine;
    private final ApplicationEventPublisher events;
    private final RegistryFolder folder;
    private final VerifiedVersions verified;
    private final Resolutions resolutions = new Resolutions();
    private final VersionPublisher publisher;

    public ModelRegistry(RegistryProperties properties, SequenceEngine engine, ApplicationEventPublisher events) {
        this.root = properties.root().toAbsolutePath().normalize();
        this.folder = new RegistryFolder(root);
        this.files = new ModelFiles(root, folder.staging());
        this.engine = engine;
        this.verified = new VerifiedVersions(engine);
        this.events = events;
        this.publisher = new VersionPublisher(folder, files, this::requireTask);
        folder.locked(() -> {
            folder.removeStagingLeftovers();
            return null;
        });
    }

    /** Saves {@code model} as the next version of {@code name}; returns its number. */
    public int publish(String name, SavedModel model) {
        ModelName.require(name, "model");
        return publisher.publish(name, model);
    }

    /**
     * Refuses a version of another task than the model's newest intact version: one name is one task, so
     * that "the latest version" and the {@value #DEFAULT_ALIAS} alias always answer the same kind of request.
     *
     * @throws RegistryException.TaskMismatch (409) for a model of the other task
     */
    public void requireTask(String name, Task task) {
        ModelName.require(name, "model");
        if (!Files.isDirectory(files.model(name))) {
            return;
        }
        List<Integer> versions = files.versionNumbers(name);
        for (int i = versions.size() - 1; i >= 0; i--) {
            VerifiedVersions.Verified verified = check(name, versions.get(i));
            if (verified.manifest() != null) {
                if (verified.manifest().taskOrDefault() != task) {
                    throw new RegistryException.TaskMismatch(name, verified.manifest().taskOrDefault(), task);
                }
                return;
            }
        }
    }

    public List<ModelInfo> models() {
        List<ModelInfo> models = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (!name.startsWith(".") && name.matches(ModelName.PATTERN)) {
                    models.add(info(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the registry", e);
        }
        models.sort(Comparator.comparing(ModelInfo::name));
        return models;
    }

    public Map<String, Integer> aliases(String name) {
        return files.aliases(name);
    }

    public ModelInfo model(String name) {
        requireModel(name);
        return info(name);
    }

    private ModelInfo info(String name) {
        List<Integer> versions = files.versionNumbers(name);
        Integer latest = null;
        for (int i = versions.size() - 1; i >= 0 && latest == null; i--) {
            if (verify(name, versions.get(i)) == null) {
                latest = versions.get(i);
            }
        }
        return new ModelInfo(name, versions, latest, aliases(name));
    }

    public List<VersionInfo> versions(String name) {
        requireModel(name);
        Map<String, Integer> aliases = aliases(name);
        List<VersionInfo> out = new ArrayList<>();
        for (int version : files.versionNumbers(name)) {
            out.add(describe(name, version, aliases));
        }
        return out;
    }

    public VersionInfo version(String name, int version) {
        requireVersion(name, version);
        return describe(name, version, aliases(name));
    }

    private VersionInfo describe(String name, int version, Map<String, Integer> aliases) {
        List<String> pointing = aliases.entrySet().stream().filter(e -> e.getValue() == version)
                .map(Map.Entry::getKey).sorted().toList();
        VerifiedVersions.Verified check = check(name, version);
        return new VersionInfo(version, check.problem() == null, check.problem(), pointing, check.manifest());
    }

    /** Null when the version is intact, else why not. */
    private String verify(String name, int version) {
        return check(name, version).problem();
    }

    private VerifiedVersions.Verified check(String name, int version) {
        return verified.check(files.version(name, version));
    }

    /**
     * Loads a forecasting version into memory; the caller owns (and closes) the model.
     *
     * @throws RegistryException.WrongTask (400) when the version is a classifier
     */
    public ForecastModel load(String name, int version) {
        requireTask(name, version, Task.FORECASTING);
        try {
            return engine.load(files.version(name, version));
        } catch (ModelLoadException e) {
            throw new RegistryException.VersionUnavailable(name, version, e.getMessage());
        }
    }

    /**
     * Loads a classifier version into memory; the caller owns (and closes) it.
     *
     * @throws RegistryException.WrongTask (400) when the version forecasts
     */
    public Classifier loadClassifier(String name, int version) {
        requireTask(name, version, Task.CLASSIFICATION);
        try {
            return engine.loadClassifier(files.version(name, version));
        } catch (ModelLoadException e) {
            throw new RegistryException.VersionUnavailable(name, version, e.getMessage());
        }
    }

    private void requireTask(String name, int version, Task task) {
        requireVersion(name, version);
        VerifiedVersions.Verified verified = check(name, version);
        if (verified.manifest() == null) {
            throw new RegistryException.VersionUnavailable(name, version, verified.problem());
        }
        if (verified.manifest().taskOrDefault() != task) {
            throw new RegistryException.WrongTask(name, version, verified.manifest().taskOrDefault());
        }
    }

    /**
     * The SHA-256 of a version's manifest file, hex: what a forecast's receipt names, so that anyone with the
     * registry can check which manifest (and through its file hashes, which parameters) made a forecast.
     */
    public String manifestSha256(String name, int version) {
        requireVersion(name, version);
        try {
            byte[] manifest = Files.readAllBytes(files.version(name, version).resolve(ModelManifest.FILE_NAME));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(manifest));
        } catch (IOException e) {
            throw new RegistryException.VersionUnavailable(name, version, "its manifest cannot be read");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * The version a request means: {@code version} if given, else {@code alias} if given, else the
     * {@value #DEFAULT_ALIAS} alias if set, else the latest available version.
     */
    public int resolve(String name, Integer version, String alias) {
        if (version != null) {
            requireVersion(name, version);
            return version;
        }
        ModelName.require(name, "model");
        if (alias != null) {
            ModelName.require(alias, "alias");
        }
        Resolutions.Resolution resolution = resolutions.of(name, files.model(name), () -> {
            ModelInfo info = info(name);
            return new Resolutions.Resolution(Map.copyOf(info.aliases()), info.latest());
        }).orElseThrow(() -> new RegistryException.ModelNotFound(name));
        if (alias != null) {
            Integer target = resolution.aliases().get(alias);
            if (target == null) {
                throw new RegistryException.VersionNotFound(name, "alias '" + alias + "'");
            }
            return target;
        }
        if (resolution.aliases().containsKey(DEFAULT_ALIAS)) {
            return resolution.aliases().get(DEFAULT_ALIAS);
        }
        if (resolution.latest() == null) {
            throw new RegistryException.VersionNotFound(name, "available version");
        }
        return resolution.latest();
    }

    public void delete(String name, int version) {
        requireVersion(name, version);
        folder.locked(() -> {
            requireVersion(name, version);
            for (Map.Entry<String, Integer> alias : aliases(name).entrySet()) {
                if (alias.getValue() == version) {
                    throw new RegistryException.VersionInUse(name, version, alias.getKey());
                }
            }
            Path doomed = folder.staging().resolve("deleted-" + UUID.randomUUID());
            RegistryFolder.move(files.version(name, version), doomed);
            verified.forget(files.version(name, version));
            RegistryFolder.deleteRecursively(doomed);
            return null;
        });
        log.info("Deleted version {} of model '{}'", version, name);
        events.publishEvent(new ModelVersionDeleted(name, version));
    }

    public void setAlias(String name, String alias, int version) {
        setAlias(name, alias, version, null, null);
    }

    /**
     * Points {@code alias} at {@code version} if {@code guard} (when given) still points to {@code guarded}
     * (null: still unset), checked under the registry lock: a promotion decided by comparing against the
     * guard's version never lands after the guard moved.
     */
    void setAlias(String name, String alias, int version, String guard, Integer guarded) {
        ModelName.require(alias, "alias");
        requireVersion(name, version);
        folder.locked(() -> {
            // Checked under the lock: a version deleted meanwhile never gets an alias.
            requireVersion(name, version);
            if (guard != null && !Objects.equals(aliases(name).get(guard), guarded)) {
                throw new RegistryException.AliasMoved(name, guard);
            }
            String broken = verify(name, version);
            if (broken != null) {
                throw new RegistryException.VersionUnavailable(name, version, broken);
            }
            Map<String, Integer> aliases = new TreeMap<>(aliases(name));
            aliases.put(alias, version);
            files.writeAliases(name, aliases);
            return null;
        });
    }

    public void deleteAlias(String name, String alias) {
        requireModel(name);
        ModelName.require(alias, "alias");
        folder.locked(() -> {
            Map<String, Integer> aliases = new TreeMap<>(aliases(name));
            if (aliases.remove(alias) == null) {
                throw new RegistryException.VersionNotFound(name, "alias '" + alias + "'");
            }
            files.writeAliases(name, aliases);
            return null;
        });
    }

    /** Whether a new version could be written now (for readiness). */
    boolean writable() {
        return Files.isDirectory(folder.staging()) && Files.isWritable(folder.staging());
    }

    private void requireModel(String name) {
        ModelName.require(name, "model");
        if (!Files.isDirectory(files.model(name))) {
            throw new RegistryException.ModelNotFound(name);
        }
    }

    private void requireVersion(String name, int version) {
        requireModel(name);
        if (version < 1 || !Files.isDirectory(files.version(name, version))) {
            throw new RegistryException.VersionNotFound(name, "version " + version);
        }
    }

    /** The folder of an existing version, for the engine to read what is saved in it. */
    Path directory(String name, int version) {
        requireVersion(name, version);
        return files.version(name, version);
    }
}
