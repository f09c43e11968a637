/**
 * Data: parses and checks series payloads (JSON and CSV) into the engine's sequence data.
 */
@ApplicationModule(allowedDependencies = {"engine"})
package io.seqcast.data;

import org.springframework.modulith.ApplicationModule;
