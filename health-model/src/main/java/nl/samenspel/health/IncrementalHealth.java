package nl.samenspel.health;


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
}
