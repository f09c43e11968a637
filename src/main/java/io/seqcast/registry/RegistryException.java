package io.seqcast.registry;

import io.seqcast.api.ProblemException;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/** Registry errors, each an RFC 9457 problem with its status. Messages never name a file or path. */
public abstract class RegistryException extends ProblemException {

    RegistryException(HttpStatus status, String title, String detail) {
        super(status, title, detail);
    }

    /** A name that does not match {@link ModelName#PATTERN}. */
    public static final class InvalidName extends RegistryException {
        InvalidName(String what, String name) {
            super(HttpStatus.BAD_REQUEST, "Invalid name", what + " names must match " + ModelName.PATTERN
                    + " (lower-case letters, digits, '.', '_' and '-', at most 63 characters)" + shown(name));
        }

        private static String shown(String name) {
            return name != null && name.length() <= 80 && name.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
                    ? ", got '" + name + "'" : "";
        }
    }

    public static final class ModelNotFound extends RegistryException {
        public ModelNotFound(String model) {
            super(HttpStatus.NOT_FOUND, "Model not found", "no model named '" + model + "' is registered");
        }
    }

    public static final class VersionNotFound extends RegistryException {
        public VersionNotFound(String model, String version) {
            super(HttpStatus.NOT_FOUND, "Version not found", "model '" + model + "' has no " + version);
        }
    }

    public static final class NoBacktest extends RegistryException {
        public NoBacktest(String model, int version) {
            super(HttpStatus.NOT_FOUND, "No backtest", "version " + version + " of model '" + model + "' has no"
                    + " backtest: it forecasts trajectories, its series were too short to score a forecast origin,"
                    + " or it was trained before backtests were kept; retrain it to get one");
        }
    }

    public static final class VersionUnavailable extends RegistryException {
        public VersionUnavailable(String model, int version, String reason) {
            super(HttpStatus.CONFLICT, "Version unavailable", "version " + version + " of model '" + model
                    + "' cannot be used: " + reason);
        }
    }

    public static final class VersionInUse extends RegistryException {
        VersionInUse(String model, int version, String alias) {
            super(HttpStatus.CONFLICT, "Version in use", "version " + version + " of model '" + model
                    + "' is the target of alias '" + alias + "'; move or delete the alias first");
        }
    }

    /** A classifier asked to forecast, or a forecaster to classify. */
    public static final class WrongTask extends RegistryException {
        WrongTask(String model, int version, io.seqcast.engine.Task task) {
            super(HttpStatus.BAD_REQUEST, "Wrong task", "version " + version + " of model '" + model + "' "
                    + (task == io.seqcast.engine.Task.CLASSIFICATION
                            ? "classifies sequences: POST them to /api/v1/models/" + model + "/classify"
                            : "forecasts: POST series or trajectories to /api/v1/models/" + model + "/forecast"));
        }
    }

    public static final class NoStoredSeries extends RegistryException {
        NoStoredSeries(String model, int version, String reason) {
            super(HttpStatus.NOT_FOUND, "No stored series", "version " + version + " of model '" + model + "' "
                    + reason.replaceFirst("^it ", ""));
        }
    }

    public static final class TaskMismatch extends RegistryException {
        TaskMismatch(String model, io.seqcast.engine.Task existing, io.seqcast.engine.Task asked) {
            super(HttpStatus.CONFLICT, "Task mismatch", "model '" + model + "' " + (existing
                    == io.seqcast.engine.Task.CLASSIFICATION ? "classifies" : "forecasts") + "; a "
                    + asked.name().toLowerCase(java.util.Locale.ROOT) + " version needs a model name of its own");
        }
    }

    public static final class ComparisonBusy extends RegistryException {
        ComparisonBusy() {
            super(HttpStatus.SERVICE_UNAVAILABLE, "Comparison busy", "another comparison of versions is running;"
                    + " ask again in a few seconds (a comparison made once is kept)");
            getHeaders().set(org.springframework.http.HttpHeaders.RETRY_AFTER, "2");
        }
    }

    public static final class AliasMoved extends RegistryException {
        AliasMoved(String model, String alias) {
            super(HttpStatus.CONFLICT, "Alias moved", "alias '" + alias + "' of model '" + model
                    + "' moved while the versions were being compared; ask again");
        }
    }

    public static final class NotComparable extends RegistryException {
        NotComparable(String model, int version, String reason) {
            super(HttpStatus.CONFLICT, "Not comparable", "version " + version + " of model '" + model
                    + "' cannot be compared: " + reason);
        }
    }

    /** A promotion refused because the candidate did not beat the version it had to beat. */
    public static final class NotBetter extends RegistryException {
        NotBetter(String model, VersionComparison comparison) {
            super(HttpStatus.CONFLICT, "Not better", String.format(Locale.ROOT, "version %d of model '%s' scored"
                    + " mean MASE %.4f on %d backtest origins, version %d ('%s') %.4f; only a lower score promotes it",
                    comparison.candidate().version(), model, comparison.candidate().mase(), comparison.origins(),
                    comparison.against().version(), comparison.against().alias(), comparison.against().mase()));
            getBody().setProperty("candidate", comparison.candidate().summary());
            getBody().setProperty("against", comparison.against().summary());
            getBody().setProperty("origins", comparison.origins());
        }
    }
}
