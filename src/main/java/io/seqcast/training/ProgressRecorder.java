package io.seqcast.training;

import io.seqcast.engine.EpochProgress;
import io.seqcast.engine.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Records each epoch into a running job and answers the engine's cancellation checks. */
final class ProgressRecorder implements TrainingListener {

    /** Progress is persisted at most this often; state changes are persisted at once. */
    private static final long PERSIST_PROGRESS_EVERY_MILLIS = 1000;
    /** Another replica's cancellation (a file) is looked for at most this often. */
    private static final long MARKER_CHECK_EVERY_MILLIS = 250;

    /** Where each epoch's progress goes: into the job, persisted or kept in memory only. */
    @FunctionalInterface
    interface Sink {
        void progressed(TrainingJob.Progress progress, List<TrainingJob.EpochLoss> history, boolean persist);
    }

    private final String id;
    private final JobStore store;
    /** The jobs whose cancellation was asked for, shared with the service. */
    private final Set<String> cancelRequested;
    private final Sink sink;
    private final List<TrainingJob.EpochLoss> history = new ArrayList<>();
    private long lastPersisted;
    private long lastMarkerCheck;
    private volatile int epoch;

    ProgressRecorder(String id, JobStore store, Set<String> cancelRequested, Sink sink) {
        this.id = id;
        this.store = store;
        this.cancelRequested = cancelRequested;
        this.sink = sink;
    }

    /** The last epoch finished, 0 before the first. */
    int epoch() {
        return epoch;
    }

    @Override
    public void epochFinished(EpochProgress progress) {
        epoch = progress.epoch();
        history.add(new TrainingJob.EpochLoss(progress.epoch(), progress.trainLoss(), progress.validationLoss()));
        long now = System.currentTimeMillis();
        boolean persist = now - lastPersisted >= PERSIST_PROGRESS_EVERY_MILLIS;
        if (persist) {
            lastPersisted = now;
        }
        sink.progressed(new TrainingJob.Progress(progress.epoch(), progress.epochs(), progress.trainLoss(),
                progress.validationLoss()), history, persist);
    }

    /** Local requests at once; another replica's at most every {@value #MARKER_CHECK_EVERY_MILLIS} ms. */
    @Override
    public boolean cancelRequested() {
        if (cancelRequested.contains(id)) {
            return true;
        }
        long now = System.currentTimeMillis();
        if (now - lastMarkerCheck >= MARKER_CHECK_EVERY_MILLIS) {
            lastMarkerCheck = now;
            if (store.cancelRequested(id)) {
                cancelRequested.add(id);
                return true;
            }
        }
        return false;
    }
}
