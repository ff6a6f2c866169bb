package nl.samenspel.health.people;

import nl.samenspel.health.Fact;
import nl.samenspel.health.Indicator;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Status;
import nl.samenspel.health.state.NetworkFacts;
import nl.samenspel.health.state.Representatives;
import nl.samenspel.kernel.people.Level;
import nl.samenspel.kernel.people.RepresentativeDeparted;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * H8, staff turnover (personele wisselingen) per partner and level: departures in the last
 * {@code people.windowMonths} (12) months ÷ the average number of representatives over that window (domain.md §5.6).
 *
 * <p>The average is time-weighted: the days each representative was in post within the window ÷ the days of the
 * window, so someone appointed and gone within the year still counts for the part they served. For a network younger
 * than the window, the window starts at the founding. Only partners active at the end of the month are counted: a
 * withdrawn partner's people left with it, which is a withdrawal (dip driver D8), not turnover.
 *
 * <p>Figures: {@code departures} (int), {@code averageRepresentatives} (double), {@code turnover} (double, the
 * network's rate; absent when there were no representatives), {@code byLevel} (map board/management/professional →
 * rate, for levels with representatives), {@code cells} (list of maps {@code partnerId}, {@code partner},
 * {@code level}, {@code departures}, {@code averageRepresentatives}, {@code turnover}), {@code windowDays} (int) and
 * {@code windowMonths} (int: {@code people.windowMonths}, or the months of a younger network's life, its founding
 * month included; the period the pages name).
 *
 * <p>Status: domain.md sets no threshold for turnover, so the figure is context, OK whenever there is data; the
 * judgement comes from continuity (H9) and the alerts A10 and A11. NA when active partners had no representative
 * in the window.
 */
public final class Turnover implements Indicator {
    public static final String ID = "H8";
    private static final String NAME = "Staff turnover";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public IndicatorValue evaluate(MonthContext month) {
        Set<UUID> active = month.activePartners();
        int windowMonths = (int) month.setting("people.windowMonths");
        LocalDate from = month.end().minusMonths(windowMonths);
        LocalDate founded = NetworkFacts.foundedOn(month).orElse(from);
        if (founded.minusDays(1).isAfter(from)) {
            from = founded.minusDays(1);
            // a young network is measured over its own life: the months it has had, its founding month included
            windowMonths = (int) Math.min(windowMonths, ChronoUnit.MONTHS.between(YearMonth.from(founded), month.month()) + 1);
        }
        long windowDays = ChronoUnit.DAYS.between(from, month.end());
        LocalDate windowFrom = from;

        // a post that ended before the window has no day in it; the posts and departures of each cell, in one pass
        // over each (loops and a map per partner and level: every month reads every post)
        Map<UUID, Map<Level, long[]>> daysAt = new HashMap<>();
        for (Representatives.Post p : Representatives.posts(month)) {
            if ((p.departedOn() == null || p.departedOn().isAfter(windowFrom)) && active.contains(p.partnerId())) {
                cell(daysAt, p.partnerId(), p.level())[0] += p.daysInPost(windowFrom, month.end());
            }
        }
        List<Fact<RepresentativeDeparted>> departures = new ArrayList<>();
        for (Fact<RepresentativeDeparted> d : month.between(RepresentativeDeparted.class, from, month.end())) {
            if (active.contains(d.event().partnerId())) {
                departures.add(d);
                cell(daysAt, d.event().partnerId(), d.event().level())[1]++;
            }
        }
        List<Map<String, Object>> cells = new ArrayList<>();
        Map<Level, double[]> perLevel = new LinkedHashMap<>();
        double totalAverage = 0;
        for (UUID partner : active) {
            for (Level level : Level.values()) {
                Map<Level, long[]> byLevelOfPartner = daysAt.get(partner);
                long[] counts = byLevelOfPartner == null ? null : byLevelOfPartner.get(level);
                double average = counts == null ? 0 : counts[0] / (double) windowDays;
                long left = counts == null ? 0 : counts[1];
                if (average == 0 && left == 0) {
                    continue;
                }
                totalAverage += average;
                double[] sums = perLevel.computeIfAbsent(level, l -> new double[2]);
                sums[0] += left;
                sums[1] += average;
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("partnerId", partner.toString());
                cell.put("partner", month.roster().name(partner));
                cell.put("level", level.name().toLowerCase());
                cell.put("departures", (int) left);
                cell.put("averageRepresentatives", average);
                if (average > 0) {
                    cell.put("turnover", left / average);
                }
                cells.add(Collections.unmodifiableMap(cell));
            }
        }
        if (totalAverage == 0) {
            return IndicatorValue.notApplicable(ID, NAME);
        }
        Map<String, Object> byLevel = new LinkedHashMap<>();
        perLevel.forEach((level, sums) -> {
            if (sums[1] > 0) {
                byLevel.put(level.name().toLowerCase(), sums[0] / sums[1]);
            }
        });
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("departures", departures.size());
        figures.put("averageRepresentatives", totalAverage);
        figures.put("turnover", departures.size() / totalAverage);
        figures.put("byLevel", Collections.unmodifiableMap(byLevel));
        figures.put("cells", List.copyOf(cells));
        figures.put("windowDays", (int) windowDays);
        figures.put("windowMonths", windowMonths);
        return new IndicatorValue(ID, NAME, Status.OK, Collections.unmodifiableMap(figures),
                                  departures.stream().map(Fact::id).toList());
    }

    /** The days in post (at 0) and the departures (at 1) of a partner at a level, made on first use. */
    private static long[] cell(Map<UUID, Map<Level, long[]>> cells, UUID partner, Level level) {
        return cells.computeIfAbsent(partner, p -> new EnumMap<>(Level.class)).computeIfAbsent(level, l -> new long[2]);
    }
}
