package nl.samenspel.health.evaluation;

import nl.samenspel.health.Indicator;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Status;
import nl.samenspel.health.evaluation.Evaluations.Evaluation;
import nl.samenspel.kernel.evaluation.Instrument;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * H16, the learning-working climate (leer-werkklimaat): the four capacities (vier vermogens) scored 1–10 in the
 * latest learning-climate evaluation with responses (domain.md §5.9).
 *
 * <p>Figures:
 * <ul>
 *   <li>{@code evaluationId}, {@code openedOn} (ISO date), {@code respondents} (responses summarised), and with
 *       anonymous answers {@code anonymousResponses} and {@code anonymousWithheld} (as in H1);</li>
 *   <li>{@code previousEvaluationId}, when there is an earlier learning-climate evaluation with responses;</li>
 *   <li>per capacity {@code c} in {@code absorptive, connecting, training, learning}: {@code c.mean},
 *       {@code c.median} (doubles), {@code c.n}, and with a previous evaluation {@code c.meanChange} and
 *       {@code c.medianChange};</li>
 *   <li>{@code connectingLearningGap}: mean connecting − mean learning (a high sense of belonging with little open
 *       learning points at cliques).</li>
 * </ul>
 * Status: OK when there is an evaluation to read, NA otherwise — domain.md sets no threshold on these scores, so the
 * indicator describes and never judges. Evidence: the opening and named responses of both evaluations
 * compared; anonymous answers are summarised only when at least three were given, and never named.
 */
public final class LearningClimate implements Indicator {
    public static final String ID = "H16";
    public static final String NAME = "Learning-working climate (leer-werkklimaat)";
    /** The four capacities, in the order of a response's scores. */
    public static final List<String> CAPACITIES = List.of("absorptive", "connecting", "training", "learning");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public IndicatorValue evaluate(MonthContext month) {
        Optional<Evaluations.LatestTwo> found = Evaluations.latestTwo(month, Instrument.LEARNING_CLIMATE);
        if (found.isEmpty()) {
            return IndicatorValue.notApplicable(ID, NAME);
        }
        Evaluation latest = found.get().latest();
        if (latest.scored().isEmpty()) {
            // Only a few anonymous answers: nothing can be shown without singling them out.
            return new IndicatorValue(ID, NAME, Status.NA, Collections.unmodifiableMap(found.get().baseFigures()),
                                      found.get().evidence());
        }
        Map<String, Object> figures = found.get().baseFigures();
        for (int i = 0; i < CAPACITIES.size(); i++) {
            String capacity = CAPACITIES.get(i);
            ItemScores scores = latest.item(i, capacity);
            if (scores.isEmpty()) {
                continue;
            }
            figures.put(capacity + ".mean", scores.mean());
            figures.put(capacity + ".median", scores.median());
            figures.put(capacity + ".n", scores.n());
            found.get().previousItem(i, capacity).ifPresent(before -> {
                figures.put(capacity + ".meanChange", scores.mean() - before.mean());
                figures.put(capacity + ".medianChange", scores.median() - before.median());
            });
        }
        ItemScores connecting = latest.item(1, "connecting");
        ItemScores learning = latest.item(3, "learning");
        if (!connecting.isEmpty() && !learning.isEmpty()) {
            figures.put("connectingLearningGap", connecting.mean() - learning.mean());
        }
        return new IndicatorValue(ID, NAME, Status.OK, Collections.unmodifiableMap(figures), found.get().evidence());
    }
}
