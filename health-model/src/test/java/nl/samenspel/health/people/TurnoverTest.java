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
import static org.assertj.core.api.Assertions.within;

class TurnoverTest {
    private static final String H8 = Turnover.ID;

    /**
     * In the window of 2023 (365 days): A's board seat changes hands on 2 July (182 + 183 days = one seat), A's
     * manager serves all year, B's board member arrives on 2 October (91 days).
     */
    private static HistoryBuilderB network() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2022-01-03", "A", "B");
        b.appoint("A", "a-board-1", Level.BOARD, "2022-01-10");
        b.appoint("A", "a-manager", Level.MANAGEMENT, "2022-01-10");
        b.depart("A", "a-board-1", Level.BOARD, Handover.DONE, "2023-07-02");
        b.appoint("A", "a-board-2", Level.BOARD, "2023-07-02");
        b.appoint("B", "b-board", Level.BOARD, "2023-10-02");
        return b;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cells(IndicatorValue v) {
        return (List<Map<String, Object>>) v.figure("cells");
    }

    @Test
    void departures_over_the_time_weighted_average_of_representatives() {
        IndicatorValue v = network().indicator(H8, "2023-12");

        double average = 1 + 1 + 91 / 365.0;
        assertThat(v.figure("windowDays")).isEqualTo(365);
        assertThat(v.figure("windowMonths")).isEqualTo(12);
        assertThat(v.figure("departures")).isEqualTo(1);
        assertThat(v.number("averageRepresentatives")).isCloseTo(average, within(1e-9));
        assertThat(v.number("turnover")).isCloseTo(1 / average, within(1e-9));
        assertThat((double) ((Map<?, ?>) v.figure("byLevel")).get("board")).isCloseTo(1 / (1 + 91 / 365.0), within(1e-9));
        assertThat((double) ((Map<?, ?>) v.figure("byLevel")).get("management")).isZero();
        assertThat(cells(v)).hasSize(3);
        assertThat(cells(v).get(0)).containsEntry("partner", "Partner A").containsEntry("level", "board")
                                   .containsEntry("departures", 1).containsEntry("turnover", 1.0);
        assertThat(v.status()).isEqualTo(Status.OK);
    }

    @Test
    void a_young_network_is_measured_over_its_own_life() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2023-07-01", "A");
        b.appoint("A", "p1", Level.PROFESSIONAL, "2023-07-01");
        b.depart("A", "p1", Level.PROFESSIONAL, Handover.NONE, "2023-10-01");   // 92 days in post
        b.appoint("A", "p2", Level.PROFESSIONAL, "2023-10-01");                 // 92 days in post

        IndicatorValue v = b.indicator(H8, "2023-12");

        assertThat(v.figure("windowDays")).isEqualTo(184);
        assertThat(v.figure("windowMonths")).as("July to December").isEqualTo(6);
        assertThat(v.number("averageRepresentatives")).isCloseTo(1.0, within(1e-9));
        assertThat(v.number("turnover")).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void is_not_applicable_without_representatives() {
        assertThat(HistoryBuilderB.withPartners("2023-01-02", "A", "B").indicator(H8, "2023-06").status())
                .isEqualTo(Status.NA);
    }

    @Test
    void a_withdrawn_partners_people_are_not_turnover() {
        HistoryBuilderB b = network();
        b.appoint("B", "b-manager", Level.MANAGEMENT, "2022-01-10");
        b.depart("B", "b-manager", Level.MANAGEMENT, Handover.NONE, "2023-03-01");
        assertThat(b.indicator(H8, "2023-12").figure("departures")).isEqualTo(2);

        b.withdraw("B", "2023-11-01");

        IndicatorValue v = b.indicator(H8, "2023-12");
        assertThat(v.figure("departures")).isEqualTo(1);
        assertThat(v.number("averageRepresentatives")).isCloseTo(2.0, within(1e-9));
        assertThat(v.number("turnover")).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void a_retracted_departure_is_no_turnover() {
        HistoryBuilderB b = network();
        String departure = b.idOf(RepresentativeDeparted.class, d -> true);
        b.retract(departure, "2024-01-05");

        IndicatorValue v = b.indicator(H8, "2023-12");

        assertThat(v.figure("departures")).isEqualTo(0);
        assertThat(v.number("turnover")).isZero();
    }

    @Test
    void a_back_dated_departure_changes_an_earlier_month() {
        HistoryBuilderB b = network();
        assertThat(b.indicator(H8, "2023-06").figure("departures")).isEqualTo(0);

        b.depart("A", "a-manager", Level.MANAGEMENT, Handover.NONE, "2023-04-01");   // logged after October

        IndicatorValue june = b.indicator(H8, "2023-06");
        assertThat(june.figure("departures")).isEqualTo(1);
        assertThat(june.evidence()).hasSize(1);
    }
}
