package nl.samenspel.health.people;

import nl.samenspel.health.HistoryBuilderB;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.Status;
import nl.samenspel.kernel.people.Handover;
import nl.samenspel.kernel.people.Level;
import nl.samenspel.kernel.people.RepresentativeDeparted;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContinuityTest {
    private static final String H9 = Continuity.ID;

    /** Four departures in 2023, read at the end of June. */
    private static HistoryBuilderB network() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2022-01-03", "A", "B", "C", "D");
        b.depart("A", "a1", Level.BOARD, Handover.NONE, "2023-02-01");          // successor on day 60: continued
        b.appoint("A", "a2", Level.BOARD, "2023-04-02");
        b.depart("B", "b1", Level.MANAGEMENT, Handover.DONE, "2023-02-01");     // handed over: continued
        b.depart("C", "c1", Level.PROFESSIONAL, Handover.PARTIAL, "2023-03-01"); // nobody by 30 April: broken
        b.appoint("C", "c2", Level.PROFESSIONAL, "2023-05-01");                   // day 61: too late
        b.depart("D", "d1", Level.PROFESSIONAL, Handover.NONE, "2023-06-10");   // still within 60 days: pending
        return b;
    }

    @SuppressWarnings("unchecked")
    private static List<String> outcomes(IndicatorValue v) {
        return ((List<Map<String, Object>>) v.figure("departuresDetail")).stream().map(r -> (String) r.get("outcome")).toList();
    }

    @Test
    void decided_departures_with_a_successor_or_a_done_handover_over_all_decided() {
        IndicatorValue v = network().indicator(H9, "2023-06");

        assertThat(outcomes(v)).containsExactly("continued", "continued", "broken", "pending");
        assertThat(v.figure("departures")).isEqualTo(4);
        assertThat(v.figure("continued")).isEqualTo(2);
        assertThat(v.figure("broken")).isEqualTo(1);
        assertThat(v.figure("pending")).isEqualTo(1);
        assertThat(v.number("continuity")).isEqualTo(2 / 3.0);
        assertThat(v.status()).isEqualTo(Status.WATCH);
    }

    @Test
    void a_pending_departure_is_decided_once_its_sixty_days_pass() {
        IndicatorValue august = network().indicator(H9, "2023-08");
        assertThat(outcomes(august)).containsExactly("continued", "continued", "broken", "broken");
        assertThat(august.number("continuity")).isEqualTo(0.5);
    }

    @Test
    void is_not_applicable_without_decided_departures() {
        assertThat(HistoryBuilderB.withPartners("2023-01-02", "A").indicator(H9, "2023-06").status()).isEqualTo(Status.NA);

        HistoryBuilderB pending = HistoryBuilderB.withPartners("2023-01-02", "A");
        pending.depart("A", "a1", Level.BOARD, Handover.NONE, "2023-06-10");
        IndicatorValue v = pending.indicator(H9, "2023-06");
        assertThat(v.status()).isEqualTo(Status.NA);
        assertThat(v.figure("pending")).isEqualTo(1);
        assertThat(v.figures()).doesNotContainKey("continuity");
    }

    @Test
    void a_withdrawn_partners_departures_leave_the_share() {
        HistoryBuilderB b = network();
        b.withdraw("C", "2023-06-01");

        IndicatorValue v = b.indicator(H9, "2023-06");

        assertThat(v.number("continuity")).isEqualTo(1.0);
        assertThat(v.status()).isEqualTo(Status.OK);
    }

    @Test
    void a_corrected_handover_repairs_continuity() {
        HistoryBuilderB b = network();
        String partial = b.idOf(RepresentativeDeparted.class, d -> d.personRef().equals("c1"));
        b.correct(partial, b.draft(x -> x.depart("C", "c1", Level.PROFESSIONAL, Handover.DONE, "2023-03-01")), "2023-06-20");

        assertThat(b.indicator(H9, "2023-06").number("continuity")).isEqualTo(1.0);
    }

    @Test
    void a_back_dated_successor_changes_an_earlier_month() {
        HistoryBuilderB b = network();
        assertThat(b.indicator(H9, "2023-05").number("continuity")).isEqualTo(2 / 3.0);

        b.appoint("C", "c3", Level.PROFESSIONAL, "2023-04-15");   // logged in June, dated within C's 60 days

        assertThat(b.indicator(H9, "2023-05").number("continuity")).isEqualTo(1.0);
    }
}
