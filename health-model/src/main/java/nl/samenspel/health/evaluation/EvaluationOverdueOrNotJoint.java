package nl.samenspel.health.evaluation;

import nl.samenspel.health.Alert;
import nl.samenspel.health.AlertRule;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A13, evaluation overdue or not joint [warning]: no joint evaluation of the network within
 * {@code evaluation.cadenceDays}, or not every active partner answered the last one (see {@link JointCadence}).
 * Evidence: the last joint evaluation's opening and responses, or the founding when there has been none.
 */
public final class EvaluationOverdueOrNotJoint implements AlertRule {
    public static final String ID = "A13";
    public static final String TITLE = "Evaluation overdue or not joint";
    static final String RESPONSE = "Take stock of the collaboration together, and do not wait until problems "
            + "arise: plan a joint evaluation (for example with the five reflection questions on experience, "
            + "relations, agreements, interests and ambition) and make sure every partner takes part.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Alert> evaluate(MonthContext month) {
        JointCadence cadence = JointCadence.of(month);
        if (!cadence.overdue() && !cadence.notJoint()) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        List<Alert.Reason> why = new ArrayList<>();
        if (cadence.overdue()) {
            why.add(Alert.Reason.of(cadence.lastJoint().isPresent() ? "overdue" : "neverJoint", cadence.daysSince(),
                                    month.days("evaluation.cadenceDays")));
            String cadenceDays = " (cadence " + Alert.count(month.days("evaluation.cadenceDays")) + " days)";
            reasons.add(cadence.lastJoint().isPresent()
                    ? "the last joint evaluation was opened " + Alert.count(cadence.daysSince()) + " days ago" + cadenceDays
                    : "there has been no joint evaluation in the " + Alert.count(cadence.daysSince())
                      + " days since the founding" + cadenceDays);
        }
        if (cadence.notJoint()) {
            List<String> absent = cadence.absentPartners().stream().map(p -> month.roster().name(p)).toList();
            reasons.add("not every partner answered the last joint evaluation (missing: " + String.join(", ", absent) + ")");
            why.add(Alert.Reason.of("notJoint", String.join(", ", absent)));
        }
        List<String> evidence = new ArrayList<>();
        cadence.lastJoint().ifPresentOrElse(last -> evidence.addAll(last.evidence()),
                                            () -> cadence.founded().ifPresent(f -> evidence.add(f.id())));
        String detail = capitalise(String.join("; and ", reasons)) + ".";
        return Optional.of(new Alert(ID, TITLE, Severity.WARNING, detail, List.copyOf(evidence), RESPONSE, why));
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
