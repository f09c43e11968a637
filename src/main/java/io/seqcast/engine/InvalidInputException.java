package io.seqcast.engine;

/**
 * Input refused before any native call. {@link #field()} names what was wrong in the words of whoever
 * refused it: the engine names its own fields ({@code spec.horizon}, {@code training.epochs},
 * {@code sequences[2].values[17][0]}, {@code horizon}); the modules that received a request turn them
 * into a JSON pointer into the body, or into the name of a query parameter ({@link #parameter()}).
 */
public class InvalidInputException extends IllegalArgumentException {

    private final String field;
    private final boolean parameter;

    public InvalidInputException(String field, String message) {
        this(field, message, false);
    }

    private InvalidInputException(String field, String message, boolean parameter) {
        super(message);
        this.field = field;
        this.parameter = parameter;
    }

    /** Refused input that came as the query parameter {@code name}. */
    public static InvalidInputException forParameter(String name, String message) {
        return new InvalidInputException(name, message, true);
    }

    public String field() {
        return field;
    }

    /** Whether {@link #field()} names a query parameter rather than a place in the body. */
    public boolean parameter() {
        return parameter;
    }

    /** The same refusal, located at {@code newField}. */
    public InvalidInputException at(String newField) {
        InvalidInputException moved = new InvalidInputException(newField, getMessage(), false);
        moved.setStackTrace(getStackTrace());
        return moved;
    }

    /** The same refusal, located at the query parameter {@code name}. */
    public InvalidInputException atParameter(String name) {
        InvalidInputException moved = new InvalidInputException(name, getMessage(), true);
        moved.setStackTrace(getStackTrace());
        return moved;
    }
}
