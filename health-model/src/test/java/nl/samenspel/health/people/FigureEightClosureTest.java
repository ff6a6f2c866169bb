package nl.samenspel.health.people;

import nl.samenspel.health.HistoryBuilderB;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.Status;
import nl.samenspel.kernel.meeting.MeetingHeld;
import nl.samenspel.kernel.meeting.MeetingKind;
import nl.samenspel.kernel.meeting.Modality;
import nl.samenspel.kernel.people.Handover;
import nl.samenspel.kernel.people.Level;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static nl.samenspel.health.HistoryBuilderB.at;
import static nl.samenspel.health.HistoryBuilderB.id;
import static org.assertj.core.api.Assertions.assertThat;

class FigureEightClosureTest {
    private static final String H10 = FigureEightClosure.ID;

    /** A has all three levels, B board and management; only A's professional level never met. */
    private static HistoryBuilderB network() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2023-01-02", "A", "B");
        b.appoint("A", "a-board", Level.BOARD, "2023-01-05");
        b.appoint("A", "a-manager", Level.MANAGEMENT, "2023-01-05");
        b.appoint("A", "a-pro", Level.PROFESSIONAL, "2023-01-05");
        b.appoint("B", "b-board", Level.BOARD, "2023-01-05");
        b.appoint("B", "b-manager", Level.MANAGEMENT, "2023-01-05");
        b.meeting("2023-05-10", MeetingKind.FORMAL, Modality.IN_PERSON, at("A", Level.BOARD), at("B", Level.BOARD));
        b.meeting("2023-06-10", MeetingKind.FORMAL, Modality.ONLINE, at("A", Level.MANAGEMENT), at("B", Level.MANAGEMENT));
        return b;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> matrix(IndicatorValue v) {
        return (List<Map<String, Object>>) v.figure("matrix");
    }

    @Test
    void closed_cells_over_three_per_active_partner() {
        IndicatorValue v = network().indicator(H10, "2023-06");

        assertThat(v.figure("closedCells")).isEqualTo(4);
        assertThat(v.figure("cells")).isEqualTo(6);
        assertThat(v.number("closure")).isEqualTo(4 / 6.0);
        assertThat(v.figure("openBoardCells")).isEqualTo(List.of());
        assertThat(matrix(v)).extracting(c -> c.get("level") + "=" + c.get("closed"))
                             .containsExactly("board=true", "management=true", "professional=false",
                                              "board=true", "management=true", "professional=false");
        assertThat(matrix(v).get(0)).containsEntry("lastMeetingOn", "2023-05-10").containsEntry("representatives", 1);
        assertThat(v.status()).isEqualTo(Status.WATCH);
    }

    @Test
    void a_meeting_counts_for_180_days_and_only_for_people_already_appointed() {
        HistoryBuilderB b = network();
        // 2023-11-06 is the 180th day after 10 May: the board meeting has dropped out by then
        assertThat(b.indicator(H10, "2023-10").figure("closedCells")).isEqualTo(4);
        assertThat(b.indicator(H10, "2023-11").figure("openBoardCells"))
                .isEqualTo(List.of(id("A").toString(), id("B").toString()));

        HistoryBuilderB newcomer = network();
        newcomer.depart("B", "b-board", Level.BOARD, Handover.DONE, "2023-06-01");
        newcomer.appoint("B", "b-board-2", Level.BOARD, "2023-06-05");
        assertThat(newcomer.indicator(H10, "2023-06").figure("openBoardCells")).isEqualTo(List.of(id("B").toString()));
    }

    @Test
    void alert_when_a_board_cell_stays_open_longer_than_180_days() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2023-01-02", "A", "B");
        b.appoint("A", "a-board", Level.BOARD, "2023-01-05");
        b.appoint("B", "b-board", Level.BOARD, "2023-01-05");
        b.meeting("2023-01-10", MeetingKind.FORMAL, Modality.IN_PERSON, at("A", Level.BOARD), at("B", Level.BOARD));
        b.meeting("2023-06-15", MeetingKind.FORMAL, Modality.IN_PERSON, at("B", Level.BOARD));
        b.meeting("2023-11-15", MeetingKind.FORMAL, Modality.IN_PERSON, at("B", Level.BOARD));
        // A's board cell is closed up to 8 July 2023 and open from 9 July
        assertThat(b.indicator(H10, "2023-12").status()).isEqualTo(Status.WATCH);
        assertThat(b.indicator(H10, "2024-01").status()).isEqualTo(Status.ALERT);
    }

    @Test
    void is_not_applicable_when_the_network_does_not_log_representatives() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2023-01-02", "A", "B");
        b.meeting("2023-02-01", "A", "B");
        assertThat(b.indicator(H10, "2023-02").status()).isEqualTo(Status.NA);
        assertThat(HistoryBuilderB.foundedOn("2023-01-02").indicator(H10, "2023-02").status()).isEqualTo(Status.NA);
    }

    @Test
    void a_withdrawn_partner_has_no_cells() {
        HistoryBuilderB b = network();
        b.withdraw("B", "2023-06-20");

        IndicatorValue v = b.indicator(H10, "2023-06");

        assertThat(v.figure("cells")).isEqualTo(3);
        assertThat(v.number("closure")).isEqualTo(2 / 3.0);
    }

    @Test
    void a_corrected_attendance_level_opens_the_cell() {
        HistoryBuilderB b = network();
        String boardMeeting = b.idOf(MeetingHeld.class, m -> m.occurredOn().toString().equals("2023-05-10"));
        b.correct(boardMeeting, b.draft(x -> x.meeting("2023-05-10", MeetingKind.FORMAL, Modality.IN_PERSON,
                                                       at("A", Level.PROFESSIONAL), at("B", Level.MANAGEMENT))),
                  "2023-07-01");

        IndicatorValue v = b.indicator(H10, "2023-06");

        assertThat(v.figure("openBoardCells")).isEqualTo(List.of(id("A").toString(), id("B").toString()));
        assertThat(v.figure("closedCells")).isEqualTo(3);   // A management, A professional, B management
    }

    @Test
    void a_back_dated_meeting_closes_a_cell_in_an_earlier_month() {
        HistoryBuilderB b = network();
        assertThat(b.indicator(H10, "2023-06").figure("closedCells")).isEqualTo(4);

        b.meeting("2023-06-20", MeetingKind.INFORMAL, Modality.IN_PERSON, at("A", Level.PROFESSIONAL));   // logged late

        assertThat(b.indicator(H10, "2023-06").figure("closedCells")).isEqualTo(5);
        assertThat(b.indicator(H10, "2023-05").figure("closedCells")).isEqualTo(2);
    }
}
