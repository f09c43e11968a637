/**
 * Engine: trains, backtests and runs sequence models; its API is this package, DJL stays in {@code engine.internal}. Depends on no other module.
 */
@ApplicationModule(allowedDependencies = {})
package io.seqcast.engine;

import org.springframework.modulith.ApplicationModule;
