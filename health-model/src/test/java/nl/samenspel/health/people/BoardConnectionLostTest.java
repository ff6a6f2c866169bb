package nl.samenspel.health.people;

import nl.samenspel.health.Alert;
import nl.samenspel.health.AlertEpisode;
import nl.samenspel.health.HistoryBuilderB;
import nl.samenspel.health.Severity;
import nl.samenspel.kernel.meeting.MeetingKind;
import nl.samenspel.kernel.meeting.Modality;
import nl.samenspel.kernel.people.Handover;
import nl.samenspel.kernel.people.Level;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static nl.samenspel.health.HistoryBuilderB.at;
import static org.assertj.core.api.Assertions.assertThat;

class BoardConnectionLostTest {
    private static final String A10 = BoardConnectionLost.ID;

    /** Both board members meet on 10 January 2023; only B's keeps meeting, so A's board cell opens on 9 July. */
    private static HistoryBuilderB drifting() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2023-01-02", "A", "B");
        b.appoint("A", "a-board", Level.BOARD, "2023-01-05");
        b.appoint("B", "b-board", Level.BOARD, "2023-01-05");
        b.meeting("2023-01-10", MeetingKind.FORMAL, Modality.IN_PERSON, at("A", Level.BOARD), at("B", Level.BOARD));
        for (String day : new String[] {"2023-06-15", "2023-11-15", "2024-04-15"}) {
            b.meeting(day, MeetingKind.FORMAL, Modality.IN_PERSON, at("B", Level.BOARD));
        }
        return b;
    }

    /** A's board member leaves on 1 March 2023 without hand-over; the 60 days end on 30 April. */
    private static HistoryBuilderB departure(Handover handover) {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2023-01-02", "A", "B");
        b.appoint("A", "a-board", Level.BOARD, "2023-01-05");
        b.appoint("B", "b-board", Level.BOARD, "2023-01-05");
        b.meeting("2023-01-10", MeetingKind.FORMAL, Modality.IN_PERSON, at("A", Level.BOARD), at("B", Level.BOARD));
        b.depart("A", "a-board", Level.BOARD, handover, "2023-03-01");
        return b;
    }

    @Test
    void a_board_cell_open_for_more_than_180_days() {
        HistoryBuilderB b = drifting();

        assertThat(b.alert(A10, "2023-12")).isEmpty();   // open since 9 July: 176 days
        Alert january = b.alert(A10, "2024-01").orElseThrow();
        assertThat(january.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(january.detail()).startsWith("Partner A has had no connected board representative");
        assertThat(january.suggestedResponse()).contains("board representative");
    }

    @Test
    void a_meeting_in_the_middle_of_the_half_year_keeps_the_board_connected() {
        HistoryBuilderB b = drifting();
        // A's board cell is open on the first day of the 180 days before the end of January 2024, and closed again
        // by this meeting halfway through them
        b.meeting("2023-10-02", MeetingKind.FORMAL, Modality.IN_PERSON, at("A", Level.BOARD), at("B", Level.BOARD));

        assertThat(b.alert(A10, "2024-01")).isEmpty();
        assertThat(b.alert(A10, "2024-11")).isPresent();   // open again since the start of April 2024
    }

    @Test
    void a_board_departure_without_hand_over_or_successor_in_sixty_days_until_a_successor_comes() {
        HistoryBuilderB b = departure(Handover.NONE);
        String departureId = b.lastId();
        b.appoint("A", "a-board-2", Level.BOARD, "2023-06-10");

        assertThat(b.alert(A10, "2023-03")).isEmpty();
        assertThat(b.alert(A10, "2023-04").orElseThrow().evidence()).containsExactly(departureId);
        assertThat(b.timeline("2023-06-30").episodes()).filteredOn(e -> e.id().equals(A10)).singleElement()
                .extracting(AlertEpisode::raised, AlertEpisode::cleared)
                .containsExactly(YearMonth.of(2023, 4), YearMonth.of(2023, 6));
    }

    @Test
    void a_done_hand_over_is_enough() {
        assertThat(departure(Handover.DONE).alert(A10, "2023-05")).isEmpty();
    }

    @Test
    void nothing_when_the_network_does_not_log_representatives() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2023-01-02", "A", "B");
        b.meeting("2023-01-10", "A", "B");
        assertThat(b.alert(A10, "2024-06")).isEmpty();
    }

    @Test
    void a_withdrawn_partner_has_no_board_connection_to_lose() {
        HistoryBuilderB drift = drifting();
        drift.withdraw("A", "2023-12-01");
        assertThat(drift.alert(A10, "2024-01")).isEmpty();

        HistoryBuilderB left = departure(Handover.NONE);
        left.withdraw("A", "2023-04-15");
        assertThat(left.alert(A10, "2023-04")).isEmpty();
    }

    @Test
    void a_hand_over_corrected_to_done_removes_the_alert() {
        HistoryBuilderB b = departure(Handover.NONE);
        String departureId = b.lastId();
        assertThat(b.alert(A10, "2023-05")).isPresent();

        b.correct(departureId, b.draft(x -> x.depart("A", "a-board", Level.BOARD, Handover.DONE, "2023-03-01")),
                  "2023-05-20");

        assertThat(b.alert(A10, "2023-05")).isEmpty();
    }

    @Test
    void a_back_dated_successor_clears_an_earlier_month() {
        HistoryBuilderB b = departure(Handover.NONE);
        b.meeting("2023-06-01", "B");
        assertThat(b.alert(A10, "2023-04")).isPresent();

        b.appoint("A", "a-board-2", Level.BOARD, "2023-04-15");   // logged in June

        assertThat(b.alert(A10, "2023-04")).isEmpty();
    }
}
