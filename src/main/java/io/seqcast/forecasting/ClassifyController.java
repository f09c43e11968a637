package io.seqcast.forecasting;

import io.seqcast.api.RequiresRole;
import io.seqcast.api.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequiresRole(Role.FORECASTER)
@Tag(name = "Classifications", description = "Classes of sequences from a registered classifier")
class ClassifyController {

    private final ClassificationService classifications;

    ClassifyController(ClassificationService classifications) {
        this.classifications = classifications;
    }

    @PostMapping(path = "/api/v1/models/{name}/classify", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Classify texts or numeric sequences",
            description = "Uses the given version, else the given alias, else alias 'production', else the latest"
                    + " available version; a forecasting model answers 400. Texts longer than the model reads are"
                    + " cut to their first characters; characters it never saw are read as unknown.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = {
                        @ExampleObject(name = "words", ref = "#/components/examples/classify-words")})))
    ClassifyResponse classify(@PathVariable @Parameter(example = "languages") String name,
            @RequestParam(required = false) @Parameter(description = "Version number") Integer version,
            @RequestParam(required = false) @Parameter(description = "Alias, such as production") String alias,
            @RequestBody ClassifyRequest request) {
        return classifications.classify(name, version, alias, request);
    }
}
