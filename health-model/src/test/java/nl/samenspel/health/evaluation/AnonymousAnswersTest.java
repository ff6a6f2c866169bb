package nl.samenspel.health.evaluation;

import nl.samenspel.health.HealthModel;
import nl.samenspel.health.HistoryBuilderA;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.MonthHealth;
import nl.samenspel.health.Status;
import nl.samenspel.kernel.evaluation.EvaluationResponseRecorded;
import nl.samenspel.kernel.evaluation.Instrument;
import nl.samenspel.kernel.people.Level;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static nl.samenspel.health.HistoryBuilderA.d;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Views never show fewer than three anonymous answers apart (domain.md §8): with one or two anonymous answers their
 * scores are left out of every figure (no min and max that are exactly their scores) and no view names an anonymous
 * answer as evidence, whatever the instrument.
 */
class AnonymousAnswersTest {
    private final HealthModel model = HealthModel.standard();

    private static String anonymous(HistoryBuilderA history, UUID evaluation, UUID partner, String on, Integer... scores) {
        return history.add(new EvaluationResponseRecorded(history.network(), evaluation, partner, Level.PROFESSIONAL, true,
                                                          List.of(scores), "we feel unheard", d(on), null, null));
    }

    @Test
    void twoAnonymousAnswersBesideOneNamedAnswerAreWithheldFromFiguresAndEvidence() {
        HistoryBuilderA history = HistoryBuilderA.foundedOn("2024-01-01");
        UUID alpha = history.join("Alpha", "2024-01-01");
        UUID beta = history.join("Beta", "2024-01-01");
        UUID gamma = history.join("Gamma", "2024-01-01");
        List<String> anonymousIds = new ArrayList<>();
        for (Instrument instrument : Instrument.values()) {
            UUID evaluation = history.evaluation(instrument, true, "2024-02-01");
            int items = instrument == Instrument.FIVE_CONDITIONS ? 5 : instrument == Instrument.LEARNING_CLIMATE ? 4 : 8;
            history.response(evaluation, alpha, "2024-02-05", repeat(3, items));
            anonymousIds.add(anonymous(history, evaluation, beta, "2024-02-06", repeat(1, items)));
            anonymousIds.add(anonymous(history, evaluation, gamma, "2024-02-07", repeat(5, items)));
        }

        MonthHealth february = HistoryBuilderA.month(history.timeline(model, "2024-02-29"), "2024-02");

        IndicatorValue h1 = february.indicator("H1");
        assertThat(h1.figure("ambition.min")).isEqualTo(3);
        assertThat(h1.figure("ambition.max")).isEqualTo(3);
        assertThat(h1.figure("respondents")).isEqualTo(1);
        assertThat(h1.figure("anonymousResponses")).isEqualTo(2);
        assertThat(h1.figure("anonymousWithheld")).isEqualTo(2);
        assertThat(february.indicator("H16").figure("absorptive.n")).isEqualTo(1);
        assertThat(february.hasAlert("A17")).as("two anonymous answers make no perception gap").isFalse();
        for (IndicatorValue value : february.indicators().values()) {
            assertThat(value.evidence()).as(value.id()).doesNotContainAnyElementsOf(anonymousIds);
        }
        february.alerts().forEach(a -> assertThat(a.evidence()).as(a.id()).doesNotContainAnyElementsOf(anonymousIds));
    }

    @Test
    void threeAnonymousAnswersCountButAreNeverNamed() {
        HistoryBuilderA history = HistoryBuilderA.foundedOn("2024-01-01");
        UUID alpha = history.join("Alpha", "2024-01-01");
        UUID beta = history.join("Beta", "2024-01-01");
        UUID gamma = history.join("Gamma", "2024-01-01");
        UUID evaluation = history.evaluation(Instrument.FIVE_CONDITIONS, true, "2024-02-01");
        List<String> anonymousIds = List.of(anonymous(history, evaluation, alpha, "2024-02-05", 1, 1, 1, 1, 1),
                                            anonymous(history, evaluation, beta, "2024-02-06", 5, 5, 5, 5, 5),
                                            anonymous(history, evaluation, gamma, "2024-02-07", 3, 3, 3, 3, 3));

        MonthHealth february = HistoryBuilderA.month(history.timeline(model, "2024-02-29"), "2024-02");

        assertThat(february.indicator("H1").figure("ambition.gap")).isEqualTo(4);
        assertThat(february.indicator("H1").figure("anonymousWithheld")).isEqualTo(0);
        assertThat(february.hasAlert("A17")).isTrue();
        assertThat(february.indicator("H1").evidence()).doesNotContainAnyElementsOf(anonymousIds).hasSize(1);
        february.alerts().forEach(a -> assertThat(a.evidence()).as(a.id()).doesNotContainAnyElementsOf(anonymousIds));
    }

