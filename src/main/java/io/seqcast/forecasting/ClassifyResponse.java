package io.seqcast.forecasting;

import io.seqcast.engine.Prediction;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "Per sequence, in request order, its most probable classes")
record ClassifyResponse(String model, int version, List<Labels> predictions) {

    /**
     * @param id the sequence's id
     * @param labels most probable first, with probabilities summing to at most 1
     */
    record Labels(String id, List<Prediction.LabelProbability> labels) {}
}
