package io.seqcast.engine;

/**
 * What the engine runs on.
 *
 * @param engine engine name ("PyTorch")
 * @param engineVersion libtorch version
 * @param djlVersion Deep Java Library version
 * @param device device models train and run on ("cpu()", "gpu(0)")
 * @param intraOpThreads threads one native operation may use
 */
public record EngineInfo(String engine, String engineVersion, String djlVersion, String device, int intraOpThreads) {}
