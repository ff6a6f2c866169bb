package nl.samenspel.health.people;

import nl.samenspel.health.HistoryBuilderB;
import nl.samenspel.kernel.agreement.RuleTheme;
import nl.samenspel.kernel.people.Handover;
import nl.samenspel.kernel.people.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A10 and A11 read a partial hand-over the same way: as a hand-over (only handover none raises them). */
class PartialHandoverTest {

    private static HistoryBuilderB boardLeaves(Handover handover) {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2023-01-02", "A", "B");
        b.rule("staff", RuleTheme.STAFF_CHANGES, "2023-01-03");
        b.appoint("A", "a-board", Level.BOARD, "2023-01-05");
        b.depart("A", "a-board", Level.BOARD, handover, "2023-03-01");
        return b;
    }

    @Test
    void aBoardDepartureWithAPartialHandOverRaisesNeitherA10NorA11() {
        HistoryBuilderB partial = boardLeaves(Handover.PARTIAL);

        assertThat(partial.alert(BoardConnectionLost.ID, "2023-05")).isEmpty();
        assertThat(partial.alert(TurnoverWithoutHandover.ID, "2023-05")).isEmpty();
    }

    @Test
    void aBoardDepartureWithoutHandOverRaisesBoth() {
        HistoryBuilderB none = boardLeaves(Handover.NONE);

        assertThat(none.alert(BoardConnectionLost.ID, "2023-05")).isPresent();
        assertThat(none.alert(TurnoverWithoutHandover.ID, "2023-05")).isPresent();
    }
}
