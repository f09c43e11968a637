/**
 * Training: data checks and training jobs (queue, job store, events), and their HTTP API.
 */
@ApplicationModule(allowedDependencies = {"api", "data", "engine", "registry", "storage"})
package io.seqcast.training;

import org.springframework.modulith.ApplicationModule;
