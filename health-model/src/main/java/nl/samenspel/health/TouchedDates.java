package nl.samenspel.health;

import nl.samenspel.kernel.correction.EntryCorrected;
import nl.samenspel.kernel.history.EffectiveLog;
import nl.samenspel.kernel.network.NetworkEvent;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The business dates entries can change, read in arrival order: an ordinary entry its own date; a correction or
 * retraction every date its target has had (the original's and earlier replacements') and a correction also its
 * replacement's. Retracting a correction or a retraction touches what that one had changed. Used by the live fold to
 * know from which month to recompute, and by "as known at" to know which months it shares with today's timeline.
 */
public final class TouchedDates {
    /** Every business date an entry has had: its own, and those of the replacements that corrected it. */
    private final Map<String, List<LocalDate>> datesOf = new HashMap<>();
    /** The entry each correction or retraction names. */
    private final Map<String, String> targetOf = new HashMap<>();

    /** The dates this entry can change, given the entries read before it. */
    public List<LocalDate> of(LoggedEntry entry) {
        NetworkEvent event = entry.event();
        List<LocalDate> dates = new ArrayList<>();
        String target = EffectiveLog.targetOf(event);
        if (target == null) {
            datesOf.computeIfAbsent(entry.eventId(), id -> new ArrayList<>()).add(event.occurredOn());
            dates.add(event.occurredOn());
            return dates;
        }
        targetOf.put(entry.eventId(), target);
        while (targetOf.containsKey(target)) {
            target = targetOf.get(target);
        }
        List<LocalDate> targetDates = datesOf.computeIfAbsent(target, id -> new ArrayList<>());
        dates.addAll(targetDates);
        if (event instanceof EntryCorrected c) {
            targetDates.add(c.replacement().occurredOn());
            dates.add(c.replacement().occurredOn());
        }
        return dates;
    }

    /** The earliest month the {@code chosen} entries of a log (in arrival order) can change; null when none is chosen. */
    public static YearMonth firstMonth(List<LoggedEntry> log, Predicate<LoggedEntry> chosen) {
        // Only the entries that corrections and retractions name need their dates kept (the original at the start of
        // a chain of corrections is named by the first of them); every other plain entry changes just its own date.
        Set<String> named = new HashSet<>();
        for (LoggedEntry entry : log) {
            String target = EffectiveLog.targetOf(entry.event());
            if (target != null) {
                named.add(target);
            }
        }
        TouchedDates touched = new TouchedDates();
        LocalDate first = null;
        for (LoggedEntry entry : log) {
            if (EffectiveLog.targetOf(entry.event()) == null && !named.contains(entry.eventId())) {
                if (chosen.test(entry)) {
                    first = earlier(first, entry.event().occurredOn());
                }
                continue;
            }
            List<LocalDate> dates = touched.of(entry);
            if (chosen.test(entry)) {
                for (LocalDate date : dates) {
                    first = earlier(first, date);
                }
            }
        }
        return first == null ? null : YearMonth.from(first);
    }

    private static LocalDate earlier(LocalDate first, LocalDate date) {
        return first == null || date.isBefore(first) ? date : first;
    }
}
