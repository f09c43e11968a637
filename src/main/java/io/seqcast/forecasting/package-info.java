/**
 * Forecasting: forecasts from registered models (model cache, batched inference queue), and its HTTP API.
 */
@ApplicationModule(allowedDependencies = {"api", "data", "engine", "registry"})
package io.seqcast.forecasting;

import org.springframework.modulith.ApplicationModule;
