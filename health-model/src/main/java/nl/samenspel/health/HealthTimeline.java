package nl.samenspel.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A network's health per month from its founding month to the evaluation date, with the alert episodes. */
public record HealthTimeline(List<MonthHealth> months) {

    public MonthHealth latest() {
        return months.isEmpty() ? null : months.get(months.size() - 1);
    }

    /** Alerts as episodes: raised in the month their rule first holds, cleared in the first month it no longer does. */
    public List<AlertEpisode> episodes() {
        List<AlertEpisode> closed = new ArrayList<>();
        Map<String, AlertEpisode> open = new LinkedHashMap<>();
        for (MonthHealth month : months) {
            Map<String, Alert> now = new LinkedHashMap<>();
            month.alerts().forEach(a -> now.put(a.id(), a));
            for (var it = open.entrySet().iterator(); it.hasNext(); ) {
                var episode = it.next();
                if (!now.containsKey(episode.getKey())) {
                    AlertEpisode e = episode.getValue();
                    closed.add(new AlertEpisode(e.id(), e.title(), e.severity(), e.raised(), month.month(), e.evidence(),
                                                e.suggestedResponse()));
                    it.remove();
                }
            }
            now.forEach((id, alert) -> open.computeIfAbsent(id, k -> new AlertEpisode(id, alert.title(), alert.severity(),
                    month.month(), null, alert.evidence(), alert.suggestedResponse())));
        }
        closed.addAll(open.values());
        return closed;
    }
}
