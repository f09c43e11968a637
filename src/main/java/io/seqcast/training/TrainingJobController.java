package io.seqcast.training;

import io.seqcast.api.RequiresRole;
import io.seqcast.api.Role;
import io.seqcast.data.CsvPayloads;
import io.seqcast.engine.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequiresRole(Role.TRAINER)
@RequestMapping(path = "/api/v1/training-jobs")
@Tag(name = "Training jobs", description = "Asynchronous training of a new model version")
class TrainingJobController {

    private final TrainingJobService jobs;

    TrainingJobController(TrainingJobService jobs) {
        this.jobs = jobs;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "202", description = "Queued; Location names the job")
    @Operation(summary = "Submit a training job",
            description = "Validates the request, queues the job and answers 202 with its Location. A full queue"
                    + " answers 503 with Retry-After.",
            // Both media types on both methods: springdoc merges the two into one operation.
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                @Content(mediaType = "text/csv", examples = @ExampleObject(name = "monthly",
                        ref = "#/components/examples/training-csv")),
                @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = {
                    @ExampleObject(name = "trajectory", ref = "#/components/examples/training-trajectory"),
                    @ExampleObject(name = "sine", ref = "#/components/examples/training-sine"),
                    @ExampleObject(name = "words", ref = "#/components/examples/training-words")})}))
    ResponseEntity<TrainingJob> submit(@RequestBody TrainingRequest request) {
        TrainingJob job = jobs.submit(request);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(job.id()).toUri();
        return ResponseEntity.accepted().location(location).body(job);
    }

    @PostMapping(consumes = "text/csv", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "202", description = "Queued; Location names the job")
    @Operation(summary = "Submit a training job from a CSV file",
            description = "Header row required. Columns: an optional 'series' (rows with the same value form one"
                    + " series), an optional 'time' (ISO-8601 instants), and the features; columns x, y and"
                    + " optionally z and t make trajectories. Model settings are query parameters.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                @Content(mediaType = "text/csv", examples = @ExampleObject(name = "monthly",
                        ref = "#/components/examples/training-csv")),
                @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = {
                    @ExampleObject(name = "trajectory", ref = "#/components/examples/training-trajectory"),
                    @ExampleObject(name = "sine", ref = "#/components/examples/training-sine"),
                    @ExampleObject(name = "words", ref = "#/components/examples/training-words")})}))
    ResponseEntity<TrainingJob> submitCsv(@RequestBody String csv,
            @RequestParam @Parameter(example = "demand") String model,
            @RequestParam(required = false) @Parameter(description = "ISO-8601 duration between rows, such as P1M;"
                    + " inferred from the time column when omitted") String frequency,
            @RequestParam(required = false) Integer seasonality,
            @ParameterObject SpecPayload spec, @ParameterObject TrainingPayload training,
            @RequestParam(required = false) @Parameter(description = "forecasting or classification; by default"
                    + " classification for a text,label CSV, else forecasting") String task) {
        // The model shape and training settings bind from query parameters of the same names as in JSON.
        TrainingRequest request = new TrainingRequest(model, CsvPayloads.parse(csv, frequency, seasonality), spec,
                training, task);
        try {
            return submit(request);
        } catch (InvalidInputException refused) {
            throw inCsvTerms(refused);
        }
    }

    /** A CSV request has no JSON: settings are query parameters, and the data is the body as a whole. */
    static InvalidInputException inCsvTerms(InvalidInputException refused) {
        String field = refused.field();
        if (field.startsWith("/spec/") || field.startsWith("/training/")) {
            return refused.atParameter(field.substring(field.lastIndexOf('/') + 1));
        }
        if (field.equals("/data/seasonality") || field.equals("/task")) {
            return refused.atParameter(field.substring(field.lastIndexOf('/') + 1));
        }
        return field.startsWith("/data") ? refused.at("/csv") : refused;
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Get a training job: status, progress, loss history, result or error")
    TrainingJob get(@PathVariable String id) {
        return jobs.get(id);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List training jobs, newest first")
    JobPage list(@RequestParam(required = false) @Parameter(example = "flight-track") String model,
            @RequestParam(required = false) JobStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        List<TrainingJob> all = jobs.list(model, status);
        int from = (int) Math.min((long) page * size, all.size());
        return new JobPage(all.subList(from, Math.min(all.size(), from + size)), page, size, all.size());
    }

    @PostMapping(path = "/{id}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "202", description = "Cancellation requested")
    @Operation(summary = "Cancel a job: a queued job never starts, a running one stops between batches;"
            + " a cancelled job registers nothing")
    ResponseEntity<TrainingJob> cancel(@PathVariable String id) {
        return ResponseEntity.accepted().body(jobs.cancel(id));
    }

    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Stream the job as server-sent events (event 'job') until it ends",
            description = "The first event is the job with its loss history so far; each later one carries the"
                    + " job as it now stands with only the epochs not sent before in lossHistory.")
    SseEmitter events(@PathVariable String id) {
        TrainingJob current = jobs.get(id);
        SseEmitter emitter = new SseEmitter(0L);
        send(emitter, current);
        if (current.status().finished()) {
            emitter.complete();
            return emitter;
        }
        Runnable unsubscribe = jobs.subscribe(id, current.lossHistory().size(), job -> {
            send(emitter, job);
            if (job.status().finished()) {
                emitter.complete();
            }
        });
        emitter.onCompletion(unsubscribe);
        emitter.onTimeout(unsubscribe);
        emitter.onError(e -> unsubscribe.run());
        return emitter;
    }

    private static void send(SseEmitter emitter, TrainingJob job) {
        try {
            emitter.send(SseEmitter.event().name("job").id(job.status() + "-" + job.progress().epoch()).data(job,
                    MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            throw new IllegalStateException("client gone", e);
        }
    }
}
