package nl.samenspel.health.dip;

import nl.samenspel.health.HistoryBuilderB;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.Status;
import nl.samenspel.kernel.agreement.AgreementMade;
import nl.samenspel.kernel.agreement.AgreementOutcome;
import nl.samenspel.kernel.agreement.RuleTheme;
import nl.samenspel.kernel.people.LeadRole;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VitalityTest {
    private static final String H7 = Vitality.ID;

    /** Four partners with all four ingredients in place by the end of March 2023. */
    private static HistoryBuilderB vital() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2023-01-02", "A", "B", "C", "D");
        b.analysis("2023-02-01", true, true, "A", "B", "C");
        b.rule("participation", RuleTheme.PARTICIPATION, "2023-02-02");
        b.rule("financing", RuleTheme.FINANCING, "2023-02-02");
        b.rule("information", RuleTheme.INFORMATION_SHARING, "2023-02-02");
        b.rule("learning", RuleTheme.LEARNING, "2023-02-02");
        b.rule("effect", RuleTheme.EFFECT_MONITORING, "2023-02-02");
        b.subCoalition("k1", "2023-02-03", "A", "B");
        b.role(LeadRole.CHAIR, "x", "A", "2023-02-04");
        b.role(LeadRole.COORDINATOR, "y", "B", "2023-02-04");
        b.role(LeadRole.SUB_COALITION_LEAD, "z", "A", "2023-02-04");
        return b;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ingredients(IndicatorValue v) {
        return (Map<String, Object>) v.figure("ingredients");
    }

    @Test
    void all_four_ingredients_score_four() {
        IndicatorValue v = vital().indicator(H7, "2023-03");
        assertThat(v.figure("score")).isEqualTo(4);
        assertThat(v.figure("missing")).isEqualTo(List.of());
        assertThat(v.figure("foundationThemesCovered")).isEqualTo(5);
        assertThat(v.number("analysisEndorsementShare")).isEqualTo(0.75);
        assertThat(v.figure("leadPeople")).isEqualTo(3);
        assertThat(v.figure("leadPartners")).isEqualTo(2);
        assertThat(v.status()).isEqualTo(Status.OK);
        assertThat(v.evidence()).hasSize(1 + 5 + 1 + 3);
    }

    @Test
    void names_what_is_missing() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2023-01-02", "A", "B", "C", "D");
        b.analysis("2023-02-01", true, false, "A", "B", "C", "D");     // no qualitative source
        b.rule("participation", RuleTheme.PARTICIPATION, "2023-02-02");
        b.rule("staff", RuleTheme.STAFF_CHANGES, "2023-02-02");        // not a foundation theme
        b.subCoalition("k1", "2023-02-03", "A", "B");
        b.role(LeadRole.CHAIR, "x", "A", "2023-02-04");
        b.role(LeadRole.COORDINATOR, "y", "A", "2023-02-04");
        b.role(LeadRole.LINKING_PIN, "z", "B", "2023-02-04");          // not a lead role

        IndicatorValue v = b.indicator(H7, "2023-03");

        assertThat(v.figure("score")).isEqualTo(1);
        assertThat(v.figure("missing")).isEqualTo(List.of("sharedPicture", "foundation", "sharedLeadership"));
        assertThat(v.figure("foundationThemesCovered")).isEqualTo(1);
        assertThat(v.figure("missingFoundationThemes"))
                .isEqualTo(List.of("financing", "information-sharing", "learning", "effect-monitoring"));
        assertThat(v.status()).isEqualTo(Status.ALERT);
    }

    @Test
    void an_old_analysis_a_cancelled_rule_and_a_dissolved_coalition_no_longer_count() {
        HistoryBuilderB b = vital();
        b.outcome("learning", AgreementOutcome.CANCELLED, "A", "2023-03-01");
        b.subCoalitionDissolved("k1", "2023-03-02");
        IndicatorValue mar = b.indicator(H7, "2023-03");
        assertThat(mar.figure("missing")).isEqualTo(List.of("foundation", "subCoalitions"));
        assertThat(mar.figure("missingFoundationThemes")).isEqualTo(List.of("learning"));

        IndicatorValue later = b.indicator(H7, "2025-02");    // the analysis of 2023-02-01 is now 24 months old
        assertThat(ingredients(later)).containsEntry("sharedPicture", false);
        assertThat(b.indicator(H7, "2025-01").figure("ingredients")).isEqualTo(
                Map.of("sharedPicture", true, "foundation", false, "subCoalitions", false, "sharedLeadership", true));
    }

    @Test
    void a_sub_coalition_of_everyone_does_not_count_in_a_network_of_more_than_four() {
        HistoryBuilderB four = HistoryBuilderB.withPartners("2023-01-02", "A", "B", "C", "D");
        four.subCoalition("all", "2023-02-01", "A", "B", "C", "D");
        assertThat(ingredients(four.indicator(H7, "2023-02"))).containsEntry("subCoalitions", true);

        HistoryBuilderB five = HistoryBuilderB.withPartners("2023-01-02", "A", "B", "C", "D", "E");
        five.subCoalition("all", "2023-02-01", "A", "B", "C", "D", "E");
        assertThat(ingredients(five.indicator(H7, "2023-02"))).containsEntry("subCoalitions", false);
        five.subCoalitionChanged("all", "2023-02-10", "A", "B", "C");
        assertThat(ingredients(five.indicator(H7, "2023-02"))).containsEntry("subCoalitions", true);
    }

    @Test
    void is_not_applicable_without_active_partners() {
        assertThat(HistoryBuilderB.foundedOn("2023-01-02").indicator(H7, "2023-01").status()).isEqualTo(Status.NA);
    }

    @Test
    void a_withdrawn_partner_no_longer_endorses_the_picture_nor_leads() {
        HistoryBuilderB b = vital();
        b.withdraw("B", "2023-03-01");

        IndicatorValue v = b.indicator(H7, "2023-03");

        // endorsers A and C of the active A, C, D: 2 of 3 < 0.75; leaders x and z, both of A; k1 keeps only A
        assertThat(v.number("analysisEndorsementShare")).isEqualTo(2 / 3.0);
        assertThat(v.figure("missing")).isEqualTo(List.of("sharedPicture", "subCoalitions", "sharedLeadership"));
        assertThat(v.figure("activeSubCoalitions")).isEqualTo(0);
        assertThat(v.figure("score")).isEqualTo(1);
        assertThat(v.status()).isEqualTo(Status.ALERT);
    }

    @Test
    void a_retracted_rule_takes_the_foundation_away() {
        HistoryBuilderB b = vital();
        String effect = b.idOf(AgreementMade.class, a -> a.ruleTheme() == RuleTheme.EFFECT_MONITORING);
        b.retract(effect, "2023-03-05");

        IndicatorValue v = b.indicator(H7, "2023-03");

        assertThat(v.figure("score")).isEqualTo(3);
        assertThat(v.figure("missingFoundationThemes")).isEqualTo(List.of("effect-monitoring"));
    }

    @Test
    void a_back_dated_sub_coalition_completes_an_earlier_month() {
        HistoryBuilderB b = vital();
        b.subCoalitionDissolved("k1", "2023-02-03");
        b.meeting("2023-04-01", "A", "B");
        assertThat(b.indicator(H7, "2023-02").figure("score")).isEqualTo(3);

        b.subCoalition("k2", "2023-02-20", "C", "D");   // logged in April

        assertThat(b.indicator(H7, "2023-02").figure("score")).isEqualTo(4);
    }
}
