package nl.samenspel.health.tension;

import nl.samenspel.health.Indicator;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Status;
import nl.samenspel.health.state.NetworkFacts;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * H14, open conflicts: each open conflict with its ladder step and days open (domain.md §5.8), see {@link Conflicts}.
 *
 * <p>Figures: {@code openConflicts} (int), {@code stuck} (int, open longer than {@code conflict.stuckDays} at step
 * ≤ {@code conflict.stuckStep}), {@code stepDistribution} (map "1"…"5" → number of open conflicts), {@code conflicts}
 * (list of maps {@code conflictId}, {@code parties} (names), {@code step}, {@code daysOpen}, {@code daysAtStep},
 * {@code stuck}).
 *
 * <p>Status: OK with no open conflict, WATCH with open conflicts, ALERT with a stuck one; NA when no conflict was ever
 * registered (no data is not the same as peace).
 */
public final class OpenConflicts implements Indicator {
    public static final String ID = "H14";
    private static final String NAME = "Open conflicts";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public IndicatorValue evaluate(MonthContext month) {
        if (!Conflicts.anyRegistered(month)) {
            return IndicatorValue.notApplicable(ID, NAME);
        }
        List<Conflicts.Open> open = Conflicts.open(month);
        Map<String, Object> steps = new LinkedHashMap<>();
        for (int step = 1; step <= 5; step++) {
            int s = step;
            steps.put(String.valueOf(step), (int) open.stream().filter(c -> c.step() == s).count());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        int stuck = 0;
        for (Conflicts.Open c : open) {
            boolean isStuck = Conflicts.stuck(month, c);
            stuck += isStuck ? 1 : 0;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("conflictId", c.conflictId().toString());
            row.put("parties", c.parties().stream().map(p -> month.roster().name(p)).toList());
            row.put("step", c.step());
            row.put("daysOpen", (int) c.daysOpen());
            row.put("daysAtStep", (int) ChronoUnit.DAYS.between(c.stepSince(), month.end()));
            row.put("stuck", isStuck);
            rows.add(Collections.unmodifiableMap(row));
            evidence.addAll(c.evidence());
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("openConflicts", open.size());
        figures.put("stuck", stuck);
        figures.put("stepDistribution", Collections.unmodifiableMap(steps));
        figures.put("conflicts", List.copyOf(rows));
        Status status = stuck > 0 ? Status.ALERT : open.isEmpty() ? Status.OK : Status.WATCH;
        return new IndicatorValue(ID, NAME, status, Collections.unmodifiableMap(figures), NetworkFacts.evidence(evidence));
    }
}
