package io.seqcast.registry;

import io.seqcast.api.RequiresRole;
import io.seqcast.api.Role;
import io.seqcast.engine.Backtest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequiresRole(Role.FORECASTER)
@RequestMapping(path = "/api/v1/models", produces = "application/json")
@Tag(name = "Models", description = "Registered models, their immutable numbered versions and aliases")
class ModelController {

    private final ModelRegistry registry;
    private final Promotions promotions;

    ModelController(ModelRegistry registry, Promotions promotions) {
        this.registry = registry;
        this.promotions = promotions;
    }

    @GetMapping
    @Operation(summary = "List models")
    List<ModelInfo> models() {
        return registry.models();
    }

    @GetMapping("/{name}")
    @Operation(summary = "Get a model: its versions, latest available version and aliases")
    ModelInfo model(@PathVariable @Parameter(example = "flight-track") String name) {
        return registry.model(name);
    }

    @GetMapping("/{name}/versions")
    @Operation(summary = "List a model's versions; broken ones are listed as unavailable")
    List<VersionInfo> versions(@PathVariable @Parameter(example = "flight-track") String name) {
        return registry.versions(name);
    }

    @GetMapping("/{name}/versions/{version}")
    @Operation(summary = "Get a version with its manifest: spec, training settings, features, normalization,"
            + " metrics, data fingerprint, engine and file checksums")
    VersionInfo version(@PathVariable @Parameter(example = "flight-track") String name,
            @PathVariable @Parameter(example = "1") int version) {
        return registry.version(name, version);
    }

    @GetMapping("/{name}/versions/{version}/backtest")
    @Operation(summary = "Get a version's backtest: errors at each step ahead (MASE, sMAPE, RMSE) of the model and"
            + " of every built-in baseline on rolling origins at the end of its training data",
            description = "The origins are those the model's blend was chosen on, so MODEL's figures are"
                    + " optimistic by that choice. Series too short to score any origin give origins 0, no scores and"
                    + " the model-based calibration of their intervals (calibration.source MODEL); 404 for versions"
                    + " without a backtest (trajectories; networkOnly or constant series too short to score)")
    Backtest backtest(@PathVariable @Parameter(example = "us-accidents") String name,
            @PathVariable @Parameter(example = "1") int version) {
        VersionInfo info = registry.version(name, version);
        if (!info.available()) {
            throw new RegistryException.VersionUnavailable(name, version, info.reason());
        }
        if (info.manifest().backtest() == null) {
            throw new RegistryException.NoBacktest(name, version);
        }
        return info.manifest().backtest();
    }

    @GetMapping("/{name}/versions/{version}/comparison")
    @Operation(summary = "Compare a version with another on this version's backtest origins",
            description = "Both versions forecast the same histories (the series and rolling origins of this"
                    + " version's backtest, stored with it) and are scored by MASE, overall and at each step"
                    + " ahead; the figures a promotion with requireBetterThan decides on. 409 when this version"
                    + " has no stored backtest cases (trajectories, series too short, trained before they were"
                    + " kept) or the two forecast different features")
    VersionComparison comparison(@PathVariable @Parameter(example = "us-accidents") String name,
            @PathVariable @Parameter(example = "2") int version,
            @RequestParam(defaultValue = ModelRegistry.DEFAULT_ALIAS) @Parameter(
                    description = "The version to compare with: an alias or a version number", example = "1")
                    String against) {
        return promotions.compare(name, version, against);
    }

    @RequiresRole(Role.TRAINER)
    @GetMapping("/{name}/versions/{version}/series")
    @Operation(summary = "Get the series a version's backtest scored, as stored with it",
            description = "Up to 256 of its training series, each cut to 2,048 points before its earliest backtest"
                    + " origin plus what follows: history to forecast from, or to compare versions on. 404 for"
                    + " versions that stored none (trajectories, classifiers, series too short to score). Training"
                    + " data: TRAINER and above")
    StoredSeries series(@PathVariable @Parameter(example = "us-accidents") String name,
            @PathVariable @Parameter(example = "1") int version) {
        return new StoredSeries(promotions.storedSeries(name, version));
    }

    @Schema(description = "Series oldest first: per series, one value (univariate) or one array of values per step")
    record StoredSeries(List<float[][]> series) {}

    @RequiresRole(Role.ADMIN)
    @DeleteMapping("/{name}/versions/{version}")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @Operation(summary = "Delete a version (409 while an alias points to it)")
    ResponseEntity<Void> delete(@PathVariable @Parameter(example = "flight-track") String name,
            @PathVariable @Parameter(example = "1") int version) {
        registry.delete(name, version);
        return ResponseEntity.noContent().build();
    }

    @RequiresRole(Role.ADMIN)
    @PutMapping(path = "/{name}/aliases/{alias}", consumes = "application/json")
    @Operation(summary = "Point an alias at a version; forecasts use alias 'production' by default",
            description = "With requireBetterThan, the version must score a strictly lower mean MASE than the"
                    + " version that alias names, both forecasting this version's backtest origins (see"
                    + " .../comparison); otherwise 409 problem+json with both scores and nothing changes. An unset"
                    + " requireBetterThan alias has nothing to beat.")
    Map<String, Integer> setAlias(@PathVariable @Parameter(example = "flight-track") String name,
            @PathVariable @Parameter(example = "production") String alias, @Valid @RequestBody AliasTarget target) {
        promotions.promote(name, alias, target.version(), target.requireBetterThan());
        return registry.aliases(name);
    }

    @RequiresRole(Role.ADMIN)
    @DeleteMapping("/{name}/aliases/{alias}")
    @ApiResponse(responseCode = "204", description = "Removed")
    @Operation(summary = "Remove an alias")
    ResponseEntity<Void> deleteAlias(@PathVariable @Parameter(example = "flight-track") String name,
            @PathVariable @Parameter(example = "production") String alias) {
        registry.deleteAlias(name, alias);
        return ResponseEntity.noContent().build();
    }

    @Schema(description = "The version an alias points to")
    record AliasTarget(@NotNull @Min(1) @Schema(example = "1") Integer version,
            @Schema(description = "Move the alias only if the version beats the one this alias names",
                    example = "production", nullable = true) String requireBetterThan) {}
}
