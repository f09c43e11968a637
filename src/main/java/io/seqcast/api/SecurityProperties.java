package io.seqcast.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code seqcast.security.*}: API keys, configured only as SHA-256 hashes.
 *
 * @param enabled false switches key checks off (the startup log warns)
 * @param keys configured keys; when none is configured, an admin key is generated at first start
 * @param generatedKeyFile where the generated admin key's hash is kept
 */
@Validated
@ConfigurationProperties("seqcast.security")
record SecurityProperties(
        @DefaultValue("true") boolean enabled,
        @Valid @DefaultValue List<Key> keys,
        @NotNull @DefaultValue("./data/security/admin-key.sha256") Path generatedKeyFile) {

    /**
     * @param name who holds the key, for logs (the key itself is never logged)
     * @param sha256 hex SHA-256 of the key
     * @param role what the key may do
     */
    record Key(@NotBlank String name, @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}") String sha256, @NotNull Role role) {}
}
