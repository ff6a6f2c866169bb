package nl.samenspel.health.tension;

import nl.samenspel.health.HistoryBuilderB;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.Status;
import nl.samenspel.kernel.tension.ConflictProgressed;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OpenConflictsTest {
    private static final String H14 = OpenConflicts.ID;

    private static HistoryBuilderB network() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2023-01-02", "A", "B", "C");
        b.conflict("k1", "2023-03-01", "A", "B");
        b.conflictStep("k1", 2, "2023-03-20");
        b.conflict("k2", "2023-03-25", "A", "C");
        b.conflict("k3", "2023-02-01", "B", "C");
        b.conflictResolved("k3", "2023-02-20");
        return b;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> conflicts(IndicatorValue v) {
        return (List<Map<String, Object>>) v.figure("conflicts");
    }

    @Test
    void open_conflicts_with_their_step_and_days_open() {
        IndicatorValue v = network().indicator(H14, "2023-03");

        assertThat(v.figure("openConflicts")).isEqualTo(2);
        assertThat(v.figure("stuck")).isEqualTo(0);   // k1 has been open exactly 30 days
        assertThat(v.figure("stepDistribution")).isEqualTo(Map.of("1", 1, "2", 1, "3", 0, "4", 0, "5", 0));
        assertThat(conflicts(v)).extracting(c -> c.get("parties") + " step " + c.get("step") + " open " + c.get("daysOpen")
                                                 + " at step " + c.get("daysAtStep"))
                                .containsExactly("[Partner A, Partner B] step 2 open 30 at step 11",
                                                 "[Partner A, Partner C] step 1 open 6 at step 6");
        assertThat(v.status()).isEqualTo(Status.WATCH);
    }

    @Test
    void conflicts_low_on_the_ladder_for_more_than_thirty_days_are_stuck() {
        IndicatorValue april = network().indicator(H14, "2023-04");
        assertThat(april.figure("stuck")).isEqualTo(2);
        assertThat(april.status()).isEqualTo(Status.ALERT);
    }

    @Test
    void not_applicable_without_any_conflict_and_ok_once_all_are_resolved() {
        assertThat(HistoryBuilderB.withPartners("2023-01-02", "A", "B").indicator(H14, "2023-03").status())
                .isEqualTo(Status.NA);
        assertThat(network().indicator(H14, "2023-02").status()).isEqualTo(Status.OK);
    }

    @Test
    void a_conflict_ends_when_a_party_withdraws() {
        HistoryBuilderB b = network();
        b.withdraw("C", "2023-03-28");

        IndicatorValue v = b.indicator(H14, "2023-03");

        assertThat(v.figure("openConflicts")).isEqualTo(1);
    }

    @Test
    void a_corrected_step_unsticks_a_conflict() {
        HistoryBuilderB b = network();
        String step = b.idOf(ConflictProgressed.class, p -> true);
        b.correct(step, b.draft(x -> x.conflictStep("k1", 4, "2023-03-20")), "2023-05-01");

        assertThat(b.indicator(H14, "2023-04").figure("stuck")).isEqualTo(1);
    }

    @Test
    void a_back_dated_resolution_closes_a_conflict_in_an_earlier_month() {
        HistoryBuilderB b = network();
        assertThat(b.indicator(H14, "2023-04").figure("openConflicts")).isEqualTo(2);

        b.conflictResolved("k2", "2023-04-10");   // logged late

        assertThat(b.indicator(H14, "2023-04").figure("openConflicts")).isEqualTo(1);
        assertThat(b.indicator(H14, "2023-03").figure("openConflicts")).isEqualTo(2);
    }
}
