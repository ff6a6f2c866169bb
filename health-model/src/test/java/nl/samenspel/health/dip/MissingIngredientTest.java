package nl.samenspel.health.dip;

import nl.samenspel.health.Alert;
import nl.samenspel.health.HistoryBuilderB;
import nl.samenspel.health.Severity;
import nl.samenspel.kernel.agreement.AgreementOutcome;
import nl.samenspel.kernel.agreement.RuleTheme;
import nl.samenspel.kernel.people.LeadRole;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MissingIngredientTest {
    private static final String A8 = MissingIngredient.ID;

    private static HistoryBuilderB vital() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2023-01-02", "A", "B", "C", "D");
        b.analysis("2023-02-01", true, true, "A", "B", "C");
        for (RuleTheme theme : Vitality.FOUNDATION) {
            b.rule(theme.name(), theme, "2023-02-02");
        }
        b.subCoalition("k1", "2023-02-03", "A", "B");
        b.role(LeadRole.CHAIR, "x", "A", "2023-02-04");
        b.role(LeadRole.COORDINATOR, "y", "B", "2023-02-04");
        b.role(LeadRole.SUB_COALITION_LEAD, "z", "A", "2023-02-04");
        return b;
    }

    @Test
    void names_the_missing_ingredients_and_what_helps() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2023-01-02", "A", "B");
        b.subCoalition("k1", "2023-01-10", "A", "B");

        Alert alert = b.alert(A8, "2023-01").orElseThrow();

        assertThat(alert.severity()).isEqualTo(Severity.INFO);
        assertThat(alert.detail()).isEqualTo("Vitality 1 of 4; missing: a shared picture of the region, "
                                                     + "a foundation of rules of play, shared leadership.");
        assertThat(alert.suggestedResponse()).contains("picture of the region", "rules of play", "team");
    }

    @Test
    void silent_when_all_four_are_there_or_without_partners() {
        assertThat(vital().alert(A8, "2023-03")).isEmpty();
        assertThat(HistoryBuilderB.foundedOn("2023-01-02").alert(A8, "2023-01")).isEmpty();
    }

    @Test
    void a_withdrawal_can_break_the_shared_picture() {
        HistoryBuilderB b = vital();
        b.withdraw("C", "2023-03-01");   // endorsers A, B of A, B, D: 2 of 3

        assertThat(b.alert(A8, "2023-03").orElseThrow().detail()).endsWith("missing: a shared picture of the region.");
    }

    @Test
    void a_retracted_cancellation_restores_the_foundation() {
        HistoryBuilderB b = vital();
        String cancelled = b.outcome(RuleTheme.LEARNING.name(), AgreementOutcome.CANCELLED, "A", "2023-03-01");
        assertThat(b.alert(A8, "2023-03")).isPresent();

        b.retract(cancelled, "2023-04-01");

        assertThat(b.alert(A8, "2023-03")).isEmpty();
    }

    @Test
    void a_back_dated_analysis_clears_an_earlier_month() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2023-01-02", "A", "B", "C", "D");
        for (RuleTheme theme : Vitality.FOUNDATION) {
            b.rule(theme.name(), theme, "2023-02-02");
        }
        b.subCoalition("k1", "2023-02-03", "A", "B");
        b.role(LeadRole.CHAIR, "x", "A", "2023-02-04");
        b.role(LeadRole.COORDINATOR, "y", "B", "2023-02-04");
        b.role(LeadRole.SUB_COALITION_LEAD, "z", "A", "2023-02-04");
        b.meeting("2023-05-01", "A", "B");
        assertThat(b.alert(A8, "2023-03")).isPresent();

        b.analysis("2023-02-20", true, true, "A", "B", "C", "D");   // logged in May

        assertThat(b.alert(A8, "2023-03")).isEmpty();
        assertThat(b.alert(A8, "2023-02")).isEmpty();
        assertThat(b.alert(A8, "2023-01")).isPresent();
    }
}
