package nl.samenspel.kernel.validation;

/** One thing wrong with one field of a request, in words a coordinator understands. */
public record FieldError(String field, String message) {
}
