package io.seqcast.forecasting;

import io.seqcast.data.LabelledPayload;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Sequences to classify.
 *
 * @param sequences texts, or values, each with an optional id
 * @param features feature names of multivariate values, as the model was trained with
 * @param top classes to give per sequence, most probable first (default 3)
 */
@Schema(description = "Sequences to classify: texts, or values as the classifier was trained on")
record ClassifyRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<LabelledPayload> sequences,
        @Schema(description = "Feature names of multivariate values") List<String> features,
        @Schema(description = "Classes per sequence, most probable first (default " + DEFAULT_TOP + ")",
                example = "3") Integer top) {

    static final int DEFAULT_TOP = 3;
}
