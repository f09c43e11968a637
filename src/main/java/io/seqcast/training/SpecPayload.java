package io.seqcast.training;

import io.seqcast.engine.CellType;
import io.swagger.v3.oas.annotations.media.Schema;

/** Model shape as posted; every field has a default (README "Defaults"). */
@Schema(description = "Model shape; omitted fields take measured defaults")
record SpecPayload(
        @Schema(description = "Recurrent cell", example = "RNN") CellType cell,
        @Schema(description = "Units per recurrent layer (default 32)", example = "16") Integer hiddenSize,
        @Schema(description = "Stacked recurrent layers (default 1)", example = "1") Integer layers,
        @Schema(description = "Dropout between layers while training (default 0)", example = "0.0") Double dropout,
        @Schema(description = "Input length; default two seasons or 16, shortened for short series", example = "15")
                Integer window,
        @Schema(description = "Steps predicted at once; default one season, or 1", example = "5") Integer horizon) {}
