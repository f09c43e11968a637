package io.seqcast.data;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One sequence to classify or, with its label, to train a classifier on.
 *
 * @param id the client's name for it, echoed in predictions
 * @param text a text, read character by character
 * @param values numbers (univariate), or one array of feature values per step; instead of text
 * @param label its class (training)
 */
@Schema(description = "A text or values; with its label when training")
public record LabelledPayload(
        @Schema(description = "The client's name for it, echoed in predictions", example = "1") String id,
        @Schema(description = "A text, read character by character", example = "bonjour") String text,
        @Schema(description = "Instead of text: numbers, or one array of feature values per step") SeriesValues values,
        @Schema(description = "Its class (training only)", example = "french") String label) {}
