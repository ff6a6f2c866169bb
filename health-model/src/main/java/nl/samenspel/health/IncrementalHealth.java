package nl.samenspel.health;

import nl.samenspel.kernel.correction.EntryCorrected;
import nl.samenspel.kernel.correction.EntryRetracted;
import nl.samenspel.kernel.network.NetworkEvent;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a network's monthly health current as entries arrive, in any order: a batch of new entries recomputes only
 * the months from the earliest one it can have changed, reusing the months before it as checkpoints. Back-dated
 * entries and corrections of old entries therefore change exactly the months they should, and the result always
 * equals {@link HealthModel#timeline} over the whole log.
 */
public final class IncrementalHealth {
    private final HealthModel model;
    private final List<LoggedEntry> log = new ArrayList<>();
    /** Every business date an entry has had: its own, and those of the replacements that corrected it. */
    private final Map<String, List<LocalDate>> datesOf = new HashMap<>();
    /** The entry each correction or retraction names: retracting one of them touches what it had changed. */
    private final Map<String, String> targetOf = new HashMap<>();
    private List<MonthHealth> months = List.of();
    private LocalDate evaluatedOn;

    public IncrementalHealth(HealthModel model) {
        this.model = model;
    }

    /** The log as received so far, in arrival order. */
    public List<LoggedEntry> log() {
        return List.copyOf(log);
    }

    public List<MonthHealth> months() {
        return months;
    }

    /**
     * Adds a batch of entries and recomputes from the earliest month they touch (or from the month after the last
     * evaluation, when time moved on); answers that month, or null when nothing had to be recomputed.
     */
    public YearMonth add(List<LoggedEntry> batch, LocalDate evaluationDate) {
        YearMonth earliest = null;
        for (LoggedEntry entry : batch) {
            log.add(entry);
            for (LocalDate date : touchedDates(entry)) {
                YearMonth month = YearMonth.from(date);
                earliest = earliest == null || month.isBefore(earliest) ? month : earliest;
            }
        }
        if (evaluatedOn != null && !evaluationDate.equals(evaluatedOn)) {
            YearMonth moved = YearMonth.from(evaluatedOn);
            earliest = earliest == null || moved.isBefore(earliest) ? moved : earliest;
        }
        if (earliest == null) {
            return null;
        }
        recomputeFrom(earliest, evaluationDate);
        return earliest;
    }

    /** Recomputes everything (after a replay, or to check the incremental result). */
    public void recomputeAll(LocalDate evaluationDate) {
        months = model.timeline(log, evaluationDate).months();
        evaluatedOn = evaluationDate;
    }

    private void recomputeFrom(YearMonth from, LocalDate evaluationDate) {
        List<LoggedEntry> effective = EffectiveHistory.of(log);
        if (months.isEmpty() || effective.isEmpty()) {
            recomputeAll(evaluationDate);
            return;
        }
        List<MonthHealth> kept = new ArrayList<>();
        for (MonthHealth month : months) {
            if (month.month().isBefore(from)) {
                kept.add(month);
            }
        }
        months = model.continued(new HistoryIndex(effective), effective, evaluationDate, kept).months();
        evaluatedOn = evaluationDate;
    }

    /**
     * The business dates an entry can change: its own; for a correction or retraction every date its target has had
     * (original and earlier replacements) and the replacement's; for a retraction of a correction or retraction,
     * those of the entry that one named.
     */
    private List<LocalDate> touchedDates(LoggedEntry entry) {
        NetworkEvent event = entry.event();
        List<LocalDate> dates = new ArrayList<>();
        String target = event instanceof EntryCorrected c ? c.targetEventId()
                : event instanceof EntryRetracted r ? r.targetEventId() : null;
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
}
