package nl.samenspel.health;

import nl.samenspel.kernel.correction.EntryCorrected;
import nl.samenspel.kernel.correction.EntryRetracted;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network's history as it counts: corrections applied (the corrected entry keeps its id and place but carries the
 * replacement's content), retracted entries left out, corrections and retractions themselves not counted; ordered by
 * business date, then by log order.
 */
public final class EffectiveHistory {
    private static final Comparator<LoggedEntry> BUSINESS_ORDER =
            Comparator.comparing(LoggedEntry::occurredOn).thenComparingLong(LoggedEntry::sequence);

    private EffectiveHistory() {
    }

    /** With every correction recorded so far applied ("as of" views). */
    public static List<LoggedEntry> of(List<LoggedEntry> log) {
        Map<String, LoggedEntry> effective = new LinkedHashMap<>();
        for (LoggedEntry entry : log) {
            if (entry.event() instanceof EntryCorrected correction) {
                effective.computeIfPresent(correction.targetEventId(), (id, target) -> target.replacedBy(correction.replacement()));
            } else if (entry.event() instanceof EntryRetracted retraction) {
                effective.remove(retraction.targetEventId());
            } else {
                effective.put(entry.eventId(), entry);
            }
        }
        List<LoggedEntry> result = new ArrayList<>(effective.values());
        result.sort(BUSINESS_ORDER);
        return result;
    }

    /** Only what the platform knew at {@code instant}: later entries and later corrections do not exist yet. */
    public static List<LoggedEntry> knownAt(List<LoggedEntry> log, Instant instant) {
        return of(log.stream().filter(entry -> !entry.recordedAt().isAfter(instant)).toList());
    }
}
