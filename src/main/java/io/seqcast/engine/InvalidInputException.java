package io.seqcast.engine;

/**
 * Input the engine refuses before any native call. {@link #field()} names the offending field or
 * array element as a JSON-pointer-like path (for example {@code /series/2/values/17}) so that an HTTP
 * layer can point the client at it.
 */
public class InvalidInputException extends IllegalArgumentException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
