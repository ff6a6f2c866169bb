package nl.samenspel.kernel.validation;

import java.util.Comparator;
import java.util.List;

/**
 * An import that logged nothing because some of its lines were refused. Names every refused line with its number, the
 * kind of entry it holds (when known) and its field-level errors; the flat error list names the line in each field.
 */
public class ImportRejected extends RuleViolation {

    /** One refused line of an import file. {@code type} is null when the line did not say which kind it holds. */
    public record RejectedLine(int line, String type, Kind kind, List<FieldError> errors) {
        public RejectedLine {
            errors = List.copyOf(errors);
        }
    }

    private final List<RejectedLine> lines;

    public ImportRejected(List<RejectedLine> lines) {
        super(Kind.INVALID, flat(lines));
        this.lines = lines.stream().sorted(Comparator.comparingInt(RejectedLine::line)).toList();
    }

    public List<RejectedLine> lines() {
        return lines;
    }

    private static List<FieldError> flat(List<RejectedLine> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("An import is only rejected for at least one line");
        }
        return lines.stream().sorted(Comparator.comparingInt(RejectedLine::line))
                    .flatMap(l -> l.errors().stream().map(e -> new FieldError("line " + l.line() + ": " + e.field(),
                                                                              e.message())))
                    .toList();
    }
}