    /**
     * Who took part in an evaluation counts an anonymous answer only where its scores count too (three or more): with
     * two partners answering by name and the third anonymously, "3 of 3 partners took part" beside the two named
     * answers listed told everyone which partner had answered anonymously.
     */
    @Test
    void oneAnonymousAnswerDoesNotCountForWhoTookPartSoItsPartnerCannotBeTold() {
        HistoryBuilderA history = HistoryBuilderA.foundedOn("2024-01-01");
        UUID alpha = history.join("Alpha", "2024-01-01");
        UUID beta = history.join("Beta", "2024-01-01");
        UUID gamma = history.join("Gamma", "2024-01-01");
        UUID evaluation = history.evaluation(Instrument.FIVE_CONDITIONS, true, "2024-02-01");
        history.response(evaluation, alpha, "2024-02-05", 4, 4, 4, 4, 4);
        history.response(evaluation, beta, "2024-02-06", 4, 4, 4, 4, 4);
        anonymous(history, evaluation, gamma, "2024-02-07", 1, 1, 1, 1, 1);

        IndicatorValue h15 = HistoryBuilderA.month(history.timeline(model, "2024-02-29"), "2024-02").indicator("H15");

        assertThat(h15.figure("respondingPartners")).isEqualTo(2);
        assertThat(h15.figure("activePartners")).isEqualTo(3);

        // with three anonymous answers, they count for who took part as they count in the scores
        HistoryBuilderA three = HistoryBuilderA.foundedOn("2024-01-01");
        UUID a = three.join("Alpha", "2024-01-01");
        UUID b = three.join("Beta", "2024-01-01");
        UUID c = three.join("Gamma", "2024-01-01");
        UUID together = three.evaluation(Instrument.FIVE_CONDITIONS, true, "2024-02-01");
        anonymous(three, together, a, "2024-02-05", 1, 1, 1, 1, 1);
        anonymous(three, together, b, "2024-02-06", 5, 5, 5, 5, 5);
        anonymous(three, together, c, "2024-02-07", 3, 3, 3, 3, 3);
        assertThat(HistoryBuilderA.month(three.timeline(model, "2024-02-29"), "2024-02").indicator("H15")
                                  .figure("respondingPartners")).isEqualTo(3);
    }

    @Test
    void onlyTwoAnonymousAnswersShowNothingButTheirCount() {
        HistoryBuilderA history = HistoryBuilderA.foundedOn("2024-01-01");
        UUID alpha = history.join("Alpha", "2024-01-01");
        UUID beta = history.join("Beta", "2024-01-01");
        UUID evaluation = history.evaluation(Instrument.FIVE_CONDITIONS, true, "2024-02-01");
        anonymous(history, evaluation, alpha, "2024-02-05", 1, 1, 1, 1, 1);
        anonymous(history, evaluation, beta, "2024-02-06", 5, 5, 5, 5, 5);

        IndicatorValue h1 = HistoryBuilderA.month(history.timeline(model, "2024-02-29"), "2024-02").indicator("H1");

        assertThat(h1.status()).isEqualTo(Status.NA);
        assertThat(h1.figures()).doesNotContainKeys("ambition.min", "ambition.max", "ambition.median");
        assertThat(h1.figure("anonymousWithheld")).isEqualTo(2);
    }

    private static Integer[] repeat(int score, int times) {
        Integer[] scores = new Integer[times];
        java.util.Arrays.fill(scores, score);
        return scores;
    }
}
