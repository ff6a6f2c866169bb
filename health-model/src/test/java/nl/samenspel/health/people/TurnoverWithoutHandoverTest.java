package nl.samenspel.health.people;

import nl.samenspel.health.Alert;
import nl.samenspel.health.AlertEpisode;
import nl.samenspel.health.HistoryBuilderB;
import nl.samenspel.health.Severity;
import nl.samenspel.kernel.agreement.RuleTheme;
import nl.samenspel.kernel.people.Handover;
import nl.samenspel.kernel.people.Level;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

class TurnoverWithoutHandoverTest {
    private static final String A11 = TurnoverWithoutHandover.ID;

    /** A network with a rule of play on staff changes, so only the hand-over rule can fire. */
    private static HistoryBuilderB withStaffRule() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2023-01-02", "A", "B");
        b.rule("staff", RuleTheme.STAFF_CHANGES, "2023-01-03");
        b.appoint("A", "a-manager", Level.MANAGEMENT, "2023-01-05");
        return b;
    }

    @Test
    void a_departure_without_hand_over_and_no_successor_in_sixty_days() {
        HistoryBuilderB b = withStaffRule();
        String departure = b.depart("A", "a-manager", Level.MANAGEMENT, Handover.NONE, "2023-03-01");

        assertThat(b.alert(A11, "2023-03")).isEmpty();
        Alert april = b.alert(A11, "2023-04").orElseThrow();
        assertThat(april.severity()).isEqualTo(Severity.WARNING);
        assertThat(april.evidence()).containsExactly(departure);
        assertThat(april.detail()).isEqualTo("A management representative of Partner A left on 2023-03-01 "
                                                     + "without hand-over or successor.");
    }

    @Test
    void a_partial_hand_over_or_a_successor_is_enough() {
        HistoryBuilderB partial = withStaffRule();
        partial.depart("A", "a-manager", Level.MANAGEMENT, Handover.PARTIAL, "2023-03-01");
        assertThat(partial.alert(A11, "2023-05")).isEmpty();

        HistoryBuilderB successor = withStaffRule();
        successor.depart("A", "a-manager", Level.MANAGEMENT, Handover.NONE, "2023-03-01");
        successor.appoint("A", "a-manager-2", Level.MANAGEMENT, "2023-04-20");
        assertThat(successor.alert(A11, "2023-05")).isEmpty();
    }

    @Test
    void the_first_departure_in_a_network_without_a_staff_changes_rule_until_one_is_made() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2023-01-02", "A", "B");
        b.appoint("A", "a-manager", Level.MANAGEMENT, "2023-01-05");
        String first = b.depart("A", "a-manager", Level.MANAGEMENT, Handover.DONE, "2023-03-01");
        b.rule("staff", RuleTheme.STAFF_CHANGES, "2023-05-10");

        Alert march = b.alert(A11, "2023-03").orElseThrow();
        assertThat(march.evidence()).containsExactly(first);
        assertThat(march.detail()).contains("without a rule of play on staff changes");
        assertThat(b.timeline("2023-06-30").episodes()).filteredOn(e -> e.id().equals(A11)).singleElement()
                .extracting(AlertEpisode::raised, AlertEpisode::cleared)
                .containsExactly(YearMonth.of(2023, 3), YearMonth.of(2023, 5));
    }

    @Test
    void nothing_without_departures() {
        assertThat(HistoryBuilderB.withPartners("2023-01-02", "A").alert(A11, "2023-06")).isEmpty();
    }

    @Test
    void a_withdrawn_partners_departure_needs_no_successor() {
        HistoryBuilderB b = withStaffRule();
        b.depart("A", "a-manager", Level.MANAGEMENT, Handover.NONE, "2023-03-01");
        b.withdraw("A", "2023-04-10");
        assertThat(b.alert(A11, "2023-04")).isEmpty();
    }

    @Test
    void a_hand_over_corrected_to_partial_removes_the_alert() {
        HistoryBuilderB b = withStaffRule();
        String departure = b.depart("A", "a-manager", Level.MANAGEMENT, Handover.NONE, "2023-03-01");
        assertThat(b.alert(A11, "2023-05")).isPresent();

        b.correct(departure, b.draft(x -> x.depart("A", "a-manager", Level.MANAGEMENT, Handover.PARTIAL, "2023-03-01")),
                  "2023-05-15");

        assertThat(b.alert(A11, "2023-05")).isEmpty();
    }

    @Test
    void a_back_dated_staff_changes_rule_means_the_first_departure_was_covered() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2023-01-02", "A", "B");
        b.appoint("A", "a-manager", Level.MANAGEMENT, "2023-01-05");
        b.depart("A", "a-manager", Level.MANAGEMENT, Handover.DONE, "2023-03-01");
        assertThat(b.alert(A11, "2023-03")).isPresent();

        b.rule("staff", RuleTheme.STAFF_CHANGES, "2023-02-01");   // logged after the departure

        assertThat(b.alert(A11, "2023-03")).isEmpty();
    }
}
