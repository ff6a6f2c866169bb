package nl.samenspel.health;

import nl.samenspel.kernel.history.EffectiveLog;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a network's monthly health current as entries arrive, in any order: a batch of new entries recomputes only
 * the months from the earliest one it can have changed, reusing the months before it as checkpoints. Back-dated
 * entries and corrections of old entries therefore change exactly the months they should, and the result always
 * equals {@link HealthModel#timeline} over the whole log.
 */
public final class IncrementalHealth {
    private final HealthModel model;
    private final List<LoggedEntry> log = new ArrayList<>();
    private final TouchedDates touched = new TouchedDates();
    private List<MonthHealth> months = List.of();
    private LocalDate evaluatedOn;
    /**
     * The effective history of {@link #log} in business order and its index, kept between batches while batches only
     * add entries at its end (the usual case: entries logged about today); null until first built, and after any
     * other batch, when they are built again from the whole log.
     */
    private List<LoggedEntry> effective;
    private HistoryIndex index;

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
        extendOrForget(batch);
        YearMonth earliest = null;
        for (LoggedEntry entry : batch) {
            log.add(entry);
            for (LocalDate date : touched.of(entry)) {
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

    /**
     * Keeps the effective history and its index for a batch that only adds entries after all of them: entries that
     * are no correction or retraction (an earlier correction never reaches an entry logged after it, and such an
     * entry changes no other) and that come after the last effective entry in business order. Any other batch drops
     * them, to be built again from the whole log.
     */
    private void extendOrForget(List<LoggedEntry> batch) {
        if (index == null || batch.isEmpty()) {
            return;
        }
        List<LoggedEntry> appended = new ArrayList<>(batch);
        appended.sort(EffectiveHistory.BUSINESS_ORDER);
        boolean onlyAppends = appended.stream().noneMatch(e -> EffectiveLog.isCorrection(e.event()))
                              && (effective.isEmpty()
                                  || EffectiveHistory.BUSINESS_ORDER.compare(effective.get(effective.size() - 1), appended.get(0)) < 0);
        if (!onlyAppends) {
            effective = null;
            index = null;
            return;
        }
        effective.addAll(appended);
        index = index.extendedBy(appended);
    }

    /** Recomputes everything (after a replay, or to check the incremental result). */
    public void recomputeAll(LocalDate evaluationDate) {
        months = model.timeline(log, evaluationDate).months();
        evaluatedOn = evaluationDate;
        effective = null;
        index = null;
    }

    private void recomputeFrom(YearMonth from, LocalDate evaluationDate) {
        if (index == null) {
            effective = new ArrayList<>(EffectiveHistory.of(log));
            index = new HistoryIndex(effective);
        }
        // Without months to keep (a first batch, or a history with nothing left in it) this computes every month.
        List<MonthHealth> kept = new ArrayList<>();
        for (MonthHealth month : months) {
            if (month.month().isBefore(from)) {
                kept.add(month);
            }
        }
        months = model.continued(index, effective, evaluationDate, kept).months();
        evaluatedOn = evaluationDate;
    }
}
