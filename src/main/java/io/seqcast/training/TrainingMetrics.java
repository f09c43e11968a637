package io.seqcast.training;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** {@code seqcast.training.jobs} by status, and {@code seqcast.training.job.duration} of finished jobs. */
@Component
class TrainingMetrics implements MeterBinder {

    private final JobStore store;
    private MeterRegistry registry;

    TrainingMetrics(JobStore store) {
        this.store = store;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        this.registry = meters;
        for (JobStatus status : JobStatus.values()) {
            Gauge.builder("seqcast.training.jobs", store, s -> s.all().stream().filter(j -> j.status() == status).count())
                    .description("Training jobs by status").tag("status", status.name()).register(meters);
        }
    }

    @EventListener
    void jobFinished(TrainingJobFinished event) {
        TrainingJob job = event.job();
        if (registry != null && job.startedAt() != null && job.finishedAt() != null) {
            Timer.builder("seqcast.training.job.duration").description("Wall time of training jobs, start to end")
                    .tag("status", job.status().name()).register(registry)
                    .record(Duration.between(job.startedAt(), job.finishedAt()));
        }
    }
}
