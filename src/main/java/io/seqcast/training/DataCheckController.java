package io.seqcast.training;

import io.seqcast.api.RequiresRole;
import io.seqcast.api.Role;
import io.seqcast.data.CsvPayloads;
import io.seqcast.engine.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequiresRole(Role.TRAINER)
@Tag(name = "Training jobs", description = "Asynchronous training of a new model version")
class DataCheckController {

    private final DataChecks checks;

    DataCheckController(DataChecks checks) {
        this.checks = checks;
    }

    @PostMapping(path = "/api/v1/data-checks", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Check a training request without training",
            description = "Takes the body of a training job. Answers per series its length, missing values,"
                    + " frequency, longest constant stretch and outlying changes; for the job the season, window,"
                    + " horizon, windows, estimated memory against the budget, and whether it would be accepted,"
                    + " with the reason and its pointer when not. Nothing is queued or stored.",
            // Both media types on both methods: springdoc merges the two into one operation.
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                @Content(mediaType = "text/csv", examples = @ExampleObject(name = "monthly",
                        ref = "#/components/examples/training-csv")),
                @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = {
                    @ExampleObject(name = "sine", ref = "#/components/examples/training-sine"),
                    @ExampleObject(name = "words", ref = "#/components/examples/training-words")})}))
    DataCheck check(@RequestBody TrainingRequest request) {
        return checks.check(request);
    }

    @PostMapping(path = "/api/v1/data-checks", consumes = "text/csv", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Check a CSV training submission without training",
            description = "Takes what a CSV training job takes (the file, and the settings as query parameters) and"
                    + " answers as for JSON; the pointer of a refusal is then a query parameter's name or /csv.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                @Content(mediaType = "text/csv", examples = @ExampleObject(name = "monthly",
                        ref = "#/components/examples/training-csv")),
                @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = {
                    @ExampleObject(name = "sine", ref = "#/components/examples/training-sine"),
                    @ExampleObject(name = "words", ref = "#/components/examples/training-words")})}))
    DataCheck checkCsv(@RequestBody String csv, @RequestParam @Parameter(example = "demand") String model,
            @RequestParam(required = false) String frequency, @RequestParam(required = false) Integer seasonality,
            @ParameterObject SpecPayload spec, @ParameterObject TrainingPayload training,
            @RequestParam(required = false) @Parameter(description = "forecasting or classification; by default"
                    + " classification for a text,label CSV, else forecasting") String task) {
        DataCheck check;
        try {
            check = checks.check(new TrainingRequest(model, CsvPayloads.parse(csv, frequency, seasonality), spec,
                    training, task));
        } catch (InvalidInputException refused) {
            return checks.refusal(TrainingJobController.inCsvTerms(refused));
        }
        return check.pointer() == null ? check
                : checks.withPointer(check, TrainingJobController.inCsvTerms(new InvalidInputException(check.pointer(),
                        check.reason())));
    }
}
