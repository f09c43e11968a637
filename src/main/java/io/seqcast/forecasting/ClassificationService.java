package io.seqcast.forecasting;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.seqcast.api.ProblemException;
import io.seqcast.data.EngineFields;
import io.seqcast.data.LabelledSequences;
import io.seqcast.data.PayloadParser;
import io.seqcast.engine.ClassificationData;
import io.seqcast.engine.Classifier;
import io.seqcast.engine.InvalidInputException;
import io.seqcast.engine.Prediction;
import io.seqcast.registry.ModelRegistry;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Classifies posted sequences with a registered classifier. Each sequence is one row of the network, and
 * rows join the same inference queue as forecast windows, so classifications batch across requests.
 */
@Service
class ClassificationService {

    private final ModelRegistry registry;
    private final ModelCache cache;
    private final LabelledSequences parser;
    private final ForecastingProperties limits;
    private final InferenceQueue queue;
    private final Timer latency;

    ClassificationService(ModelRegistry registry, ModelCache cache, PayloadParser parser, ForecastingProperties limits,
            InferenceQueue queue, MeterRegistry meters) {
        this.registry = registry;
        this.cache = cache;
        this.parser = new LabelledSequences(parser);
        this.limits = limits;
        this.queue = queue;
        this.latency = Timer.builder("seqcast.classify.latency").description("Time to answer a classify request")
                .publishPercentileHistogram().register(meters);
    }

    static final class ClassificationTooLarge extends ProblemException {
        ClassificationTooLarge(String detail) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "Classification too large", detail);
        }
    }

    ClassifyResponse classify(String name, Integer version, String alias, ClassifyRequest request) {
        return latency.record(() -> {
            int resolved = registry.resolve(name, version, alias);
            int top = request.top() == null ? ClassifyRequest.DEFAULT_TOP : request.top();
            if (top < 1 || top > 1000) {
                throw new InvalidInputException("/top", "top is between 1 and 1000, got " + top);
            }
            ClassificationData data = parser.parse(request.features(), request.sequences(), "", false);
            Classifier classifier = cache.classifier(name, resolved);
            if (!data.features().equals(classifier.manifest().features())) {
                throw new InvalidInputException(request.features() == null ? "/sequences" : "/features",
                        "the classifier was trained"
                        + " on " + (classifier.manifest().features().equals(List.of(ClassificationData.CHARACTERS))
                                ? "texts" : "features " + classifier.manifest().features()) + ", got "
                        + (data.text() ? "texts" : "features " + data.features()));
            }
            int rows = data.sequences().size();
            if ((long) rows * classifier.passInputSize() > limits.maxValues()) {
                throw new InvalidInputException("/sequences", String.format("%,d sequences of up to %,d elements are"
                        + " more than one request may ask for (%,d values, seqcast.forecasting.max-values): send fewer",
                        rows, classifier.passInputSize() - 1, limits.maxValues()));
            }
            long work = classifier.classifyWork(rows);
            if (work > limits.maxWork()) {
                throw new ClassificationTooLarge(String.format("%,d sequences with this classifier take %,d units of"
                        + " work (multiply-adds, each sequence read to the %,d elements the model reads); one request"
                        + " may take %,d (seqcast.forecasting.max-work): send fewer sequences", rows, work,
                        classifier.passInputSize() - 1, limits.maxWork()));
            }
            float[] input;
            try {
                input = classifier.encode(data.sequences());
            } catch (InvalidInputException refused) {
                throw refused.at(EngineFields.labelledPointer(refused.field(), ""));
            }
            long deadline = System.nanoTime() + limits.timeout().toNanos();
            float[] output;
            try {
                output = queue.run(classifier, input, rows, deadline, limits.timeout());
            } catch (IllegalStateException closed) {
                // Evicted while queued: the same version, loaded again, encodes alike.
                cache.invalidate(name, resolved, classifier);
                classifier = cache.classifier(name, resolved);
                output = queue.run(classifier, input, rows, deadline, limits.timeout());
            }
            List<Prediction> predictions = classifier.decode(output, rows, top);
            List<ClassifyResponse.Labels> labels = new ArrayList<>(rows);
            for (int i = 0; i < rows; i++) {
                labels.add(new ClassifyResponse.Labels(data.sequences().get(i).id(), predictions.get(i).labels()));
            }
            return new ClassifyResponse(name, resolved, labels);
        });
    }
}
