package nl.samenspel.health.dip;

import nl.samenspel.health.HistoryBuilderB;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.Status;
import nl.samenspel.kernel.agreement.AgreementKind;
import nl.samenspel.kernel.agreement.RuleTheme;
import nl.samenspel.kernel.ambition.Stance;
import nl.samenspel.kernel.exchange.BalanceRating;
import nl.samenspel.kernel.exchange.ContributionStatus;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.people.Handover;
import nl.samenspel.kernel.people.LeadRole;
import nl.samenspel.kernel.people.Level;
import nl.samenspel.kernel.structure.ContextKind;
import nl.samenspel.kernel.structure.Direction;
import nl.samenspel.kernel.tension.Signal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DipRiskTest {
    private static final String H6 = DipRisk.ID;

    /** Founded a year before the months under test, so every 180-day baseline lies inside the network's life. */
    private static HistoryBuilderB network() {
        return HistoryBuilderB.withPartners("2022-01-03", "A", "B", "C", "D");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> driver(IndicatorValue risk, String id) {
        return (Map<String, Object>) ((Map<String, Object>) risk.figure("drivers")).get(id);
    }

    @Test
    void a_quiet_network_has_low_risk_and_no_active_driver() {
        IndicatorValue risk = network().indicator(H6, "2023-03");
        assertThat(risk.figure("dipRisk")).isEqualTo(0);
        assertThat(risk.figure("riskLevel")).isEqualTo("low");
        assertThat(risk.status()).isEqualTo(Status.OK);
        assertThat((Map<?, ?>) risk.figure("drivers")).hasSize(9);
    }

    @Test
    void d1_a_negative_context_change_counts_for_ninety_days() {
        HistoryBuilderB b = network();
        b.context(ContextKind.POLITICAL, Direction.POSITIVE, "2023-03-01");
        String negative = b.context(ContextKind.POLITICAL, Direction.NEGATIVE, "2023-03-10");

        assertThat(b.indicator(H6, "2023-03").figure("activeDrivers")).isEqualTo(List.of("D1"));
        assertThat(driver(b.indicator(H6, "2023-03"), "D1").get("evidence")).isEqualTo(List.of(negative));
        assertThat(b.indicator(H6, "2023-05").figure("activeDrivers")).isEqualTo(List.of("D1"));   // (Mar 2, May 31]
        assertThat(b.indicator(H6, "2023-06").figure("activeDrivers")).isEqualTo(List.of());       // (Apr 1, Jun 30]
    }

    @Test
    void d2_meeting_load_grows_by_a_third_with_at_least_three_meetings() {
        HistoryBuilderB b = network();
        b.meeting("2023-02-10", "A", "B");   // baseline (Jan 1, Apr 1] of June: 2 meetings
        b.meeting("2023-02-20", "A", "B");
        b.meeting("2023-05-10", "A", "B");   // window (Apr 1, Jun 30]: 3 ≥ 3 and ≥ 1.3 × 2
        b.meeting("2023-05-20", "A", "B");
        b.meeting("2023-06-10", "A", "B");
        assertThat(b.indicator(H6, "2023-06").figure("activeDrivers")).isEqualTo(List.of("D2"));

        b.meeting("2023-03-10", "A", "B");   // a third baseline meeting: 3 < 1.3 × 3
        assertThat(b.indicator(H6, "2023-06").figure("activeDrivers")).isEqualTo(List.of());
    }

    @Test
    void d2_and_d6_need_a_whole_baseline_after_the_founding() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2023-01-02", "A", "B");
        b.meeting("2023-01-10", "A", "B");
        b.meeting("2023-01-20", "A", "B");
        b.meeting("2023-02-10", "A", "B");
        b.rule("r1", RuleTheme.PARTICIPATION, "2023-01-15");
        b.rule("r2", RuleTheme.FINANCING, "2023-02-15");

        IndicatorValue mar = b.indicator(H6, "2023-03");
        assertThat(mar.figure("activeDrivers")).isEqualTo(List.of());
        assertThat((String) driver(mar, "D2").get("detail")).contains("no full baseline");
    }

    @Test
    void d3_funding_setback_withdrawn_contribution_or_stale_pledge() {
        HistoryBuilderB funding = network();
        funding.context(ContextKind.FUNDING, Direction.NEGATIVE, "2023-03-10");
        assertThat(funding.indicator(H6, "2023-03").figure("activeDrivers")).isEqualTo(List.of("D1", "D3"));

        HistoryBuilderB withdrawn = network();
        withdrawn.contribution("c1", "A", ContributionStatus.PLEDGED, "2023-03-01");
        String change = withdrawn.contributionStatus("c1", ContributionStatus.WITHDRAWN, "2023-03-05");
        assertThat(withdrawn.indicator(H6, "2023-03").evidence()).containsExactly(change);

        HistoryBuilderB stale = network();
        String pledge = stale.contribution("c1", "A", ContributionStatus.PLEDGED, "2023-01-10");
        assertThat(stale.indicator(H6, "2023-03").figure("activeDrivers")).isEqualTo(List.of());    // 80 days old
        assertThat(stale.indicator(H6, "2023-04").figure("activeDrivers")).isEqualTo(List.of("D3")); // 110 days old
        assertThat(stale.indicator(H6, "2023-04").evidence()).containsExactly(pledge);
        stale.contributionStatus("c1", ContributionStatus.DELIVERED, "2023-04-20");
        assertThat(stale.indicator(H6, "2023-04").figure("activeDrivers")).isEqualTo(List.of());
    }

    @Test
    void d4_goal_dispute_or_a_doubting_stance() {
        HistoryBuilderB b = network();
        b.temperature(2, "2023-03-10", Signal.GUARDEDNESS);
        assertThat(b.indicator(H6, "2023-03").figure("activeDrivers")).isEqualTo(List.of());
        b.temperature(2, "2023-03-12", Signal.GOAL_DISPUTE);
        assertThat(b.indicator(H6, "2023-03").figure("activeDrivers")).isEqualTo(List.of("D4"));

        HistoryBuilderB stance = network();
        stance.endorse("A", Stance.ENDORSES, "2023-03-01");
        stance.endorse("B", Stance.DOUBTS, "2023-03-02");
        assertThat(stance.indicator(H6, "2023-03").figure("activeDrivers")).isEqualTo(List.of("D4"));
    }

    @Test
    void d5_an_unaligned_request_or_two_requests() {
        HistoryBuilderB b = network();
        b.accountability(true, "2023-03-01");
        assertThat(b.indicator(H6, "2023-03").figure("activeDrivers")).isEqualTo(List.of());
        b.accountability(true, "2023-03-15");
        assertThat(b.indicator(H6, "2023-03").figure("activeDrivers")).isEqualTo(List.of("D5"));

        HistoryBuilderB unaligned = network();
        unaligned.accountability(false, "2023-03-01");
        assertThat(unaligned.indicator(H6, "2023-03").figure("activeDrivers")).isEqualTo(List.of("D5"));
    }

    @Test
    void d6_rules_and_governance_doubling_with_at_least_two() {
        HistoryBuilderB b = network();
        b.rule("r0", RuleTheme.PARTICIPATION, "2023-02-10");                            // baseline: 1
        b.rule("r1", RuleTheme.FINANCING, "2023-05-10");                                // window: 2 ≥ 2 × 1
        b.agreement("g1", AgreementKind.GOVERNANCE, null, "2023-05-20");
        b.agreement("p1", AgreementKind.PROMISE, null, "2023-05-21");                   // not structure
        assertThat(b.indicator(H6, "2023-06").figure("activeDrivers")).isEqualTo(List.of("D6"));

        b.rule("r-1", RuleTheme.LEARNING, "2023-02-11");                                // baseline 2: 2 < 4
        assertThat(b.indicator(H6, "2023-06").figure("activeDrivers")).isEqualTo(List.of());
    }

    @Test
    void d7_chair_and_coordinator_with_one_partner_or_concentrated_leadership() {
        HistoryBuilderB onePartner = network();
        onePartner.role(LeadRole.CHAIR, "x", "A", "2023-01-10");
        onePartner.role(LeadRole.COORDINATOR, "y", "A", "2023-01-10");
        assertThat(onePartner.indicator(H6, "2023-03").figure("activeDrivers")).isEqualTo(List.of("D7"));

        HistoryBuilderB two = network();
        two.role(LeadRole.CHAIR, "x", "A", "2023-01-10");
        two.role(LeadRole.COORDINATOR, "y", "B", "2023-01-10");
        assertThat(two.indicator(H6, "2023-03").figure("activeDrivers")).isEqualTo(List.of());  // only two roles

        two.role(LeadRole.SUB_COALITION_LEAD, "x", "A", "2023-02-10");                          // 3 of 3 with x and y
        assertThat(two.indicator(H6, "2023-03").figure("activeDrivers")).isEqualTo(List.of("D7"));
        two.role(LeadRole.PROCESS_DIRECTOR, "z", "C", "2023-03-01");
        two.role(LeadRole.SUB_COALITION_LEAD, "w", "D", "2023-03-01");                          // 3 of 5 = 0.6
        assertThat(two.indicator(H6, "2023-03").figure("activeDrivers")).isEqualTo(List.of());
    }

    @Test
    void d8_a_worse_balance_a_lighter_participation_or_a_withdrawal() {
        HistoryBuilderB balance = network();
        balance.balance("A", BalanceRating.BALANCED, "2022-06-01");
        balance.balance("A", BalanceRating.BALANCED, "2023-03-01");
        assertThat(balance.indicator(H6, "2023-03").figure("activeDrivers")).isEqualTo(List.of());
        String worse = balance.balance("A", BalanceRating.SKEWED_ACCEPTABLE, "2023-03-10");
        assertThat(balance.indicator(H6, "2023-03").evidence()).containsExactly(worse);

        HistoryBuilderB level = network();
        level.participation("A", ParticipationLevel.CORE, "2023-03-01");
        assertThat(level.indicator(H6, "2023-03").figure("activeDrivers")).isEqualTo(List.of());
        level.participation("A", ParticipationLevel.ASSOCIATE, "2023-03-05");
        assertThat(level.indicator(H6, "2023-03").figure("activeDrivers")).isEqualTo(List.of("D8"));
    }

    @Test
    void d9_board_departure_chair_change_or_a_newcomer() {
        HistoryBuilderB board = network();
        board.appoint("A", "a1", Level.BOARD, "2022-02-01");
        board.depart("A", "a1", Level.BOARD, Handover.DONE, "2023-03-01");
        assertThat(board.indicator(H6, "2023-03").figure("activeDrivers")).isEqualTo(List.of("D9"));

        HistoryBuilderB chair = network();
        chair.role(LeadRole.CHAIR, "x", "A", "2022-02-01");
        chair.role(LeadRole.COORDINATOR, "y", "B", "2022-02-01");
        assertThat(chair.indicator(H6, "2023-03").figure("activeDrivers")).isEqualTo(List.of());
        String next = chair.role(LeadRole.CHAIR, "z", "C", "2023-03-01");
        assertThat(chair.indicator(H6, "2023-03").evidence()).containsExactly(next);

        HistoryBuilderB newcomer = network();
        String join = newcomer.join("E", "2023-03-01");
        assertThat(newcomer.indicator(H6, "2023-03").evidence()).containsExactly(join);
        assertThat(newcomer.indicator(H6, "2022-01").figure("activeDrivers")).isEqualTo(List.of()); // founders
    }

    @Test
    void three_drivers_are_elevated_and_five_are_high() {
        HistoryBuilderB b = network();
        b.context(ContextKind.CAPACITY, Direction.NEGATIVE, "2023-03-01");   // D1, D3
        b.accountability(false, "2023-03-02");                                 // D5
        IndicatorValue elevated = b.indicator(H6, "2023-03");
        assertThat(elevated.figure("activeDrivers")).isEqualTo(List.of("D1", "D3", "D5"));
        assertThat(elevated.figure("riskLevel")).isEqualTo("elevated");
        assertThat(elevated.status()).isEqualTo(Status.WATCH);

        b.endorse("A", Stance.REJECTS, "2023-03-03");                         // D4
        b.join("E", "2023-03-04");                                             // D9
        IndicatorValue high = b.indicator(H6, "2023-03");
        assertThat(high.figure("dipRisk")).isEqualTo(5);
        assertThat(high.figure("riskLevel")).isEqualTo("high");
        assertThat(high.status()).isEqualTo(Status.ALERT);
    }

    @Test
    void is_not_applicable_without_active_partners() {
        assertThat(HistoryBuilderB.foundedOn("2023-01-02").indicator(H6, "2023-03").status()).isEqualTo(Status.NA);
    }

    @Test
    void a_withdrawal_drives_d8_and_the_withdrawn_partners_stale_pledge_no_longer_counts() {
        HistoryBuilderB b = network();
        b.contribution("c1", "D", ContributionStatus.PLEDGED, "2022-10-01");
        assertThat(b.indicator(H6, "2023-02").figure("activeDrivers")).isEqualTo(List.of("D3"));

        String withdrawal = b.withdraw("D", "2023-03-01");

        IndicatorValue mar = b.indicator(H6, "2023-03");
        assertThat(mar.figure("activeDrivers")).isEqualTo(List.of("D8"));
        assertThat(mar.evidence()).containsExactly(withdrawal);
    }

    @Test
    void a_corrected_context_change_no_longer_drives_the_risk() {
        HistoryBuilderB b = network();
        String change = b.context(ContextKind.MARKET, Direction.NEGATIVE, "2023-03-10");
        assertThat(b.indicator(H6, "2023-03").figure("activeDrivers")).isEqualTo(List.of("D1"));

        b.correct(change, b.draft(x -> x.context(ContextKind.MARKET, Direction.POSITIVE, "2023-03-10")), "2023-04-01");

        assertThat(b.indicator(H6, "2023-03").figure("activeDrivers")).isEqualTo(List.of());
    }

    @Test
    void a_back_dated_request_raises_the_risk_of_an_earlier_month() {
        HistoryBuilderB b = network();
        b.context(ContextKind.CAPACITY, Direction.NEGATIVE, "2023-03-01");
        b.meeting("2023-06-01", "A", "B");
        assertThat(b.indicator(H6, "2023-03").figure("dipRisk")).isEqualTo(2);

        b.accountability(false, "2023-03-20");   // logged after June's meeting

        assertThat(b.indicator(H6, "2023-03").figure("dipRisk")).isEqualTo(3);
        assertThat(b.indicator(H6, "2023-03").figure("riskLevel")).isEqualTo("elevated");
    }
}
