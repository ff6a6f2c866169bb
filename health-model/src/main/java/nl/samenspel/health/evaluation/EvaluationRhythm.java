package nl.samenspel.health.evaluation;

import nl.samenspel.health.Fact;
import nl.samenspel.health.Indicator;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Status;
import nl.samenspel.kernel.evaluation.ImprovementActionAgreed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * H15, the evaluation rhythm (balans opmaken): do the partners take stock together, regularly, and do they act on
 * what they learn (domain.md §5.9; the source says monthly to yearly, and do it together).
 *
 * <p>Figures:
 * <ul>
 *   <li>{@code lastJointEvaluationId}, {@code lastJointOpenedOn} (ISO date): the last joint network evaluation with
 *       responses, any instrument; absent without one;</li>
 *   <li>{@code daysSinceLastJoint}: days from its opening to the end of the month (absent without one);
 *       {@code daysSinceFounded} instead when there has been none;</li>
 *   <li>{@code cadenceDays} (the policy's {@code evaluation.cadenceDays}) and {@code overdue} (boolean);</li>
 *   <li>{@code activePartners}, {@code respondingPartners} and {@code jointness} (their share, absent without a
 *       joint evaluation);</li>
 *   <li>{@code actionsDue}, {@code actionsCompletedByDue} and {@code followThrough} (their share, absent when
 *       nothing was due) over the last 12 months.</li>
 * </ul>
 * Status: watch when overdue, not joint (jointness &lt; 1) or follow-through below {@code evaluation.followThrough};
 * OK otherwise; NA when there is no joint evaluation, nothing is overdue and no action was due. Evidence: the last
 * joint evaluation's opening and responses (or the founding when overdue without one), and the actions due with
 * their completions.
 */
public final class EvaluationRhythm implements Indicator {
    public static final String ID = "H15";
    public static final String NAME = "Evaluation rhythm (balans opmaken)";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public IndicatorValue evaluate(MonthContext month) {
        JointCadence cadence = JointCadence.of(month);
        FollowThrough actions = FollowThrough.of(month);
        if (cadence.lastJoint().isEmpty() && !cadence.overdue() && actions.due().isEmpty()) {
            return IndicatorValue.notApplicable(ID, NAME);
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        List<String> evidence = new ArrayList<>();
        cadence.lastJoint().ifPresentOrElse(last -> {
            figures.put("lastJointEvaluationId", last.id().toString());
            figures.put("lastJointOpenedOn", last.openedOn().toString());
            figures.put("daysSinceLastJoint", cadence.daysSince());
            evidence.addAll(last.evidence());
        }, () -> {
            figures.put("daysSinceFounded", cadence.daysSince());
            if (cadence.overdue()) {
                cadence.founded().ifPresent(f -> evidence.add(f.id()));
            }
        });
        figures.put("cadenceDays", month.days("evaluation.cadenceDays"));
        figures.put("overdue", cadence.overdue());
        figures.put("activePartners", cadence.activePartners().size());
        figures.put("respondingPartners", cadence.respondingPartners().size());
        cadence.jointness().ifPresent(share -> figures.put("jointness", share));
        figures.put("actionsDue", actions.due().size());
        figures.put("actionsCompletedByDue", actions.completedByDue().size());
        actions.share().ifPresent(share -> figures.put("followThrough", share));
        for (Fact<ImprovementActionAgreed> action : actions.due()) {
            evidence.add(action.id());
            actions.completionOf(action).ifPresent(c -> evidence.add(c.id()));
        }

        boolean lagging = actions.share().map(share -> share < month.setting("evaluation.followThrough")).orElse(false);
        Status status = cadence.overdue() || cadence.notJoint() || lagging ? Status.WATCH : Status.OK;
        return new IndicatorValue(ID, NAME, status, Collections.unmodifiableMap(figures), List.copyOf(evidence));
    }
}
