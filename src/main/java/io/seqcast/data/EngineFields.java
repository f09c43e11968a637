package io.seqcast.data;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the engine's names for what it refused ({@code sequences[2].values[17][0]}, {@code features},
 * {@code spec.horizon}) into JSON pointers into the request that carried the data, which only this
 * module knows the shape of: series or trajectories, points, univariate values.
 */
public final class EngineFields {

    private static final Pattern SEQUENCE =
            Pattern.compile("sequences\\[(\\d+)](?:\\.values(?:\\[(\\d+)](?:\\[(\\d+)])?)?)?");

    private EngineFields() {}

    /**
     * @param field an engine field name, or already a JSON pointer (left as it is)
     * @param data the pointer of the data object in the body: {@code /data} in a training request,
     *     empty in a forecast request
     */
    public static String pointer(String field, String data, ParsedData parsed) {
        if (field.startsWith("/")) {
            return field;
        }
        boolean trajectories = parsed.trajectories();
        String sequences = data + (trajectories ? "/trajectories" : "/series");
        // A univariate request has no features array: its one feature is the series itself.
        boolean univariate = !trajectories && parsed.data().features().equals(List.of("value"));
        switch (field) {
            case "features":
                return univariate ? sequences : data + "/features";
            case "seasonalPeriod":
                return data + "/seasonality";
            case "sequences":
                return sequences;
            default:
                break;
        }
        Matcher sequence = SEQUENCE.matcher(field);
        if (!sequence.matches()) {
            return "/" + field.replace('.', '/');
        }
        StringBuilder pointer = new StringBuilder(sequences).append('/').append(sequence.group(1));
        if (field.contains(".values")) {
            pointer.append(trajectories ? "/points" : "/values");
        }
        if (sequence.group(2) != null) {
            pointer.append('/').append(sequence.group(2));
        }
        List<String> features = parsed.data().features();
        if (sequence.group(3) != null && (trajectories || features.size() > 1)) {
            int feature = Integer.parseInt(sequence.group(3));
            pointer.append('/').append(trajectories && feature < features.size() ? features.get(feature) : feature);
        }
        return pointer.toString();
    }

    /**
     * The same for labelled sequences, which the request holds as {@code sequences} with {@code text} or
     * {@code values}: {@code sequences[3].text} is {@code /data/sequences/3/text}.
     */
    public static String labelledPointer(String field, String data) {
        if (field.startsWith("/")) {
            return field;
        }
        if (field.startsWith("sequences")) {
            return data + "/" + field.replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
        }
        return "/" + field.replace('.', '/');
    }
}
