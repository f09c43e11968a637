package io.seqcast.registry;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code seqcast.registry.*}. @param root folder of the registry, one subfolder per model */
@Validated
@ConfigurationProperties("seqcast.registry")
public record RegistryProperties(@NotNull @DefaultValue("./data/registry") Path root) {}
