package nl.samenspel.kernel.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A command that breaks a rule of the domain. Carries every field-level error found, and what kind of refusal it is,
 * so the API can answer 400 (invalid), 404 (something named does not exist) or 409 (conflicts with what is known).
 */
public class RuleViolation extends RuntimeException {

    public enum Kind { INVALID, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final List<FieldError> errors;

    public RuleViolation(Kind kind, List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    public static RuleViolation invalid(String field, String message) {
        return new RuleViolation(Kind.INVALID, List.of(new FieldError(field, message)));
    }

    public static RuleViolation notFound(String field, String message) {
        return new RuleViolation(Kind.NOT_FOUND, List.of(new FieldError(field, message)));
    }

    public static RuleViolation conflict(String field, String message) {
        return new RuleViolation(Kind.CONFLICT, List.of(new FieldError(field, message)));
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
