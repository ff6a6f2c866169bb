package nl.samenspel.health.tension;

import nl.samenspel.health.Alert;
import nl.samenspel.health.AlertRule;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Severity;
import nl.samenspel.health.state.NetworkFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A6, stuck conflict (vastgelopen conflict): a conflict open more than {@code conflict.stuckDays} (30) days that is
 * still at ladder step {@code conflict.stuckStep} (2) or below — step 1 when no step was recorded.
 */
public final class StuckConflict implements AlertRule {
    public static final String ID = "A6";
    static final String RESPONSE = "Help the parties climb the ladder from blame and disappointment to what each of "
            + "them needs: a facilitated conversation first, and mediation when talking alone does not move it.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Alert> evaluate(MonthContext month) {
        List<String> parts = new ArrayList<>();
        List<Alert.Reason> why = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        for (Conflicts.Open c : Conflicts.open(month)) {
            if (Conflicts.stuck(month, c)) {
                parts.add("between " + String.join(", ", c.parties().stream().map(p -> month.roster().name(p)).toList())
                                  + " open " + c.daysOpen() + " days at step " + c.step());
                why.add(Alert.Reason.of("stuck", String.join(", ", c.parties().stream().map(p -> month.roster().name(p)).toList()),
                                        c.daysOpen(), c.step()));
                evidence.addAll(c.evidence());
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Alert(ID, "Stuck conflict", Severity.WARNING, "Conflict " + String.join("; ", parts) + ".",
                                     NetworkFacts.evidence(evidence), RESPONSE, why));
    }
}
