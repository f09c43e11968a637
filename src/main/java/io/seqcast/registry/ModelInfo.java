package io.seqcast.registry;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * A model: its versions and aliases.
 *
 * @param name model name
 * @param versions numbers of its versions, oldest first
 * @param latest newest available version, null when none is available
 * @param aliases alias name to version
 */
@Schema(description = "A registered model")
public record ModelInfo(String name, List<Integer> versions, Integer latest, Map<String, Integer> aliases) {}
