package io.seqcast.engine.internal;

import io.seqcast.engine.ForecastBlend;
import io.seqcast.engine.ModelLoadException;
import io.seqcast.engine.ModelManifest;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes {@code manifest.json} and checks the files it lists. */
final class ManifestFiles {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ManifestFiles() {}

    /** Writes a model's parameters. */
    @FunctionalInterface
    interface ParameterWriter {
        void write(DataOutputStream out) throws IOException;
    }

    /**
     * Saves a model into the empty {@code directory}: its parameters ({@value DjlForecastModel#PARAMETERS_FILE}),
     * the other files {@code extras} write (by file name), each flushed, then the manifest listing the SHA-256
     * of all of them.
     */
    static void save(Path directory, ModelManifest manifest, ParameterWriter parameters,
            Map<String, Consumer<Path>> extras) {
        Path file = directory.resolve(DjlForecastModel.PARAMETERS_FILE);
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)))) {
            parameters.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model parameters", e);
        }
        force(file);
        Map<String, String> files = new TreeMap<>(Map.of(DjlForecastModel.PARAMETERS_FILE, sha256(file)));
        extras.forEach((name, writer) -> {
            writer.accept(directory);
            files.put(name, sha256(directory.resolve(name)));
        });
        write(directory, manifest.withFiles(files));
    }

    static void write(Path directory, ModelManifest manifest) {
        Path file = directory.resolve(ModelManifest.FILE_NAME);
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            out.write(JSON.writeValueAsBytes(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + ModelManifest.FILE_NAME, e);
        }
        force(file);
    }

    /**
     * Reads the manifest and checks every file it lists against its SHA-256.
     *
     * @throws ModelLoadException when the manifest is missing or unreadable, or a file is missing or altered
     */
    static ModelManifest readVerified(Path directory) {
        Path file = directory.resolve(ModelManifest.FILE_NAME);
        ModelManifest manifest;
        try {
            manifest = JSON.readValue(Files.readAllBytes(file), ModelManifest.class);
        } catch (IOException e) {
            throw new ModelLoadException("manifest is missing or unreadable", e);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new ModelLoadException("manifest is not a valid seqcast manifest", e);
        }
        if (manifest.formatVersion() < ModelManifest.FORMAT_VERSION
                || manifest.formatVersion() > ModelManifest.TRANSFORM_FORMAT_VERSION) {
            throw new ModelLoadException("manifest format " + manifest.formatVersion() + " is not supported (expected "
                    + ModelManifest.FORMAT_VERSION + " to " + ModelManifest.TRANSFORM_FORMAT_VERSION + ")");
        }
        if (manifest.blend() != null && manifest.blend().boxCox()
                && manifest.formatVersion() < ModelManifest.TRANSFORM_FORMAT_VERSION) {
            // Written so by no version: a format before the transform cannot carry one.
            throw new ModelLoadException("manifest format " + manifest.formatVersion() + " cannot carry blend.transform "
                    + ForecastBlend.BOX_COX + " (format " + ModelManifest.TRANSFORM_FORMAT_VERSION + " and later can)");
        }
        for (Map.Entry<String, String> entry : manifest.files().entrySet()) {
            Path listed = directory.resolve(entry.getKey()).normalize();
            if (!listed.getParent().equals(directory.normalize()) || !Files.isRegularFile(listed)) {
                throw new ModelLoadException("file '" + entry.getKey() + "' listed in the manifest is missing");
            }
            if (!sha256(listed).equals(entry.getValue())) {
                throw new ModelLoadException("checksum of '" + entry.getKey() + "' does not match the manifest");
            }
        }
        return manifest;
    }

    static String sha256(Path file) {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** Flushes a written file to the disk, so that a crash after publishing cannot leave it empty. */
    static void force(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot flush " + file.getFileName(), e);
        }
    }
}
