package io.seqcast.registry;

/** A version was removed from the registry; caches holding it must let it go. */
public record ModelVersionDeleted(String model, int version) {}
