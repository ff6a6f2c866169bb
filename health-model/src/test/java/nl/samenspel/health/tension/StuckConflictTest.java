package nl.samenspel.health.tension;

import nl.samenspel.health.Alert;
import nl.samenspel.health.HistoryBuilderB;
import nl.samenspel.health.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StuckConflictTest {
    private static final String A6 = StuckConflict.ID;

    private static HistoryBuilderB network() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2023-01-02", "A", "B", "C");
        b.conflict("k1", "2023-03-01", "A", "B");
        return b;
    }

    @Test
    void open_more_than_thirty_days_at_step_one_when_no_step_was_recorded() {
        HistoryBuilderB b = network();
        assertThat(b.alert(A6, "2023-03")).isEmpty();   // 30 days: not more than 30

        Alert april = b.alert(A6, "2023-04").orElseThrow();
        assertThat(april.severity()).isEqualTo(Severity.WARNING);
        assertThat(april.detail()).isEqualTo("Conflict between Partner A, Partner B open 60 days at step 1.");
        assertThat(april.suggestedResponse()).contains("mediation");
    }

    @Test
    void a_step_beyond_two_unsticks_it() {
        HistoryBuilderB b = network();
        b.conflictStep("k1", 2, "2023-03-15");
        assertThat(b.alert(A6, "2023-04")).isPresent();
        b.conflictStep("k1", 3, "2023-04-10");
        assertThat(b.alert(A6, "2023-04")).isEmpty();
    }

    @Test
    void nothing_without_conflicts() {
        assertThat(HistoryBuilderB.withPartners("2023-01-02", "A", "B").alert(A6, "2023-04")).isEmpty();
    }

    @Test
    void a_conflict_whose_party_withdrew_is_not_stuck() {
        HistoryBuilderB b = network();
        b.withdraw("B", "2023-04-01");
        assertThat(b.alert(A6, "2023-04")).isEmpty();
    }

    @Test
    void a_corrected_step_removes_the_alert() {
        HistoryBuilderB b = network();
        String step = b.conflictStep("k1", 1, "2023-03-15");
        assertThat(b.alert(A6, "2023-04")).isPresent();

        b.correct(step, b.draft(x -> x.conflictStep("k1", 3, "2023-03-15")), "2023-04-20");

        assertThat(b.alert(A6, "2023-04")).isEmpty();
    }

    @Test
    void a_back_dated_resolution_clears_an_earlier_month() {
        HistoryBuilderB b = network();
        b.meeting("2023-06-01", "A", "B");
        assertThat(b.alert(A6, "2023-05")).isPresent();

        b.conflictResolved("k1", "2023-04-20");   // logged in June

        assertThat(b.alert(A6, "2023-05")).isEmpty();
        assertThat(b.alert(A6, "2023-04")).isEmpty();
    }
}
