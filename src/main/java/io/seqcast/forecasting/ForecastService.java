package io.seqcast.forecasting;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.seqcast.api.ProblemException;
import io.seqcast.data.DataPayload;
import io.seqcast.data.EngineFields;
import io.seqcast.data.ParsedData;
import io.seqcast.data.PayloadParser;
import io.seqcast.data.Timing;
import io.seqcast.engine.EngineInfo;
import io.seqcast.engine.Forecast;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.ForecastTimeoutException;
import io.seqcast.engine.InvalidInputException;
import io.seqcast.engine.ModelManifest;
import io.seqcast.engine.RollOut;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceEngine;
import io.seqcast.engine.SequenceKind;
import io.seqcast.registry.ModelRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

@Service
class ForecastService {

    private final ModelRegistry registry;
    private final ModelCache cache;
    private final PayloadParser parser;
    private final Timer latency;
    private final DistributionSummary seriesPerRequest;
    private final ForecastingProperties limits;
    private final InferenceQueue queue;
    private final EngineInfo engine;

    ForecastService(ModelRegistry registry, ModelCache cache, PayloadParser parser, MeterRegistry meters,
            ForecastingProperties limits, InferenceQueue queue, SequenceEngine engine) {
        this.registry = registry;
        this.cache = cache;
        this.queue = queue;
        this.engine = engine.info();
        this.parser = parser;
        this.limits = limits;
        this.latency = Timer.builder("seqcast.forecast.latency").description("Time to answer a forecast request")
                .publishPercentileHistogram().register(meters);
        this.seriesPerRequest = DistributionSummary.builder("seqcast.forecast.series")
                .description("Series or trajectories per forecast request").publishPercentileHistogram()
                .register(meters);
    }

    ForecastResponse forecast(String name, Integer version, String alias, ForecastRequest request) {
        return latency.record(() -> {
            int resolved = registry.resolve(name, version, alias);
            ForecastModel model = cache.get(name, resolved);
            ModelManifest manifest = model.manifest();
            // Gaps in a history are filled from a season earlier by the model's season, as its training data was.
            ParsedData parsed = parser.parse(new DataPayload(request.features(), request.series(),
                    request.trajectories(), manifest.seasonalPeriod()), "");
            seriesPerRequest.record(parsed.data().sequences().size());
            requireSameShape(manifest, parsed);
            int horizon = request.horizon() != null ? request.horizon() : manifest.spec().horizon();
            List<float[][]> histories = parsed.data().sequences().stream().map(Sequence::values).toList();
            requireWithinBudget(model, histories.size(), horizon, manifest.features().size());
            Bands bands = Bands.of(request);
            if (parsed.trajectories() && request.quantiles() != null && !request.quantiles().isEmpty()) {
                throw new InvalidInputException("/quantiles", "quantiles are given for series; for trajectories ask"
                        + " for levels, which give a radius around each predicted point");
            }
            long deadline = System.nanoTime() + limits.timeout().toNanos();
            List<float[][]> forecasts;
            try {
                try {
                    forecasts = batched(model, histories, horizon, deadline);
                } catch (IllegalStateException closed) {
                    cache.invalidate(name, resolved, model);
                    forecasts = batched(cache.get(name, resolved), histories, horizon, deadline);
                }
            } catch (ForecastTimeoutException e) {
                throw new ForecastTimedOut(limits.timeout());
            } catch (InvalidInputException refused) {
                throw refused.at(EngineFields.pointer(refused.field(), "", parsed));
            }
            requireFinite(forecasts, name, resolved);
            List<Forecast> answered;
            try {
                answered = bands.around(manifest, histories, forecasts);
            } catch (InvalidInputException refused) {
                throw refused.at(EngineFields.pointer(refused.field(), "", parsed));
            }
            ForecastResponse.Receipt receipt = new ForecastResponse.Receipt(name, resolved,
                    cache.manifestSha256(name, resolved), InputDigest.of(parsed.data(), horizon), engine.engine(),
                    engine.engineVersion(), engine.device(), Instant.now());
            return new ForecastResponse(name, resolved, describe(parsed, answered), receipt);
        });
    }

    /** The model's forecast, its network passes run in batches with those of other requests. */
    private List<float[][]> batched(ForecastModel model, List<float[][]> histories, int horizon, long deadline) {
        RollOut rollOut = model.rollOut(histories, horizon, Duration.ofNanos(deadline - System.nanoTime()));
        for (int windows = rollOut.windows(); windows > 0; windows = rollOut.windows()) {
            rollOut.accept(queue.run(model, rollOut.input(), windows, deadline, limits.timeout()));
        }
        return rollOut.result();
    }

