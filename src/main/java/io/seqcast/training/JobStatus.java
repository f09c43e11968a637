package io.seqcast.training;

/** Life of a training job: QUEUED, then RUNNING, then one of the final states. */
public enum JobStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    /** The service stopped while the job ran; nothing was registered. */
    INTERRUPTED;

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }
}
