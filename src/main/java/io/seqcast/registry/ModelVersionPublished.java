package io.seqcast.registry;

/** A new version became visible in the registry. */
public record ModelVersionPublished(String model, int version) {}
