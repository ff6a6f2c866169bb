package nl.samenspel.health;

import nl.samenspel.kernel.ambition.Stance;
import nl.samenspel.kernel.evaluation.Instrument;
import nl.samenspel.kernel.exchange.BalanceRating;
import nl.samenspel.kernel.exchange.Capital;
import nl.samenspel.kernel.people.Level;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static nl.samenspel.health.HistoryBuilderA.d;
import static nl.samenspel.health.HistoryBuilderA.month;
import static org.assertj.core.api.Assertions.assertThat;

/** The standard model carries the sharing and evaluation indicators and alerts, and "as known at" sees them too. */
class StandardModelSharingAndEvaluationTest {

    private UUID beta;
    private String betaUnfair;

    /** A troubled first quarter in which every alert of the sharing and evaluation block holds by March. */
    private HistoryBuilderA troubledQuarter() {
        HistoryBuilderA history = HistoryBuilderA.foundedOn("2024-01-01");
        UUID alpha = history.join("Alpha", "2024-01-01");
        beta = history.join("Beta", "2024-01-01");
        UUID gamma = history.join("Gamma", "2024-01-01");
        history.ambition(1, "2024-01-10");
        history.stance(alpha, Level.BOARD, 1, Stance.ENDORSES, "2024-01-15");
        history.stance(gamma, Level.BOARD, 1, Stance.REJECTS, "2024-01-20");                 // A1
        history.appoint(alpha, Level.BOARD, "person-1", "2024-02-01");                        // A2
        betaUnfair = history.balance(beta, BalanceRating.UNFAIR, "2024-02-01");               // A3
        UUID evaluation = history.evaluation(Instrument.FIVE_CONDITIONS, true, "2024-02-01");
        history.response(evaluation, alpha, "2024-02-03", 4, 4, 5, 4, 4);                    // Beta absent: A13
        history.response(evaluation, gamma, "2024-02-04", 4, 4, 1, 4, 4);                    // gap 4: A17
        history.action("Agree referral protocol", alpha, "2024-02-28", "2024-02-05");        // never done: A14
        history.value(null, Capital.ECONOMIC, "2024-02-10");                                  // one capital: A15
        return history;
    }

    @Test
    void the_standard_model_computes_the_block_every_month() {
        HealthTimeline timeline = troubledQuarter().timeline(HealthModel.standard(), "2024-03-31");

        assertThat(timeline.months()).hasSize(3);
        for (MonthHealth month : timeline.months()) {
            assertThat(month.indicators()).containsKeys("H1", "H2", "H3", "H4", "H12", "H15", "H16");
        }
        MonthHealth march = month(timeline, "2024-03");
        assertThat(march.alerts()).extracting(Alert::id)
                                  .contains("A1", "A2", "A3", "A13", "A14", "A15", "A17");
        assertThat(march.indicator("H2").status()).isEqualTo(Status.ALERT);
        assertThat(march.indicator("H4").status()).isEqualTo(Status.ALERT);
        assertThat(march.indicator("H3").status()).isEqualTo(Status.NA);
        assertThat(march.indicator("H16").status()).isEqualTo(Status.NA);
    }

    @Test
    void as_known_before_a_correction_the_alert_still_shows() {
        HistoryBuilderA history = troubledQuarter();
        history.correct(betaUnfair, history.balanceEvent(beta, BalanceRating.SKEWED_ACCEPTABLE, "2024-02-01"),
                        "2024-04-02");
        List<LoggedEntry> log = history.log();
        Instant justBeforeCorrection = log.get(log.size() - 1).recordedAt().minusSeconds(1);
        HealthModel model = HealthModel.standard();

        MonthHealth asOf = month(model.timeline(log, d("2024-03-31")), "2024-03");
        MonthHealth asKnown = month(model.timelineOfEffective(EffectiveHistory.knownAt(log, justBeforeCorrection),
                                                              d("2024-03-31")), "2024-03");

        assertThat(asOf.hasAlert("A3")).isFalse();
        assertThat(asOf.indicator("H4").status()).isEqualTo(Status.OK);
        assertThat(asKnown.hasAlert("A3")).isTrue();
        assertThat(asKnown.indicator("H4").status()).isEqualTo(Status.ALERT);
    }
}
