package io.seqcast.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import io.seqcast.storage.DurableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accepted keys, as hashes. With none configured, an admin key is generated at first start, its
 * hash stored in the data folder and the key printed once, as Spring Security does with its generated
 * password.
 */
final class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    private static final String HASH = "[0-9a-f]{64}";

    private record Entry(String name, byte[] hash, Role role) {}

    private final List<Entry> entries = new ArrayList<>();

    ApiKeys(SecurityProperties properties) {
        for (SecurityProperties.Key key : properties.keys()) {
            entries.add(new Entry(key.name(), HexFormat.of().parseHex(key.sha256().toLowerCase()), key.role()));
        }
        if (entries.isEmpty()) {
            entries.add(new Entry("generated-admin", generatedAdminHash(properties.generatedKeyFile()), Role.ADMIN));
        }
    }

    /** Who holds a presented key, comparing its hash with every entry in constant time. */
    Optional<ApiKeyPrincipal> holderOf(String presented) {
        byte[] hash = sha256(presented);
        Entry found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), hash) && found == null) {
                found = entry;
            }
        }
        return Optional.ofNullable(found).map(entry -> new ApiKeyPrincipal(entry.name(), entry.role()));
    }

    /**
     * The generated key's hash: read if a replica (or an earlier start) made it, else made here. The
     * file appears only complete, by a hard link to a fully written temp file, which fails if another
     * replica linked first; then that replica's key is the one, and this one is never printed.
     */
    private static byte[] generatedAdminHash(Path file) {
        try {
            if (Files.exists(file)) {
                return readHash(file);
            }
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            String key = "sck_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            byte[] hash = sha256(key);
            Path folder = Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(folder, ".admin-key", ".tmp");
            try {
                ownerOnly(temp);
                Files.writeString(temp, HexFormat.of().formatHex(hash) + "\n");
                try (var channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                link(file, temp);
            } catch (FileAlreadyExistsException anotherReplicaWasFirst) {
                return readHash(file);
            } finally {
                Files.deleteIfExists(temp);
            }
            log.warn("""

                    Generated admin API key (shown only now; its SHA-256 is kept in the data folder):

                        {}

                    Send it as 'Authorization: Bearer <key>'. Configure seqcast.security.keys to manage keys yourself.
                    """, key);
            return hash;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the generated API key's hash", e);
        }
    }

    /**
     * Publishes the complete temp file under {@code file}, failing if it exists. Where the file system
     * has no hard links (some network shares), a create-new copy: still never two keys, though a replica
     * reading at that instant may find it incomplete and refuse to start, saying why.
     */
    private static void link(Path file, Path temp) throws IOException {
        try {
            Files.createLink(file, temp);
        } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
            if (noHardLinks instanceof FileAlreadyExistsException exists) {
                throw exists;
            }
            Files.write(file, Files.readAllBytes(temp), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            ownerOnly(file);
        }
        DurableFiles.forceDirectory(file.toAbsolutePath().getParent());
    }

    private static byte[] readHash(Path file) throws IOException {
        String stored = Files.readString(file).strip();
        if (!stored.matches(HASH)) {
            throw new IllegalStateException("the generated key file " + file + " does not hold a SHA-256 hash;"
                    + " delete it to have a new admin key generated");
        }
        return HexFormat.of().parseHex(stored);
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            log.debug("No POSIX permissions for the key file here");
        }
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