    /** Refused before any work: the values asked for, and the work they take, each within its budget. */
    private void requireWithinBudget(ForecastModel model, int series, int horizon, int features) {
        long values = (long) series * horizon * features;
        if (values > limits.maxValues()) {
            throw new ForecastTooLarge("%,d series x %,d steps x %,d features ask for %,d values; one request may ask for"
                    + " %,d (seqcast.forecasting.max-values): send fewer series or a shorter horizon",
                    series, horizon, features, values, limits.maxValues());
        }
        long work = model.forecastWork(series, horizon);
        if (work > limits.maxWork()) {
            long fitting = limits.maxWork() / Math.max(1, model.forecastWork(1, horizon));
            throw new ForecastTooLarge("%,d series %,d steps ahead with this model take %,d units of work (multiply-adds"
                    + " of one forward pass per series and roll-out pass, and of refitting exponential smoothing per series"
                    + " where the model blends it in or its network reads it); one request may take %,d"
                    + " (seqcast.forecasting.max-work): %s%s", series, horizon, work, limits.maxWork(),
                    fitting > 0 ? String.format("send fewer series (at most %,d at this horizon)", fitting)
                            : "one series alone takes more at this horizon",
                    horizon > model.manifest().spec().horizon()
                            ? ", or ask for a horizon closer to the model's (" + model.manifest().spec().horizon() + ")" : "");
        }
    }

    static final class ForecastTooLarge extends ProblemException {
        ForecastTooLarge(String format, Object... arguments) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "Forecast too large", String.format(format, arguments));
        }
    }

    static final class ForecastTimedOut extends ProblemException {
        ForecastTimedOut(Duration timeout) {
            super(HttpStatus.SERVICE_UNAVAILABLE, "Forecast timed out", "the forecast did not finish within "
                    + timeout.toMillis() + " ms (seqcast.forecasting.timeout) and was stopped: send fewer series or a"
                    + " shorter horizon, or retry when the service is less busy");
            getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        }
    }

    /** A model whose weights went bad must not answer NaN (or "NaN"): JSON has no such number. */
    private static void requireFinite(List<float[][]> forecasts, String name, int version) {
        for (float[][] forecast : forecasts) {
            for (float[] step : forecast) {
                for (float value : step) {
                    if (!Float.isFinite(value)) {
                        throw new NonFiniteForecast(name, version);
                    }
                }
            }
        }
    }

    static final class NonFiniteForecast extends ProblemException {
        NonFiniteForecast(String name, int version) {
            super(HttpStatus.INTERNAL_SERVER_ERROR, "Unusable model", "version " + version + " of model '" + name
                    + "' produced a non-finite forecast; retrain it");
        }
    }

    private static void requireSameShape(ModelManifest manifest, ParsedData parsed) {
        boolean trajectories = manifest.kind() == SequenceKind.TRAJECTORY;
        if (trajectories != parsed.trajectories()) {
            throw new InvalidInputException(trajectories ? "/trajectories" : "/series", "this model forecasts "
                    + (trajectories ? "trajectories" : "series") + "; post " + (trajectories ? "trajectories" : "series"));
        }
        if (!manifest.features().equals(parsed.data().features())) {
            throw new InvalidInputException(trajectories ? "/trajectories/0/points/0" : "/features",
                    "the model was trained on features " + manifest.features() + ", got " + parsed.data().features());
        }
    }

    /** Forecast values go out as floats (float[] per series, float[][] when multivariate), never boxed. */
    private static List<ForecastResponse.Forecast> describe(ParsedData parsed, List<Forecast> forecasts) {
        List<ForecastResponse.Forecast> out = new ArrayList<>(forecasts.size());
        List<String> features = parsed.data().features();
        int z = features.indexOf("z");
        int t = features.indexOf("t");
        for (int i = 0; i < forecasts.size(); i++) {
            Sequence input = parsed.data().sequences().get(i);
            Forecast forecast = forecasts.get(i);
            if (parsed.trajectories()) {
                List<ForecastResponse.Point> points = new ArrayList<>(forecast.values().length);
                for (float[] row : forecast.values()) {
                    points.add(new ForecastResponse.Point(row[0], row[1], z < 0 ? null : row[z], t < 0 ? null : row[t]));
                }
                out.add(new ForecastResponse.Forecast(input.id(), null, null, points, null, null,
                        orNull(forecast.radii().stream().map(r -> new ForecastResponse.Radii(r.level(), r.radii())))));
            } else {
                Timing timing = parsed.timing().get(i);
                int width = features.size();
                out.add(new ForecastResponse.Forecast(input.id(), shaped(forecast.values(), width),
                        timing == null ? null : timing.after(input.length(), forecast.values().length), null,
                        orNull(forecast.intervals().stream().map(band -> new ForecastResponse.Band(band.level(),
                                band.calibration().name(), shaped(band.lower(), width), shaped(band.upper(), width)))),
                        orNull(forecast.quantiles().stream().map(q -> new ForecastResponse.QuantileForecast(
                                q.quantile(), shaped(q.values(), width)))),
                        null));
            }
        }
        return out;
    }

    /** What was not asked for is left out of the answer, not given as an empty list. */
    private static <T> List<T> orNull(java.util.stream.Stream<T> items) {
        List<T> list = items.toList();
        return list.isEmpty() ? null : list;
    }

    /** A univariate series' steps as a column (float[]), a multivariate one's as rows (float[][]). */
    private static Object shaped(float[][] steps, int features) {
        if (features != 1) {
            return steps;
        }
        float[] column = new float[steps.length];
        for (int step = 0; step < steps.length; step++) {
            column[step] = steps[step][0];
        }
        return column;
    }
}
