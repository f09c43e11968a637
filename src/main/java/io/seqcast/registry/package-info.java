/**
 * Registry: versions, aliases and promotion of trained models on disk, and its HTTP API.
 */
@ApplicationModule(allowedDependencies = {"api", "engine", "storage"})
package io.seqcast.registry;

import org.springframework.modulith.ApplicationModule;
