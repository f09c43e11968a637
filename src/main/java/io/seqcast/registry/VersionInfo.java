package io.seqcast.registry;

import io.seqcast.engine.ModelManifest;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One version in a listing.
 *
 * @param version its number
 * @param available false when its files are missing or do not match the manifest's checksums
 * @param reason why it is unavailable
 * @param aliases aliases that point to it
 * @param manifest its manifest, when available
 */
@Schema(description = "A registered version; unavailable when its files are broken")
public record VersionInfo(int version, boolean available, String reason, List<String> aliases, ModelManifest manifest) {}
