package nl.samenspel.health.evaluation;

import nl.samenspel.health.Alert;
import nl.samenspel.health.AlertRule;
import nl.samenspel.health.Fact;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Severity;
import nl.samenspel.health.evaluation.Evaluations.Evaluation;
import nl.samenspel.kernel.evaluation.EvaluationResponseRecorded;
import nl.samenspel.kernel.evaluation.Instrument;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A17, perception gap [info]: in the latest five-conditions evaluation with responses, respondents lie at least
 * {@code fiveConditions.perceptionGap} apart (max − min) on some condition. Evidence: the opening and the named
 * responses that gave the lowest and the highest score on each such condition. Anonymous answers count only when at
 * least {@link Evaluations#MINIMUM_ANONYMOUS} of them were given, and are never named as evidence (domain.md §8).
 */
public final class PerceptionGap implements AlertRule {
    public static final String ID = "A17";
    public static final String TITLE = "Perception gap";
    static final String RESPONSE = "Partners experience the same collaboration differently. Talk about the "
            + "differences before acting on any average: ask each other what lies behind a low and a high score, and "
            + "look for the picture you share.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Alert> evaluate(MonthContext month) {
        List<Evaluation> evaluations = Evaluations.withResponses(month, Instrument.FIVE_CONDITIONS);
        if (evaluations.isEmpty()) {
            return Optional.empty();
        }
        Evaluation latest = evaluations.get(evaluations.size() - 1);
        double threshold = month.setting("fiveConditions.perceptionGap");
        List<String> parts = new ArrayList<>();
        List<Alert.Reason> why = new ArrayList<>();
        Set<String> evidence = new LinkedHashSet<>();
        evidence.add(latest.opening().id());
        for (int i = 0; i < FiveConditions.CONDITIONS.size(); i++) {
            ItemScores scores = latest.item(i, FiveConditions.CONDITIONS.get(i));
            if (scores.isEmpty() || scores.spread() < threshold) {
                continue;
            }
            parts.add(scores.item() + " (" + scores.min() + " to " + scores.max() + ")");
            why.add(Alert.Reason.of("spread", latest.opening().event().title(),
                                    "@condition." + FiveConditions.CONDITIONS.get(i), scores.min(), scores.max()));
            for (Fact<EvaluationResponseRecorded> response : latest.scored()) {
                List<Integer> given = response.event().scores();
                if (Boolean.TRUE.equals(response.event().anonymous())) {
                    continue;
                }
                if (given.size() > i && (given.get(i) == scores.min() || given.get(i) == scores.max())) {
                    evidence.add(response.id());
                }
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        String detail = "In the five-conditions evaluation \"" + latest.opening().event().title()
                + "\" respondents differ widely on " + String.join(", ", parts) + ".";
        return Optional.of(new Alert(ID, TITLE, Severity.INFO, detail, List.copyOf(evidence), RESPONSE, why));
    }
}
