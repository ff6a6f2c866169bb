package nl.samenspel.kernel.validation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects field-level errors of one command so that a coordinator sees everything wrong at once, then throws them
 * together as one {@link RuleViolation}.
 */
public final class Checks {
    private final List<FieldError> errors = new ArrayList<>();

    public static Checks start() {
        return new Checks();
    }

    public Checks required(String field, Object value) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        }
        return this;
    }

    /** Required, not blank, at most {@code max} characters, and text that can be stored ({@link Text}). */
    public Checks text(String field, String value, int max) {
        return required(field, value, max, false);
    }

    /**
     * Absent, or at most {@code max} characters of text that can be stored, not blank; tab and line breaks are
     * allowed.
     */
    public Checks optionalText(String field, String value, int max) {
        return optional(field, value, max, false);
    }

    /** A required name or title: one line, at most {@code max} characters, no control, bidi or zero-width ones. */
    public Checks name(String field, String value, int max) {
        return required(field, value, max, true);
    }

    /** Absent, or one line of at most {@code max} characters like a {@link #name}, not blank. */
    public Checks optionalName(String field, String value, int max) {
        return optional(field, value, max, true);
    }

    private Checks required(String field, String value, int max, boolean name) {
        if (value == null || Text.blank(value)) {
            errors.add(new FieldError(field, "must not be blank"));
            return this;
        }
        return optional(field, value, max, name);
    }

    /**
     * An optional text is absent or says something: one that shows as nothing is refused ({@link Text}) rather than
     * stored as a note, a reason or a name of spaces (the web forms and a spreadsheet's cells leave such a field out).
     */
    private Checks optional(String field, String value, int max, boolean name) {
        if (value == null) {
            return this;
        }
        if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters (was " + value.length() + ")"));
        }
        String problem = name ? Text.nameProblem(value) : Text.freeTextProblem(value);
        if (problem != null) {
            errors.add(new FieldError(field, problem));
        }
        return this;
    }

    /**
     * The earliest business date taken: a collaboration between organisations is not older, and a year typed as 0 or
     * 20 would make every figure reach back thousands of months (a founding in year 0 ran the platform out of memory
     * when its health was read).
     */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    /** A business date: required, from {@link #EARLIEST}, not in the future, not before the network was founded. */
    public Checks businessDate(String field, LocalDate value, LocalDate founded, LocalDate today) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.isBefore(EARLIEST)) {
            errors.add(new FieldError(field, "lies before " + EARLIEST + ", the earliest date taken (was " + value + ")"));
        } else if (value.isAfter(today)) {
            errors.add(new FieldError(field, "lies in the future (" + value + " is after " + today + ")"));
        } else if (founded != null && value.isBefore(founded)) {
            errors.add(new FieldError(field, "lies before the network was founded on " + founded));
        }
        return this;
    }

    public Checks add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public Checks when(boolean broken, String field, String message) {
        if (broken) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    public void orThrow() {
        RuleViolation found = violation();
        if (found != null) {
            throw found;
        }
    }

    /** The refusal of every check that failed, or null when none did: for a caller that says it with more. */
    public RuleViolation violation() {
        return errors.isEmpty() ? null : new RuleViolation(RuleViolation.Kind.INVALID, errors);
    }
}
