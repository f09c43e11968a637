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
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.ForecastTimeoutException;
import io.seqcast.engine.InvalidInputException;
import io.seqcast.engine.ModelManifest;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceKind;
import io.seqcast.registry.ModelRegistry;
import java.time.Duration;
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

    ForecastService(ModelRegistry registry, ModelCache cache, PayloadParser parser, MeterRegistry meters,
            ForecastingProperties limits) {
        this.registry = registry;
        this.cache = cache;
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
            ParsedData parsed = parser.parse(new DataPayload(request.features(), request.series(),
                    request.trajectories(), null), "");
            seriesPerRequest.record(parsed.data().sequences().size());
            ForecastModel model = cache.get(name, resolved);
            ModelManifest manifest = model.manifest();
            requireSameShape(manifest, parsed);
            int horizon = request.horizon() != null ? request.horizon() : manifest.spec().horizon();
            List<float[][]> histories = parsed.data().sequences().stream().map(Sequence::values).toList();
            requireWithinBudget(model, histories.size(), horizon, manifest.features().size());
            List<float[][]> forecasts;
            try {
                try {
                    forecasts = model.forecast(histories, horizon, limits.timeout());
                } catch (IllegalStateException closed) {
                    cache.invalidate(name, resolved, model);
                    forecasts = cache.get(name, resolved).forecast(histories, horizon, limits.timeout());
                }
            } catch (ForecastTimeoutException e) {
                throw new ForecastTimedOut(limits.timeout());
            } catch (InvalidInputException refused) {
                throw refused.at(EngineFields.pointer(refused.field(), "", parsed));
            }
            requireFinite(forecasts, name, resolved);
            return new ForecastResponse(name, resolved, describe(parsed, forecasts));
        });
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
            throw new ForecastTooLarge("%,d series %,d steps ahead with this model take %,d units of work (multiply-adds"
                    + " of one forward pass per series and roll-out pass); one request may take %,d"
                    + " (seqcast.forecasting.max-work): send fewer series or a horizon closer to the model's (%d)",
                    series, horizon, work, limits.maxWork(), model.manifest().spec().horizon());
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

    /** The shortest decimal that reads back as the same float (2.03, not 2.0299999713897705). */
    private static double decimal(float value) {
        return Double.parseDouble(Float.toString(value));
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

    private static List<ForecastResponse.Forecast> describe(ParsedData parsed, List<float[][]> forecasts) {
        List<ForecastResponse.Forecast> out = new ArrayList<>(forecasts.size());
        List<String> features = parsed.data().features();
        for (int i = 0; i < forecasts.size(); i++) {
            Sequence input = parsed.data().sequences().get(i);
            float[][] forecast = forecasts.get(i);
            if (parsed.trajectories()) {
                List<ForecastResponse.Point> points = new ArrayList<>(forecast.length);
                for (float[] row : forecast) {
                    points.add(new ForecastResponse.Point(decimal(row[0]), decimal(row[1]),
                            features.contains("z") ? decimal(row[features.indexOf("z")]) : null,
                            features.contains("t") ? decimal(row[features.indexOf("t")]) : null));
                }
                out.add(new ForecastResponse.Forecast(input.id(), null, null, points));
            } else {
                List<Object> values = new ArrayList<>(forecast.length);
                for (float[] row : forecast) {
                    if (row.length == 1) {
                        values.add(decimal(row[0]));
                    } else {
                        List<Double> step = new ArrayList<>(row.length);
                        for (float v : row) {
                            step.add(decimal(v));
                        }
                        values.add(step);
                    }
                }
                Timing timing = parsed.timing().get(i);
                out.add(new ForecastResponse.Forecast(input.id(), values,
                        timing == null ? null : timing.after(input.length(), forecast.length), null));
            }
        }
        return out;
    }
}
