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
@Tag(name = "Forecasts", description = "Forecasts from a registered model version")
class ForecastController {

    private final ForecastService forecasts;

    ForecastController(ForecastService forecasts) {
        this.forecasts = forecasts;
    }

    @PostMapping(path = "/api/v1/models/{name}/forecast", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Forecast one or many series or trajectories",
            description = "Uses the given version, else the given alias, else alias 'production', else the latest"
                    + " available version. The last window points of each series are used.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = {
                        @ExampleObject(name = "trajectory", ref = "#/components/examples/forecast-trajectory"),
                        @ExampleObject(name = "sine", ref = "#/components/examples/forecast-sine")})))
    ForecastResponse forecast(@PathVariable @Parameter(example = "flight-track") String name,
            @RequestParam(required = false) @Parameter(description = "Version number") Integer version,
            @RequestParam(required = false) @Parameter(description = "Alias, such as production") String alias,
            @RequestBody ForecastRequest request) {
        return forecasts.forecast(name, version, alias, request);
    }
}
