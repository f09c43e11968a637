package io.seqcast.training;

import io.seqcast.engine.Defaults;
import io.seqcast.engine.CellType;
import io.swagger.v3.oas.annotations.media.Schema;

/** Model shape as posted; every field has a default (README "Defaults"). */
@Schema(description = "Model shape; omitted fields take measured defaults")
record SpecPayload(
        @Schema(description = "Recurrent cell", example = "RNN") CellType cell,
        @Schema(description = "Units per recurrent layer (default " + Defaults.HIDDEN_SIZE + "; classification "
                + Defaults.CLASSIFIER_HIDDEN_SIZE + ")", example = "16") Integer hiddenSize,
        @Schema(description = "Stacked recurrent layers (default " + Defaults.LAYERS + ")", example = "1") Integer layers,
        @Schema(description = "Dropout between layers while training (default " + Defaults.DROPOUT + ")", example = "0.0") Double dropout,
        @Schema(description = "Input length; default two seasons or " + Defaults.NON_SEASONAL_WINDOW
                + ", shortened for short series. Classification: the longest sequence read (default the longest"
                + " posted, at most " + Defaults.CLASSIFIER_MAX_LENGTH + ")", example = "15")
                Integer window,
        @Schema(description = "Steps predicted at once; default one season, or 1", example = "5") Integer horizon,
        @Schema(description = "Classification of texts: size of the learned character embedding (default "
                + Defaults.EMBEDDING + ")", example = "32") Integer embedding) {

    /** A forecasting model's shape. */
    SpecPayload(CellType cell, Integer hiddenSize, Integer layers, Double dropout, Integer window, Integer horizon) {
        this(cell, hiddenSize, layers, dropout, window, horizon, null);
    }
}
