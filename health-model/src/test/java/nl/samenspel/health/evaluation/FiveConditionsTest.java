package nl.samenspel.health.evaluation;

import nl.samenspel.health.HealthModel;
import nl.samenspel.health.HealthTimeline;
import nl.samenspel.health.HistoryBuilderA;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.MonthHealth;
import nl.samenspel.health.Severity;
import nl.samenspel.health.Status;
import nl.samenspel.kernel.evaluation.Instrument;
import nl.samenspel.kernel.health.HealthPolicyChanged;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.samenspel.health.HistoryBuilderA.d;
import static nl.samenspel.health.HistoryBuilderA.month;
import static org.assertj.core.api.Assertions.assertThat;

class FiveConditionsTest {
    private final HealthModel model = new HealthModel(List.of(new FiveConditions()), List.of(new PerceptionGap()));
    private HistoryBuilderA history;
    private UUID alpha;
    private UUID beta;
    private UUID gamma;
    private UUID first;
    private String opening;
    private String alphaAnswer;
    private String betaAnswer;
    private String gammaAnswer;

    /** Three partners answer one five-conditions evaluation in February (conditions in instrument order). */
    @BeforeEach
    void firstEvaluation() {
        history = HistoryBuilderA.foundedOn("2024-01-01");
        alpha = history.join("Alpha", "2024-01-01");
        beta = history.join("Beta", "2024-01-01");
        gamma = history.join("Gamma", "2024-01-01");
        first = history.evaluation(Instrument.FIVE_CONDITIONS, true, "2024-02-01");
        opening = history.lastId();
        alphaAnswer = history.response(first, alpha, "2024-02-05", 4, 3, 4, 2, 5);
        betaAnswer = history.response(first, beta, "2024-02-06", 2, 3, 5, 2, 3);
        gammaAnswer = history.response(first, gamma, "2024-02-07", 3, 5, 1, 2, 4);
    }

    private void secondEvaluationWithoutGamma() {
        UUID second = history.evaluation(Instrument.FIVE_CONDITIONS, true, "2024-04-01");
        history.response(second, alpha, "2024-04-03", 4, 4, 4, 3, 5);
        history.response(second, beta, "2024-04-04", 4, 3, 4, 3, 4);
    }

    @Test
    void not_applicable_without_an_evaluation_that_has_responses() {
        assertThat(month(history.timeline(model, "2024-02-29"), "2024-01").indicator("H1").status())
                .isEqualTo(Status.NA);

        HistoryBuilderA onlyOpened = HistoryBuilderA.foundedOn("2024-01-01");
        onlyOpened.join("Alpha", "2024-01-01");
        onlyOpened.evaluation(Instrument.FIVE_CONDITIONS, true, "2024-01-20");
        IndicatorValue value = month(onlyOpened.timeline(model, "2024-01-31"), "2024-01").indicator("H1");
        assertThat(value.status()).isEqualTo(Status.NA);
        assertThat(value.figures()).isEmpty();
        assertThat(value.evidence()).isEmpty();
    }

    @Test
    void median_min_max_gap_and_status_per_condition_of_the_latest_evaluation() {
        IndicatorValue value = month(history.timeline(model, "2024-02-29"), "2024-02").indicator("H1");

        assertThat(value.figure("evaluationId")).isEqualTo(first.toString());
        assertThat(value.figure("openedOn")).isEqualTo("2024-02-01");
        assertThat(value.number("respondents")).isEqualTo(3);
        assertThat(value.figures()).doesNotContainKeys("previousEvaluationId", "ambition.change");
        // ambition 4,2,3
        assertThat(value.number("ambition.median")).isEqualTo(3.0);
        assertThat(value.number("ambition.min")).isEqualTo(2);
        assertThat(value.number("ambition.max")).isEqualTo(4);
        assertThat(value.number("ambition.n")).isEqualTo(3);
        assertThat(value.number("ambition.gap")).isEqualTo(2);
        assertThat(value.figure("ambition.status")).isEqualTo("WATCH");
        // interests 3,3,5
        assertThat(value.number("interests.median")).isEqualTo(3.0);
        assertThat(value.figure("interests.status")).isEqualTo("WATCH");
        // relationship 4,5,1: a good median, but partners see it very differently
        assertThat(value.number("relationship.median")).isEqualTo(4.0);
        assertThat(value.number("relationship.gap")).isEqualTo(4);
        assertThat(value.figure("relationship.status")).isEqualTo("WATCH");
        // organisation 2,2,2
        assertThat(value.number("organisation.median")).isEqualTo(2.0);
        assertThat(value.number("organisation.gap")).isEqualTo(0);
        assertThat(value.figure("organisation.status")).isEqualTo("ALERT");
        // process 5,3,4
        assertThat(value.number("process.median")).isEqualTo(4.0);
        assertThat(value.figure("process.status")).isEqualTo("OK");

        assertThat(value.figure("perceptionGaps")).isEqualTo(List.of("relationship"));
        assertThat(value.status()).isEqualTo(Status.ALERT);
        assertThat(value.evidence()).containsExactly(opening, alphaAnswer, betaAnswer, gammaAnswer);
    }

