package nl.samenspel.health;

import nl.samenspel.kernel.history.EffectiveLog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A network's history as it counts: corrections applied (the corrected entry keeps its id and place but carries the
 * replacement's content), retracted entries left out, corrections and retractions themselves not counted; ordered by
 * business date, then by log order. Which correction applies is decided once for the whole platform, by
 * {@link EffectiveLog}.
 */
public final class EffectiveHistory {
    static final Comparator<LoggedEntry> BUSINESS_ORDER =
            Comparator.comparing(LoggedEntry::occurredOn).thenComparingLong(LoggedEntry::sequence);

    private EffectiveHistory() {
    }

    /** With every correction recorded so far applied ("as of" views), as {@link EffectiveLog} reads corrections. */
    public static List<LoggedEntry> of(List<LoggedEntry> log) {
        return of(log, EffectiveLog.of(log, LoggedEntry::eventId, LoggedEntry::event));
    }

    /** {@link #of(List)} with the corrections of {@code log} already read ({@code applied} is of this log). */
    public static List<LoggedEntry> of(List<LoggedEntry> log, EffectiveLog applied) {
        List<LoggedEntry> result = new ArrayList<>();
        for (EffectiveLog.Effective effective : applied.entries()) {
            LoggedEntry entry = log.get(effective.position());
            result.add(effective.content() == entry.event() ? entry : entry.replacedBy(effective.content()));
        }
        result.sort(BUSINESS_ORDER);
        return result;
    }

    /** Only what the platform knew at {@code instant}: later entries and later corrections do not exist yet. */
    public static List<LoggedEntry> knownAt(List<LoggedEntry> log, Instant instant) {
        return of(log.stream().filter(entry -> !entry.recordedAt().isAfter(instant)).toList());
    }
}
