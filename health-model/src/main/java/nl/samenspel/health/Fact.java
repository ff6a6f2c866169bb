package nl.samenspel.health;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/** An event of one kind from the effective history, with the entry it came from (for its id and dates). */
public record Fact<T>(LoggedEntry entry, T event, LocalDate on) {

    /** The fact of an entry; its date is read once, since rules and windows ask for it again and again. */
    public Fact(LoggedEntry entry, T event) {
        this(entry, event, entry.occurredOn());
    }

    public String id() {
        return entry.eventId();
    }

    /**
     * The ids of {@code facts}, read from them when asked rather than copied: {@code facts} must never change afterwards,
     * as no list the history index answers does. A rule that names every fact of a kind since the founding (A16 names
     * every unanswered success) then costs no copy of them in every month.
     */
    public static List<String> ids(List<? extends Fact<?>> facts) {
        return facts.isEmpty() ? List.of() : new Ids(facts);
    }

    private static final class Ids extends AbstractList<String> implements RandomAccess {
        private final List<? extends Fact<?>> facts;

        Ids(List<? extends Fact<?>> facts) {
            this.facts = facts;
        }

        @Override
        public String get(int index) {
            return facts.get(index).id();
        }

        @Override
        public int size() {
            return facts.size();
        }
    }

    /** How many of {@code facts} (in business order) happened on or before {@code day}, by binary search. */
    public static int countUpTo(List<? extends Fact<?>> facts, LocalDate day) {
        int low = 0;
        int high = facts.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (facts.get(mid).on().isAfter(day)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** How many of {@code days} (epoch days, ascending; the first {@code length} of them) are on or before {@code day}. */
    public static int countUpTo(long[] days, int length, long day) {
        int low = 0;
        int high = length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (days[mid] <= day) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
