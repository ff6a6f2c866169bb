package nl.samenspel.health.sharing;

import nl.samenspel.health.HealthModel;
import nl.samenspel.health.HealthTimeline;
import nl.samenspel.health.HistoryBuilderA;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.MonthHealth;
import nl.samenspel.health.Severity;
import nl.samenspel.health.Status;
import nl.samenspel.kernel.evaluation.Instrument;
import nl.samenspel.kernel.exchange.Capital;
import nl.samenspel.kernel.exchange.ContributionKind;
import nl.samenspel.kernel.exchange.ContributionStatus;
import nl.samenspel.kernel.exchange.Unit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.samenspel.health.HistoryBuilderA.month;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ThreeCapitalsTest {
    private final HealthModel model = new HealthModel(List.of(new ThreeCapitals()), List.of(new OneSidedValue()));
    private HistoryBuilderA history;
    private UUID alpha;
    private UUID beta;
    private String forResidents;
    private String forAlpha;
    private String forBeta;

    /** In February two economic claims and one social claim, and Alpha delivers EUR 1,000 tagged economic. */
    @BeforeEach
    void februaryClaims() {
        history = HistoryBuilderA.foundedOn("2024-01-01");
        alpha = history.join("Alpha", "2024-01-01");
        beta = history.join("Beta", "2024-01-01");
        history.contribution(alpha, null, ContributionKind.MONEY, 1000, Unit.EUR, null, Capital.ECONOMIC,
                             ContributionStatus.DELIVERED, "2024-02-01");
        forResidents = history.value(null, Capital.ECONOMIC, "2024-02-01");
        forAlpha = history.value(alpha, Capital.ECONOMIC, "2024-02-05");
        forBeta = history.value(beta, Capital.SOCIAL, "2024-02-10");
    }

    /** A network-value evaluation in March (E1, E2, E3, S1, S2, S3, C1, C2) and a cultural claim. */
    private void marchEvaluationAndCulturalClaim() {
        UUID evaluation = history.evaluation(Instrument.NETWORK_VALUE, true, "2024-03-01");
        history.response(evaluation, alpha, "2024-03-02", 4, 3, 5, 4, 4, 3, 2, 3);
        history.response(evaluation, beta, "2024-03-03", 2, 3, 3, 4, 5, 4, 2, 1);
        history.value(null, Capital.CULTURAL, "2024-03-10");
    }

    @Test
    void not_applicable_without_claims_contributions_or_a_network_value_evaluation() {
        MonthHealth january = month(history.timeline(model, "2024-02-29"), "2024-01");

        assertThat(january.indicator("H12").status()).isEqualTo(Status.NA);
        assertThat(january.alerts()).isEmpty();
    }

    @Test
    void claims_contributions_coverage_and_economic_share_per_capital() {
        IndicatorValue february = month(history.timeline(model, "2024-02-29"), "2024-02").indicator("H12");

        assertThat(february.figures()).contains(
                entry("economic.claims", 2), entry("economic.contributions", 1),
                entry("social.claims", 1), entry("social.contributions", 0),
                entry("cultural.claims", 0), entry("cultural.contributions", 0),
                entry("claims", 3), entry("coverage", 2), entry("missingCapitals", List.of("cultural")),
                entry("economicShare", 2.0 / 3));
        assertThat(february.figures()).doesNotContainKeys("economic.questionMean", "networkValueEvaluationId");
        assertThat(february.status()).isEqualTo(Status.WATCH);
    }

    @Test
    void a_missing_capital_raises_A15_which_clears_when_it_is_evidenced() {
        marchEvaluationAndCulturalClaim();
        HealthTimeline timeline = history.timeline(model, "2024-03-31");

        assertThat(month(timeline, "2024-02").alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.id()).isEqualTo("A15");
            assertThat(alert.severity()).isEqualTo(Severity.WARNING);
            assertThat(alert.detail()).isEqualTo("In the last 12 months: no evidenced value claim for cultural capital.");
            assertThat(alert.evidence()).containsExactly(forResidents, forAlpha, forBeta);
        });
        assertThat(timeline.episodes()).singleElement().satisfies(episode -> {
            assertThat(episode.raised()).isEqualTo(YearMonth.of(2024, 2));
            assertThat(episode.cleared()).isEqualTo(YearMonth.of(2024, 3));
        });
    }

    @Test
    void means_of_the_network_value_questions_per_capital() {
        marchEvaluationAndCulturalClaim();
        IndicatorValue march = month(history.timeline(model, "2024-03-31"), "2024-03").indicator("H12");

        assertThat(march.number("coverage")).isEqualTo(3);
        assertThat(march.number("economicShare")).isEqualTo(0.5);
        assertThat(march.number("economic.questionMean")).isEqualTo(20.0 / 6);   // 4,3,5 and 2,3,3
        assertThat(march.number("social.questionMean")).isEqualTo(4.0);         // 4,4,3 and 4,5,4
        assertThat(march.number("cultural.questionMean")).isEqualTo(2.0);       // 2,3 and 2,1
        assertThat(march.figure("questionMeans")).isEqualTo(Map.of("E1", 3.0, "E2", 3.0, "E3", 4.0, "S1", 4.0,
                                                                  "S2", 4.5, "S3", 3.5, "C1", 2.0, "C2", 2.0));
        assertThat(march.status()).isEqualTo(Status.OK);
    }

    @Test
    void an_economic_share_above_the_threshold_with_enough_claims_raises_A15() {
        marchEvaluationAndCulturalClaim();
        for (String day : List.of("2024-04-01", "2024-04-02", "2024-04-03", "2024-04-04")) {
            history.value(null, Capital.ECONOMIC, day);
        }
        MonthHealth april = month(history.timeline(model, "2024-04-30"), "2024-04");

        assertThat(april.indicator("H12").number("claims")).isEqualTo(8);
        assertThat(april.indicator("H12").number("economicShare")).isEqualTo(0.75);
        assertThat(april.indicator("H12").status()).isEqualTo(Status.WATCH);
        assertThat(april.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.detail()).isEqualTo("In the last 12 months: 6 of 8 value claims are economic.");
            assertThat(alert.evidence()).hasSize(8);
        });
    }

    @Test
    void a_withdrawn_partner_no_longer_counts() {
        marchEvaluationAndCulturalClaim();
        history.withdraw(beta, "2024-03-20");
        MonthHealth march = month(history.timeline(model, "2024-03-31"), "2024-03");

        assertThat(march.indicator("H12").number("social.claims")).isEqualTo(0);
        assertThat(march.indicator("H12").number("coverage")).isEqualTo(2);
        assertThat(march.indicator("H12").number("economic.questionMean")).isEqualTo(4.0);   // Alpha's 4,3,5 only
        assertThat(march.alerts()).singleElement().satisfies(alert ->
                assertThat(alert.detail()).isEqualTo("In the last 12 months: no evidenced value claim for social capital."));
    }

    @Test
    void a_correction_of_a_claims_capital_removes_A15() {
        history.correct(forAlpha, history.valueEvent(alpha, Capital.CULTURAL, "2024-02-05"), "2024-03-01");
        MonthHealth february = month(history.timeline(model, "2024-02-29"), "2024-02");

        assertThat(february.indicator("H12").number("coverage")).isEqualTo(3);
        assertThat(february.indicator("H12").number("economicShare")).isEqualTo(1.0 / 3);
        assertThat(february.alerts()).isEmpty();
    }

    @Test
    void a_late_back_dated_claim_changes_the_earlier_month() {
        HealthTimeline before = history.timeline(model, "2024-04-30");
        String late = history.value(alpha, Capital.CULTURAL, "2024-02-15");   // logged in April
        HealthTimeline after = history.timeline(model, "2024-04-30");

        assertThat(month(before, "2024-02").hasAlert("A15")).isTrue();
        assertThat(month(after, "2024-02").indicator("H12").number("cultural.claims")).isEqualTo(1);
        assertThat(month(after, "2024-02").indicator("H12").evidence()).contains(late);
        assertThat(month(after, "2024-02").hasAlert("A15")).isFalse();
    }

    @Test
    void claims_older_than_the_window_drop_out() {
        // window (5 Feb 2024, 5 Feb 2025]: the claim of 5 February 2024 itself is outside
        IndicatorValue value = month(history.timeline(model, "2025-02-05"), "2025-02").indicator("H12");

        assertThat(value.number("claims")).isEqualTo(1);          // only the social claim of 10 February 2024
        assertThat(value.number("economic.contributions")).isEqualTo(0);
        assertThat(value.figure("missingCapitals")).isEqualTo(List.of("economic", "cultural"));
        assertThat(month(history.timeline(model, "2025-02-28"), "2025-02").indicator("H12").status())
                .isEqualTo(Status.NA);
    }
}
