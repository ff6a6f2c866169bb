package nl.samenspel.health.evaluation;

import nl.samenspel.health.Alert;
import nl.samenspel.health.AlertRule;
import nl.samenspel.health.Fact;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Severity;
import nl.samenspel.kernel.evaluation.ImprovementActionAgreed;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A14, lessons not followed up [warning]: of the improvement actions due in the last 12 months, fewer than
 * {@code evaluation.followThrough} were completed by their due date (see {@link FollowThrough}). Evidence: the actions
 * that were missed, with their late completions if any.
 */
public final class LessonsNotFollowedUp implements AlertRule {
    public static final String ID = "A14";
    public static final String TITLE = "Lessons not followed up";
    static final String RESPONSE = "Tie an improvement programme to every evaluation: give each action one owner and "
            + "a realistic date, review the open actions in the steering group, and drop or re-plan what no longer "
            + "fits rather than letting it lie.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Alert> evaluate(MonthContext month) {
        FollowThrough actions = FollowThrough.of(month);
        Optional<Double> share = actions.share();
        if (share.isEmpty() || share.get() >= month.setting("evaluation.followThrough")) {
            return Optional.empty();
        }
        List<String> evidence = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (Fact<ImprovementActionAgreed> missed : actions.missed()) {
            evidence.add(missed.id());
            actions.completionOf(missed).ifPresent(c -> evidence.add(c.id()));
            titles.add(missed.event().title());
        }
        String detail = actions.completedByDue().size() + " of " + actions.due().size()
                + " improvement actions due in the last " + month.days("evaluation.followThroughMonths")
                + " months were completed on time; missed: " + String.join(", ", titles) + ".";
        return Optional.of(new Alert(ID, TITLE, Severity.WARNING, detail, List.copyOf(evidence), RESPONSE,
                                     List.of(Alert.Reason.of("missed", actions.completedByDue().size(), actions.due().size(),
                                                             month.days("evaluation.followThroughMonths"),
                                                             String.join(", ", titles)))));
    }
}
