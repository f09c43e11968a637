package io.seqcast.engine;

/** Where models train and run ({@code seqcast.engine.device}). */
public enum DeviceChoice {
    /** The first GPU when a CUDA build of libtorch is loaded, the CPU otherwise. */
    AUTO,
    CPU,
    /** The first GPU; the service refuses to start without one. */
    GPU
}
