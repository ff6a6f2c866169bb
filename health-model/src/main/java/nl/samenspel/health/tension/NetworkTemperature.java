package nl.samenspel.health.tension;

import nl.samenspel.health.Fact;
import nl.samenspel.health.Indicator;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Status;
import nl.samenspel.kernel.tension.TemperatureMeasured;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * H13, network temperature on the conflict thermometer (conflictthermometer): the hottest of the latest readings per
 * scope (the network, or a pair of partners) within {@code temperature.windowDays} (90) days (domain.md §5.8). Levels:
 * 1 friendly, 2 watchful, 3 disagreement, 4 conflict — ordinal, so the indicator shows how many scopes stand at each
 * level rather than an average.
 *
 * <p>Figures: {@code temperature} (int 1–4, the hottest), {@code hottestScopes} (list of scope labels at that
 * level), {@code networkLevel} (int, the latest network-wide reading, when there is one in the window) and
 * {@code networkMeasuredOn} (its date),
 * {@code distribution} (map "1"…"4" → number of scopes), {@code scopes} (int), {@code pairs} (list of maps
 * {@code partnerA}, {@code partnerB} (ids), {@code nameA}, {@code nameB}, {@code level}, {@code measuredOn}) for a
 * partner × partner heat map.
 *
 * <p>Status: 1 OK, 2 WATCH, 3–4 ALERT; NA without a reading in the window.
 */
public final class NetworkTemperature implements Indicator {
    public static final String ID = "H13";
    private static final String NAME = "Network temperature";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public IndicatorValue evaluate(MonthContext month) {
        Map<Readings.Scope, Fact<TemperatureMeasured>> latest = Readings.latestWithinWindow(month);
        if (latest.isEmpty()) {
            return IndicatorValue.notApplicable(ID, NAME);
        }
        int hottest = latest.values().stream().mapToInt(f -> f.event().level()).max().getAsInt();
        Map<String, Object> distribution = new LinkedHashMap<>();
        for (int level = 1; level <= 4; level++) {
            int l = level;
            distribution.put(String.valueOf(level), (int) latest.values().stream().filter(f -> f.event().level() == l).count());
        }
        List<Map<String, Object>> pairs = new ArrayList<>();
        List<String> hottestScopes = new ArrayList<>();
        latest.forEach((scope, reading) -> {
            if (reading.event().level() == hottest) {
                hottestScopes.add(scope.label(month));
            }
            if (!scope.isNetwork()) {
                Map<String, Object> pair = new LinkedHashMap<>();
                pair.put("partnerA", scope.a().toString());
                pair.put("partnerB", scope.b().toString());
                pair.put("nameA", month.roster().name(scope.a()));
                pair.put("nameB", month.roster().name(scope.b()));
                pair.put("level", reading.event().level());
                pair.put("measuredOn", reading.on().toString());
                pairs.add(Collections.unmodifiableMap(pair));
            }
        });
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("temperature", hottest);
        figures.put("hottestScopes", List.copyOf(hottestScopes));
        Fact<TemperatureMeasured> network = latest.get(Readings.Scope.NETWORK);
        if (network != null) {
            figures.put("networkLevel", network.event().level());
            figures.put("networkMeasuredOn", network.on().toString());
        }
        figures.put("distribution", Collections.unmodifiableMap(distribution));
        figures.put("scopes", latest.size());
        figures.put("pairs", List.copyOf(pairs));
        Status status = hottest <= 1 ? Status.OK : hottest == 2 ? Status.WATCH : Status.ALERT;
        return new IndicatorValue(ID, NAME, status, Collections.unmodifiableMap(figures),
                                  latest.values().stream().map(Fact::id).toList());
    }
}
