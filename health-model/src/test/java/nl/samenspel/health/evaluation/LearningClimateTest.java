package nl.samenspel.health.evaluation;

import nl.samenspel.health.HealthModel;
import nl.samenspel.health.HealthTimeline;
import nl.samenspel.health.HistoryBuilderA;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.Status;
import nl.samenspel.kernel.evaluation.Instrument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static nl.samenspel.health.HistoryBuilderA.month;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class LearningClimateTest {
    private final HealthModel model = new HealthModel(List.of(new LearningClimate()), List.of());
    private HistoryBuilderA history;
    private UUID alpha;
    private UUID beta;
    private UUID gamma;
    private UUID first;
    private String gammaAnswer;

    /** Capacities in instrument order: absorptive, connecting, training, learning; scored 1–10 in March. */
    @BeforeEach
    void capacityDialogue() {
        history = HistoryBuilderA.foundedOn("2024-01-01");
        alpha = history.join("Alpha", "2024-01-01");
        beta = history.join("Beta", "2024-01-01");
        gamma = history.join("Gamma", "2024-01-01");
        first = history.evaluation(Instrument.LEARNING_CLIMATE, false, "2024-03-01");
        history.response(first, alpha, "2024-03-04", 6, 8, 7, 5);
        history.response(first, beta, "2024-03-05", 7, 9, 6, 4);
        gammaAnswer = history.response(first, gamma, "2024-03-06", 5, 7, 8, 6);
    }

    private UUID secondDialogue() {
        UUID second = history.evaluation(Instrument.LEARNING_CLIMATE, false, "2024-09-01");
        history.response(second, alpha, "2024-09-02", 7, 8, 7, 6);
        history.response(second, beta, "2024-09-03", 8, 8, 6, 6);
        return second;
    }

    @Test
    void not_applicable_without_a_learning_climate_evaluation() {
        HistoryBuilderA other = HistoryBuilderA.foundedOn("2024-01-01");
        UUID partner = other.join("Alpha", "2024-01-01");
        UUID conditions = other.evaluation(Instrument.FIVE_CONDITIONS, true, "2024-01-10");
        other.response(conditions, partner, "2024-01-11", 4, 4, 4, 4, 4);

        assertThat(month(other.timeline(model, "2024-01-31"), "2024-01").indicator("H16").status()).isEqualTo(Status.NA);
        assertThat(month(history.timeline(model, "2024-03-31"), "2024-02").indicator("H16").status()).isEqualTo(Status.NA);
    }

    @Test
    void mean_median_and_n_per_capacity_and_the_connecting_learning_gap() {
        IndicatorValue march = month(history.timeline(model, "2024-03-31"), "2024-03").indicator("H16");

        assertThat(march.figures()).contains(
                entry("evaluationId", first.toString()), entry("respondents", 3),
                entry("absorptive.mean", 6.0), entry("absorptive.median", 6.0), entry("absorptive.n", 3),
                entry("connecting.mean", 8.0), entry("connecting.median", 8.0),
                entry("training.mean", 7.0), entry("training.median", 7.0),
                entry("learning.mean", 5.0), entry("learning.median", 5.0),
                entry("connectingLearningGap", 3.0));
        assertThat(march.figures()).doesNotContainKeys("previousEvaluationId", "absorptive.meanChange");
        assertThat(march.status()).isEqualTo(Status.OK);
        assertThat(march.evidence()).hasSize(4);
    }

    @Test
    void change_against_the_previous_evaluation() {
        UUID second = secondDialogue();
        IndicatorValue september = month(history.timeline(model, "2024-09-30"), "2024-09").indicator("H16");

        assertThat(september.figures()).contains(
                entry("evaluationId", second.toString()), entry("previousEvaluationId", first.toString()),
                entry("absorptive.mean", 7.5), entry("absorptive.meanChange", 1.5), entry("absorptive.medianChange", 1.5),
                entry("connecting.meanChange", 0.0),
                entry("training.mean", 6.5), entry("training.meanChange", -0.5),
                entry("learning.mean", 6.0), entry("learning.meanChange", 1.0), entry("learning.medianChange", 1.0),
                entry("connectingLearningGap", 2.0));
        assertThat(september.evidence()).hasSize(3 + 4);
    }

    @Test
    void a_withdrawn_partner_no_longer_counts() {
        history.withdraw(gamma, "2024-04-15");
        IndicatorValue april = month(history.timeline(model, "2024-04-30"), "2024-04").indicator("H16");

        assertThat(april.figures()).contains(entry("respondents", 2), entry("absorptive.mean", 6.5),
                                             entry("absorptive.median", 6.5), entry("absorptive.n", 2),
                                             entry("connectingLearningGap", 4.0));
        assertThat(april.evidence()).doesNotContain(gammaAnswer);
    }

    @Test
    void a_retracted_answer_no_longer_counts() {
        history.retract(gammaAnswer, "2024-04-01");
        IndicatorValue march = month(history.timeline(model, "2024-03-31"), "2024-03").indicator("H16");

        assertThat(march.figures()).contains(entry("respondents", 2), entry("learning.mean", 4.5),
                                             entry("learning.median", 4.5), entry("connectingLearningGap", 4.0));
    }

    @Test
    void a_late_back_dated_answer_changes_the_earlier_month() {
        UUID second = secondDialogue();
        HealthTimeline before = history.timeline(model, "2024-11-30");
        String late = history.response(second, gamma, "2024-09-10", 5, 6, 8, 7);   // logged in November
        HealthTimeline after = history.timeline(model, "2024-11-30");

        assertThat(month(before, "2024-09").indicator("H16").number("absorptive.mean")).isEqualTo(7.5);
        IndicatorValue september = month(after, "2024-09").indicator("H16");
        assertThat(september.figures()).contains(entry("absorptive.mean", 20.0 / 3), entry("absorptive.median", 7.0),
                                                 entry("absorptive.n", 3));
        assertThat(september.evidence()).contains(late);
    }
}
