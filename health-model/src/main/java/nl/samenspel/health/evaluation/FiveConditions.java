package nl.samenspel.health.evaluation;

import nl.samenspel.health.Indicator;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Status;
import nl.samenspel.health.evaluation.Evaluations.Evaluation;
import nl.samenspel.kernel.evaluation.Instrument;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * H1, the five conditions for collaboration (vijf condities): how partners score ambition, interests, relationship,
 * organisation and process in the latest five-conditions evaluation with responses (domain.md §5.1).
 *
 * <p>Figures:
 * <ul>
 *   <li>{@code evaluationId}, {@code openedOn} (ISO date): the evaluation read;</li>
 *   <li>{@code respondents}: the number of responses summarised; with anonymous answers also
 *       {@code anonymousResponses} and {@code anonymousWithheld} (anonymous answers left out because fewer than
 *       three were given: domain.md §8);</li>
 *   <li>{@code previousEvaluationId}: the evaluation compared against, when there is one;</li>
 *   <li>per condition {@code c} in {@code ambition, interests, relationship, organisation, process}:
 *       {@code c.median} (double), {@code c.min}, {@code c.max}, {@code c.n} (ints), {@code c.gap} (max − min, the
 *       perception gap), {@code c.change} (median minus the previous evaluation's median; only with a previous
 *       evaluation that scored it) and {@code c.status} (OK, WATCH or ALERT);</li>
 *   <li>{@code perceptionGaps}: the conditions whose gap reaches {@code fiveConditions.perceptionGap}.</li>
 * </ul>
 * Status per condition: median ≤ {@code fiveConditions.alertMedian} alert, ≤ {@code fiveConditions.watchMedian}
 * watch, and at least watch when its gap reaches the perception-gap threshold; the indicator takes the worst. NA
 * without an evaluation with responses. Evidence: the opening and named responses of both evaluations
 * compared; anonymous answers are summarised only when at least three were given, and never named.
 */
public final class FiveConditions implements Indicator {
    public static final String ID = "H1";
    public static final String NAME = "Five conditions (vijf condities)";
    /** The items of the five-conditions instrument, in the order of a response's scores. */
    public static final List<String> CONDITIONS = List.of("ambition", "interests", "relationship", "organisation", "process");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public IndicatorValue evaluate(MonthContext month) {
        Optional<Evaluations.LatestTwo> found = Evaluations.latestTwo(month, Instrument.FIVE_CONDITIONS);
        if (found.isEmpty()) {
            return IndicatorValue.notApplicable(ID, NAME);
        }
        Evaluation latest = found.get().latest();
        if (latest.scored().isEmpty()) {
            // Only a few anonymous answers: nothing can be shown without singling them out.
            return new IndicatorValue(ID, NAME, Status.NA, Collections.unmodifiableMap(found.get().baseFigures()),
                                      found.get().evidence());
        }
        double perceptionGap = month.setting("fiveConditions.perceptionGap");

        Map<String, Object> figures = found.get().baseFigures();
        Status status = Status.OK;
        List<String> gaps = new ArrayList<>();
        for (int i = 0; i < CONDITIONS.size(); i++) {
            String condition = CONDITIONS.get(i);
            ItemScores scores = latest.item(i, condition);
            if (scores.isEmpty()) {
                continue;
            }
            figures.put(condition + ".median", scores.median());
            figures.put(condition + ".min", scores.min());
            figures.put(condition + ".max", scores.max());
            figures.put(condition + ".n", scores.n());
            figures.put(condition + ".gap", scores.spread());
            found.get().previousItem(i, condition)
                 .ifPresent(before -> figures.put(condition + ".change", scores.median() - before.median()));
            Status conditionStatus = statusOf(scores, month);
            figures.put(condition + ".status", conditionStatus.name());
            if (scores.spread() >= perceptionGap) {
                gaps.add(condition);
            }
            status = Status.worst(status, conditionStatus);
        }
        figures.put("perceptionGaps", List.copyOf(gaps));

        return new IndicatorValue(ID, NAME, status, Collections.unmodifiableMap(figures), found.get().evidence());
    }

    static Status statusOf(ItemScores scores, MonthContext month) {
        Status byMedian = scores.median() <= month.setting("fiveConditions.alertMedian") ? Status.ALERT
                : scores.median() <= month.setting("fiveConditions.watchMedian") ? Status.WATCH : Status.OK;
        return scores.spread() >= month.setting("fiveConditions.perceptionGap") ? Status.worst(byMedian, Status.WATCH)
                : byMedian;
    }
}