    @Test
    void change_of_the_median_against_the_previous_evaluation() {
        secondEvaluationWithoutGamma();
        IndicatorValue value = month(history.timeline(model, "2024-04-30"), "2024-04").indicator("H1");

        assertThat(value.figure("previousEvaluationId")).isEqualTo(first.toString());
        assertThat(value.number("respondents")).isEqualTo(2);
        assertThat(value.number("ambition.median")).isEqualTo(4.0);
        assertThat(value.number("ambition.change")).isEqualTo(1.0);
        assertThat(value.number("interests.median")).isEqualTo(3.5);
        assertThat(value.number("interests.change")).isEqualTo(0.5);
        assertThat(value.number("relationship.change")).isEqualTo(0.0);
        assertThat(value.number("organisation.median")).isEqualTo(3.0);
        assertThat(value.number("organisation.change")).isEqualTo(1.0);
        assertThat(value.number("process.median")).isEqualTo(4.5);
        assertThat(value.number("process.change")).isEqualTo(0.5);
        assertThat(value.figure("perceptionGaps")).isEqualTo(List.of());
        assertThat(value.status()).isEqualTo(Status.WATCH);
        assertThat(value.evidence()).hasSize(3 + 4).contains(opening, gammaAnswer);
    }

    @Test
    void perception_gap_raises_A17_naming_the_extreme_answers_and_clears_with_the_next_evaluation() {
        secondEvaluationWithoutGamma();
        HealthTimeline timeline = history.timeline(model, "2024-05-31");

        MonthHealth february = month(timeline, "2024-02");
        assertThat(february.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.id()).isEqualTo("A17");
            assertThat(alert.severity()).isEqualTo(Severity.INFO);
            assertThat(alert.detail()).contains("relationship (1 to 5)");
            assertThat(alert.evidence()).containsExactly(opening, betaAnswer, gammaAnswer);
            assertThat(alert.suggestedResponse()).isNotBlank();
        });
        assertThat(timeline.episodes()).singleElement().satisfies(episode -> {
            assertThat(episode.raised()).isEqualTo(YearMonth.of(2024, 2));
            assertThat(episode.cleared()).isEqualTo(YearMonth.of(2024, 4));
        });
    }

    @Test
    void a_withdrawn_partner_no_longer_counts() {
        history.withdraw(gamma, "2024-03-10");
        HealthTimeline timeline = history.timeline(model, "2024-03-31");
        IndicatorValue march = month(timeline, "2024-03").indicator("H1");

        assertThat(march.number("respondents")).isEqualTo(2);
        assertThat(march.number("ambition.median")).isEqualTo(3.0);        // 4,2
        assertThat(march.number("relationship.median")).isEqualTo(4.5);    // 4,5
        assertThat(march.number("relationship.gap")).isEqualTo(1);
        assertThat(march.number("interests.n")).isEqualTo(2);
        assertThat(march.evidence()).doesNotContain(gammaAnswer);
        assertThat(month(timeline, "2024-03").hasAlert("A17")).isFalse();
        assertThat(month(timeline, "2024-02").hasAlert("A17")).isTrue();
    }

    @Test
    void a_correction_of_an_answer_removes_the_perception_gap() {
        history.correct(gammaAnswer, history.responseEvent(first, gamma, "2024-02-07", 3, 5, 3, 2, 4), "2024-03-02");
        HealthTimeline timeline = history.timeline(model, "2024-02-29");
        IndicatorValue february = month(timeline, "2024-02").indicator("H1");

        assertThat(february.number("relationship.min")).isEqualTo(3);
        assertThat(february.number("relationship.gap")).isEqualTo(2);
        assertThat(february.figure("relationship.status")).isEqualTo("OK");
        assertThat(timeline.episodes()).isEmpty();
    }

    @Test
    void a_late_back_dated_answer_changes_the_earlier_month() {
        HistoryBuilderA late = HistoryBuilderA.foundedOn("2024-01-01");
        UUID a = late.join("Alpha", "2024-01-01");
        UUID b = late.join("Beta", "2024-01-01");
        UUID c = late.join("Gamma", "2024-01-01");
        UUID evaluation = late.evaluation(Instrument.FIVE_CONDITIONS, true, "2024-02-01");
        late.response(evaluation, a, "2024-02-05", 4, 3, 4, 2, 5);
        late.response(evaluation, b, "2024-02-06", 2, 3, 5, 2, 3);
        HealthTimeline before = late.timeline(model, "2024-06-30");
        String logged = late.response(evaluation, c, "2024-02-07", 3, 5, 1, 2, 4);   // logged in June
        HealthTimeline after = late.timeline(model, "2024-06-30");

        assertThat(month(before, "2024-02").indicator("H1").number("relationship.gap")).isEqualTo(1);
        assertThat(month(before, "2024-02").hasAlert("A17")).isFalse();
        assertThat(month(after, "2024-02").indicator("H1").number("relationship.gap")).isEqualTo(4);
        assertThat(month(after, "2024-02").indicator("H1").evidence()).contains(logged);
        assertThat(month(after, "2024-02").hasAlert("A17")).isTrue();
    }

    @Test
    void thresholds_follow_the_network_policy() {
        history.add(new HealthPolicyChanged(history.network(), Map.of("fiveConditions.alertMedian", 1.0,
                "fiveConditions.perceptionGap", 5.0), d("2024-02-01"), null, null));
        MonthHealth february = month(history.timeline(model, "2024-02-29"), "2024-02");

        assertThat(february.indicator("H1").figure("organisation.status")).isEqualTo("WATCH");
        assertThat(february.indicator("H1").figure("relationship.status")).isEqualTo("OK");
        assertThat(february.indicator("H1").status()).isEqualTo(Status.WATCH);
        assertThat(february.alerts()).isEmpty();
    }
}
