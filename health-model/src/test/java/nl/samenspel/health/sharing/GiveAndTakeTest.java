package nl.samenspel.health.sharing;

import nl.samenspel.health.HealthModel;
import nl.samenspel.health.HealthTimeline;
import nl.samenspel.health.HistoryBuilderA;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.MonthHealth;
import nl.samenspel.health.Severity;
import nl.samenspel.health.Status;
import nl.samenspel.kernel.exchange.BalanceRating;
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

class GiveAndTakeTest {
    private final HealthModel model = new HealthModel(List.of(new GiveAndTake()), List.of(new PerceivedUnfairBalance()));
    private HistoryBuilderA history;
    private UUID alpha;
    private UUID beta;
    private UUID gamma;
    private UUID facilities;
    private String gammaUnfair;

    /**
     * Alpha gives EUR 5,000 to the network and 40 hours (est. EUR 3,000) to Beta in February; Beta pledges 10 hours
     * (est. EUR 1,000) to Alpha and delivers them on 1 March; Gamma pledges 2 rooms to the network in March and
     * Beta's pledge of 5 days to Gamma is withdrawn. Beta gets evidenced social value; in March Alpha rates the
     * balance balanced, Beta skewed but acceptable, and Gamma unfair.
     */
    @BeforeEach
    void ledger() {
        history = HistoryBuilderA.foundedOn("2024-01-01");
        alpha = history.join("Alpha", "2024-01-01");
        beta = history.join("Beta", "2024-01-01");
        gamma = history.join("Gamma", "2024-01-01");
        history.contribution(alpha, null, ContributionKind.MONEY, 5000, Unit.EUR, null, Capital.ECONOMIC,
                             ContributionStatus.DELIVERED, "2024-02-01");
        history.contribution(alpha, beta, ContributionKind.CAPACITY, 40, Unit.HOURS, 3000.0, Capital.SOCIAL,
                             ContributionStatus.DELIVERED, "2024-02-10");
        UUID coaching = history.contribution(beta, alpha, ContributionKind.KNOWLEDGE, 10, Unit.HOURS, 1000.0,
                                             Capital.CULTURAL, ContributionStatus.PLEDGED, "2024-02-15");
        history.contributionStatus(coaching, ContributionStatus.DELIVERED, "2024-03-01");
        facilities = history.contribution(gamma, null, ContributionKind.FACILITIES, 2, Unit.ITEMS, null, Capital.ECONOMIC,
                                          ContributionStatus.PLEDGED, "2024-03-05");
        UUID secondment = history.contribution(beta, gamma, ContributionKind.CAPACITY, 5, Unit.DAYS, 2000.0,
                                               Capital.SOCIAL, ContributionStatus.PLEDGED, "2024-03-10");
        history.contributionStatus(secondment, ContributionStatus.WITHDRAWN, "2024-03-20");
        history.value(beta, Capital.SOCIAL, "2024-03-15");
        history.balance(alpha, BalanceRating.BALANCED, "2024-03-01");
        history.balance(beta, BalanceRating.SKEWED_ACCEPTABLE, "2024-03-01");
        gammaUnfair = history.balance(gamma, BalanceRating.UNFAIR, "2024-03-25");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ledgerOf(IndicatorValue value, UUID partner) {
        return ((Map<String, Map<String, Object>>) value.figure("ledger")).get(partner.toString());
    }

    @Test
    void not_applicable_without_contributions_value_or_ratings() {
        assertThat(month(history.timeline(model, "2024-03-31"), "2024-01").indicator("H4").status())
                .isEqualTo(Status.NA);
    }

    @Test
    void ledger_per_partner_shares_reciprocity_and_fairness() {
        IndicatorValue march = month(history.timeline(model, "2024-03-31"), "2024-03").indicator("H4");

        assertThat(march.number("activePartners")).isEqualTo(3);
        assertThat(march.number("delivered")).isEqualTo(3);
        assertThat(march.number("totalGivenEur")).isEqualTo(9000.0);

        Map<String, Object> a = ledgerOf(march, alpha);
        assertThat(a).containsEntry("name", "Alpha").containsEntry("givenCount", 2).containsEntry("givenEur", 8000.0)
                     .containsEntry("givenHours", 40.0).containsEntry("givenDays", 0.0).containsEntry("givenItems", 0.0)
                     .containsEntry("givenByKind", Map.of("money", 1, "capacity", 1))
                     .containsEntry("givenByCapital", Map.of("economic", 1, "social", 1))
                     .containsEntry("receivedCount", 1).containsEntry("receivedEur", 1000.0)
                     .containsEntry("valueRealised", 0L).containsEntry("pledgedNotDelivered", 0)
                     .containsEntry("givingShareEur", 8000.0 / 9000).containsEntry("givingShareCount", 2.0 / 3)
                     .containsEntry("fairness", "balanced");
        Map<String, Object> b = ledgerOf(march, beta);
        assertThat(b).containsEntry("givenCount", 1).containsEntry("givenEur", 1000.0).containsEntry("givenHours", 10.0)
                     .containsEntry("givenByKind", Map.of("knowledge", 1))
                     .containsEntry("receivedCount", 1).containsEntry("receivedEur", 3000.0)
                     .containsEntry("valueRealised", 1L)
                     .containsEntry("pledgedNotDelivered", 0)                       // the withdrawn pledge is gone
                     .containsEntry("givingShareEur", 1000.0 / 9000).containsEntry("givingShareCount", 1.0 / 3)
                     .containsEntry("fairness", "skewed-acceptable");
        Map<String, Object> c = ledgerOf(march, gamma);
        assertThat(c).containsEntry("givenCount", 0).containsEntry("givenEur", 0.0)
                     .containsEntry("pledgedNotDelivered", 1).containsEntry("pledgedNotDeliveredEur", 0.0)
                     .containsEntry("givingShareEur", 0.0).containsEntry("givingShareCount", 0.0)
                     .containsEntry("fairness", "unfair");

        assertThat(march.figure("reciprocity")).isEqualTo(List.of(Map.of(
                "partnerA", alpha.toString(), "partnerB", beta.toString(),
                "aToBEur", 3000.0, "bToAEur", 1000.0, "ratio", 1.0 / 3)));
        assertThat(march.number("rated")).isEqualTo(3);
        assertThat(march.number("unfair")).isEqualTo(1);
        assertThat(march.figure("unfairPartners")).isEqualTo(List.of("Gamma"));
        assertThat(march.status()).isEqualTo(Status.ALERT);
        // deliveries (Beta's with its status change), Gamma's open pledge, Beta's value, the three ratings;
        // Beta's withdrawn pledge explains nothing and is left out
        assertThat(march.evidence()).containsExactly("e5", "e6", "e7", "e8", "e9", "e12", "e13", "e14", gammaUnfair);
    }

    @Test
    void the_ledger_never_turns_the_status_red_by_itself() {
        IndicatorValue february = month(history.timeline(model, "2024-02-29"), "2024-02").indicator("H4");

        // Alpha gives everything, Beta nothing back yet: context, not a verdict
        assertThat(ledgerOf(february, alpha)).containsEntry("givingShareEur", 1.0);
        assertThat(february.figure("reciprocity")).isEqualTo(List.of(Map.of(
                "partnerA", alpha.toString(), "partnerB", beta.toString(),
                "aToBEur", 3000.0, "bToAEur", 0.0, "ratio", 0.0)));
        assertThat(ledgerOf(february, beta)).containsEntry("pledgedNotDelivered", 1)
                                            .containsEntry("pledgedNotDeliveredEur", 1000.0);
        assertThat(february.status()).isEqualTo(Status.OK);
    }

    @Test
    void an_unfair_rating_raises_A3() {
        MonthHealth march = month(history.timeline(model, "2024-03-31"), "2024-03");

        assertThat(march.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.id()).isEqualTo("A3");
            assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(alert.detail()).isEqualTo("Gamma experiences the balance of give and take as unfair.");
            assertThat(alert.evidence()).containsExactly(gammaUnfair);
            assertThat(alert.suggestedResponse()).contains("overall impression");
        });
    }

    @Test
    void a_correction_of_the_rating_removes_A3() {
        history.correct(gammaUnfair, history.balanceEvent(gamma, BalanceRating.SKEWED_ACCEPTABLE, "2024-03-25"),
                        "2024-04-03");
        MonthHealth march = month(history.timeline(model, "2024-03-31"), "2024-03");

        assertThat(march.alerts()).isEmpty();
        assertThat(march.indicator("H4").status()).isEqualTo(Status.OK);
        assertThat(march.indicator("H4").number("unfair")).isEqualTo(0);
    }

    @Test
    void a_later_fair_rating_clears_A3() {
        history.balance(gamma, BalanceRating.BALANCED, "2024-05-15");
        HealthTimeline timeline = history.timeline(model, "2024-05-31");

        assertThat(timeline.episodes()).singleElement().satisfies(episode -> {
            assertThat(episode.raised()).isEqualTo(YearMonth.of(2024, 3));
            assertThat(episode.cleared()).isEqualTo(YearMonth.of(2024, 5));
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_withdrawn_partner_no_longer_counts() {
        history.withdraw(gamma, "2024-04-10");
        HealthTimeline timeline = history.timeline(model, "2024-04-30");
        IndicatorValue april = month(timeline, "2024-04").indicator("H4");

        assertThat(april.number("activePartners")).isEqualTo(2);
        assertThat(((Map<String, ?>) april.figure("ledger")).keySet()).containsExactly(alpha.toString(), beta.toString());
        assertThat(april.number("rated")).isEqualTo(2);
        assertThat(april.status()).isEqualTo(Status.OK);
        assertThat(timeline.episodes()).singleElement().satisfies(episode -> {
            assertThat(episode.id()).isEqualTo("A3");
            assertThat(episode.cleared()).isEqualTo(YearMonth.of(2024, 4));
        });
    }

    @Test
    void a_late_back_dated_delivery_changes_the_earlier_month() {
        HealthTimeline before = history.timeline(model, "2024-05-31");
        String late = history.contributionStatus(facilities, ContributionStatus.DELIVERED, "2024-03-20");  // logged in May
        HealthTimeline after = history.timeline(model, "2024-05-31");

        IndicatorValue marchBefore = month(before, "2024-03").indicator("H4");
        assertThat(marchBefore.number("delivered")).isEqualTo(3);
        assertThat(ledgerOf(marchBefore, gamma)).containsEntry("givenCount", 0).containsEntry("pledgedNotDelivered", 1);
        IndicatorValue marchAfter = month(after, "2024-03").indicator("H4");
        assertThat(marchAfter.number("delivered")).isEqualTo(4);
        assertThat(marchAfter.number("totalGivenEur")).isEqualTo(9000.0);
        assertThat(ledgerOf(marchAfter, gamma)).containsEntry("givenCount", 1).containsEntry("givenItems", 2.0)
                                               .containsEntry("pledgedNotDelivered", 0)
                                               .containsEntry("givingShareCount", 0.25);
        assertThat(marchAfter.evidence()).contains(late);
    }

    @Test
    void contributions_older_than_the_window_drop_out_but_ratings_stay() {
        MonthHealth month = month(history.timeline(model, "2025-02-28"), "2025-02");
        IndicatorValue value = month.indicator("H4");

        assertThat(value.number("delivered")).isEqualTo(1);          // only Beta's delivery of 1 March 2024
        assertThat(value.number("totalGivenEur")).isEqualTo(1000.0);
        assertThat(ledgerOf(value, alpha)).containsEntry("givenCount", 0).containsEntry("receivedEur", 1000.0);
        assertThat(month.hasAlert("A3")).isTrue();
    }
}
