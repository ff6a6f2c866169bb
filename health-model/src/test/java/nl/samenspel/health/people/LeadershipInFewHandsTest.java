package nl.samenspel.health.people;

import nl.samenspel.health.Alert;
import nl.samenspel.health.HistoryBuilderB;
import nl.samenspel.health.Severity;
import nl.samenspel.kernel.people.LeadRole;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LeadershipInFewHandsTest {
    private static final String A9 = LeadershipInFewHands.ID;

    @Test
    void three_lead_roles_with_two_people() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2023-01-02", "A", "B");
        String chair = b.role(LeadRole.CHAIR, "x", "A", "2023-01-05");
        String coordinator = b.role(LeadRole.COORDINATOR, "y", "B", "2023-01-05");
        assertThat(b.alert(A9, "2023-01")).isEmpty();   // two roles: too few to judge

        String lead = b.role(LeadRole.SUB_COALITION_LEAD, "x", "A", "2023-02-01");

        Alert alert = b.alert(A9, "2023-02").orElseThrow();
        assertThat(alert.severity()).isEqualTo(Severity.WARNING);
        assertThat(alert.detail()).isEqualTo("The two busiest leaders hold 3 of the 3 lead roles (100 %).");
        assertThat(alert.evidence()).containsExactlyInAnyOrder(chair, coordinator, lead);
        assertThat(alert.suggestedResponse()).contains("team");
    }

    @Test
    void nothing_without_lead_roles() {
        assertThat(HistoryBuilderB.withPartners("2023-01-02", "A").alert(A9, "2023-03")).isEmpty();
    }

    @Test
    void a_withdrawal_can_leave_leadership_in_two_hands() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2023-01-02", "A", "B", "C");
        b.role(LeadRole.CHAIR, "x", "A", "2023-01-05");
        b.role(LeadRole.COORDINATOR, "x", "A", "2023-01-05");
        b.role(LeadRole.PROCESS_DIRECTOR, "y", "B", "2023-01-05");
        b.role(LeadRole.SUB_COALITION_LEAD, "z", "C", "2023-01-05");
        assertThat(b.alert(A9, "2023-02")).isEmpty();   // 3 of 4

        b.withdraw("C", "2023-02-10");

        assertThat(b.alert(A9, "2023-02")).isPresent();
    }

    @Test
    void a_retracted_assignment_removes_the_alert() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2023-01-02", "A", "B");
        b.role(LeadRole.CHAIR, "x", "A", "2023-01-05");
        b.role(LeadRole.COORDINATOR, "y", "B", "2023-01-05");
        String third = b.role(LeadRole.SUB_COALITION_LEAD, "x", "A", "2023-01-06");
        assertThat(b.alert(A9, "2023-01")).isPresent();

        b.retract(third, "2023-02-01");

        assertThat(b.alert(A9, "2023-01")).isEmpty();
    }

    @Test
    void a_back_dated_new_leader_clears_an_earlier_month() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2023-01-02", "A", "B", "C");
        b.role(LeadRole.CHAIR, "x", "A", "2023-01-05");
        b.role(LeadRole.COORDINATOR, "y", "B", "2023-01-05");
        b.role(LeadRole.SUB_COALITION_LEAD, "x", "A", "2023-01-06");
        b.meeting("2023-05-01", "A", "B");
        assertThat(b.alert(A9, "2023-03")).isPresent();

        b.role(LeadRole.SUB_COALITION_LEAD, "z", "C", "2023-02-15");   // 3 of 4 = 0.75

        assertThat(b.alert(A9, "2023-03")).isEmpty();
        assertThat(b.alert(A9, "2023-01")).isPresent();
    }
}
