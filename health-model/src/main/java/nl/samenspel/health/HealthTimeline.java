package nl.samenspel.health;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A network's health per month from its founding month to the evaluation date, with the alert episodes. */
public record HealthTimeline(List<MonthHealth> months) {

    public MonthHealth latest() {
        return months.isEmpty() ? null : months.get(months.size() - 1);
    }

    /**
     * Alerts as episodes: raised in the month their rule first holds, cleared in the first month it no longer does,
     * with every change of severity in between (domain.md §5a).
     */
    public List<AlertEpisode> episodes() {
        List<AlertEpisode> closed = new ArrayList<>();
        Map<String, Episode> open = new LinkedHashMap<>();
        for (MonthHealth month : months) {
            Map<String, Alert> now = new LinkedHashMap<>();
            month.alerts().forEach(a -> now.put(a.id(), a));
            for (var it = open.entrySet().iterator(); it.hasNext(); ) {
                var episode = it.next();
                if (!now.containsKey(episode.getKey())) {
                    closed.add(episode.getValue().close(month.month()));
                    it.remove();
                }
            }
            now.forEach((id, alert) -> open.computeIfAbsent(id, k -> new Episode(month.month(), alert))
                                           .hold(month.month(), alert));
        }
        open.values().forEach(e -> closed.add(e.close(null)));
        return closed;
    }

    /** An episode while it is being followed through the months. */
    private static final class Episode {
        private final YearMonth raised;
        private final List<AlertEpisode.Period> periods = new ArrayList<>();
        private Alert worst;

        Episode(YearMonth raised, Alert first) {
            this.raised = raised;
            this.worst = first;
        }

        void hold(YearMonth month, Alert alert) {
            AlertEpisode.Period last = periods.isEmpty() ? null : periods.get(periods.size() - 1);
            if (last == null || last.severity() != alert.severity()) {
                if (last != null) {
                    periods.set(periods.size() - 1, new AlertEpisode.Period(last.severity(), last.title(), last.from(), month));
                }
                periods.add(new AlertEpisode.Period(alert.severity(), alert.title(), month, null));
            }
            if (alert.severity().compareTo(worst.severity()) > 0) {
                worst = alert;
            }
        }

        AlertEpisode close(YearMonth cleared) {
            List<AlertEpisode.Period> all = new ArrayList<>(periods);
            AlertEpisode.Period last = all.get(all.size() - 1);
            all.set(all.size() - 1, new AlertEpisode.Period(last.severity(), last.title(), last.from(), cleared));
            return new AlertEpisode(worst.id(), worst.title(), worst.severity(), raised, cleared, worst.evidence(),
                                    worst.suggestedResponse(), last.severity(), List.copyOf(all));
        }
    }
}
