package io.seqcast.data;

import java.util.Arrays;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A series' {@code values} as posted, read token by token into one float array: no tree node or boxed
 * number per value. Rows oldest first, each a number (univariate) or an array of numbers (multivariate);
 * {@code null} is a missing value (NaN). What is not numbers is kept, with where it was, for
 * {@link PayloadParser} to refuse with the pointer of the request it parses.
 */
@JsonDeserialize(using = SeriesValues.Reader.class)
@JsonSerialize(using = SeriesValues.Writer.class)
public final class SeriesValues {

    /**
     * The first thing that is not a value.
     *
     * @param row the row it is in, or -1 for {@code values} itself
     * @param column its position in a multivariate row, or -1 for the row
     */
    record Problem(int row, int column, String message) {}

    private final float[] values;
    private final int rows;
    /** Numbers per row of a multivariate series; 0 when every row is a number. */
    private final int columns;
    private final Problem problem;

    private SeriesValues(float[] values, int rows, int columns, Problem problem) {
        this.values = values;
        this.rows = rows;
        this.columns = columns;
        this.problem = problem;
    }

    /** Univariate values; NaN for a missing one. */
    public static SeriesValues of(double... values) {
        double[][] column = new double[values.length][];
        for (int t = 0; t < values.length; t++) {
            column[t] = new double[] {values[t]};
        }
        return ofColumn(column);
    }

    /** Univariate values from the first number of every row. */
    static SeriesValues ofColumn(double[][] rows) {
        return of(rows, true);
    }

    /** Multivariate values, one row of feature values per step; NaN for a missing one. */
    public static SeriesValues ofRows(double[][] rows) {
        return of(rows, false);
    }

    private static SeriesValues of(double[][] rows, boolean univariate) {
        int columns = univariate || rows.length == 0 ? 1 : rows[0].length;
        float[] floats = new float[rows.length * columns];
        Problem problem = null;
        for (int t = 0; t < rows.length; t++) {
            for (int f = 0; f < columns; f++) {
                double value = f < rows[t].length ? rows[t][f] : Double.NaN;
                float single = (float) value;
                floats[t * columns + f] = single;
                if (problem == null && !Double.isNaN(value) && !Float.isFinite(single)) {
                    problem = new Problem(t, univariate ? -1 : f, "a finite number within +-3.4e38 is expected, got "
                            + value);
                }
            }
        }
        return new SeriesValues(floats, rows.length, univariate ? 0 : columns, problem);
    }

    /** Values that are missing (null), over every feature. */
    public int missing() {
        int missing = 0;
        for (float value : values) {
            missing += Float.isNaN(value) ? 1 : 0;
        }
        return missing;
    }

    int rows() {
        return rows;
    }

    int columns() {
        return columns;
    }

    Problem problem() {
        return problem;
    }

    float get(int row, int column) {
        return values[columns == 0 ? row : row * columns + column];
    }

    static final class Reader extends ValueDeserializer<SeriesValues> {

        @Override
        public SeriesValues deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.isExpectedStartArrayToken()) {
                parser.skipChildren();
                return new SeriesValues(new float[0], 0, 0, new Problem(-1, -1, "an array is expected"));
            }
            float[] values = new float[64];
            int count = 0;
            int rows = 0;
            int columns = -1;
            Problem problem = null;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == JsonToken.START_ARRAY) {
                    int start = count;
                    int column = 0;
                    for (JsonToken inner = parser.nextToken(); inner != JsonToken.END_ARRAY; inner = parser.nextToken()) {
                        if (count == values.length) {
                            values = Arrays.copyOf(values, values.length * 2);
                        }
                        String refused = read(parser, inner, values, count++);
                        if (refused != null && problem == null) {
                            problem = new Problem(rows, column, refused);
                        }
                        parser.skipChildren();
                        column++;
                    }
                    boolean first = columns == -1;
                    if (first) {
                        columns = count - start;
                    }
                    if (problem == null && (columns == 0 || count - start != columns)) {
                        problem = new Problem(rows, -1, columns == 0 && !first
                                ? "point " + rows + " must be a number, like the first"
                                : "point " + rows + " must be an array of " + Math.max(columns, 1)
                                        + " numbers, one per feature, like the first");
                    }
                } else {
                    if (count == values.length) {
                        values = Arrays.copyOf(values, values.length * 2);
                    }
                    String refused = read(parser, token, values, count++);
                    if (columns > 0 || refused != null) {
                        if (problem == null) {
                            problem = new Problem(rows, -1, refused != null ? refused
                                    : "point " + rows + " must be an array of numbers, like the first");
                        }
                    }
                    if (columns == -1) {
                        columns = 0;
                    }
                    parser.skipChildren();
                }
                rows++;
            }
            return new SeriesValues(Arrays.copyOf(values, count), rows, Math.max(columns, 0), problem);
        }

        /** Stores the value at {@code index}; returns why it is not one, or null. */
        private static String read(JsonParser parser, JsonToken token, float[] values, int index) {
            if (token == JsonToken.VALUE_NULL) {
                values[index] = Float.NaN;
                return null;
            }
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                double value = parser.getDoubleValue();
                float single = (float) value;
                values[index] = single;
                return Float.isFinite(single) ? null
                        : "a finite number within +-3.4e38 is expected, got " + value;
            }
            return "a number is expected" + (token == JsonToken.VALUE_STRING ? ", not a string" : "");
        }
    }

    static final class Writer extends ValueSerializer<SeriesValues> {

        @Override
        public void serialize(SeriesValues series, JsonGenerator generator, SerializationContext context) {
            generator.writeStartArray();
            for (int row = 0; row < series.rows; row++) {
                if (series.columns == 0) {
                    write(series.values[row], generator);
                } else {
                    generator.writeStartArray();
                    for (int column = 0; column < series.columns; column++) {
                        write(series.values[row * series.columns + column], generator);
                    }
                    generator.writeEndArray();
                }
            }
            generator.writeEndArray();
        }

        private static void write(float value, JsonGenerator generator) {
            if (Float.isNaN(value)) {
                generator.writeNull();
            } else {
                generator.writeNumber(value);
            }
        }
    }
}
