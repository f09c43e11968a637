/**
 * API: what every endpoint shares: API keys and roles, security, problem responses, request size limits,
 * OpenAPI. Depends on no feature module (registry, training, forecasting).
 */
@ApplicationModule(allowedDependencies = {"data", "engine", "storage"})
package io.seqcast.api;

import org.springframework.modulith.ApplicationModule;
