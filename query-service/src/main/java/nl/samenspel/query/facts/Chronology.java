package nl.samenspel.query.facts;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Business-date order. Coordinators log late, so the log order is not the order in which things happened: "latest"
 * means the latest business date, and among entries of the same date the one logged last.
 */
final class Chronology {
    private static final Comparator<LocalDate> LATEST_LAST = Comparator.nullsFirst(Comparator.naturalOrder());

    private Chronology() {
    }

    /** The entry with the latest business date; on equal dates the one logged last. */
    static <T> Optional<T> latest(List<T> loggedInOrder, Function<T, LocalDate> date) {
        T best = null;
        for (T item : loggedInOrder) {
            if (best == null || LATEST_LAST.compare(date.apply(item), date.apply(best)) >= 0) {
                best = item;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The entries in business-date order; on equal dates in log order (the sort is stable). */
    static <T> List<T> sorted(List<T> loggedInOrder, Function<T, LocalDate> date) {
        return loggedInOrder.stream()
                            .sorted(Comparator.comparing(date, LATEST_LAST))
                            .toList();
    }
}
