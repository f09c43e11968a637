/**
 * Storage: the one durable file write (temp file, flush, atomic rename). Depends on no other module.
 */
@ApplicationModule(allowedDependencies = {})
package io.seqcast.storage;

import org.springframework.modulith.ApplicationModule;
