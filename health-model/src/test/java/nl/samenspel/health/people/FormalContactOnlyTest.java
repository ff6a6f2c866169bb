package nl.samenspel.health.people;

import nl.samenspel.health.Alert;
import nl.samenspel.health.HistoryBuilderB;
import nl.samenspel.health.Severity;
import nl.samenspel.kernel.meeting.MeetingHeld;
import nl.samenspel.kernel.meeting.MeetingKind;
import nl.samenspel.kernel.meeting.Modality;
import nl.samenspel.kernel.people.Level;
import org.junit.jupiter.api.Test;

import static nl.samenspel.health.HistoryBuilderB.at;
import static org.assertj.core.api.Assertions.assertThat;

class FormalContactOnlyTest {
    private static final String A12 = FormalContactOnly.ID;

    private static HistoryBuilderB formalMeetings(int count) {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2023-01-02", "A", "B");
        for (int i = 1; i <= count; i++) {
            b.meeting("2023-0" + i + "-10", "A", "B");
        }
        return b;
    }

    @Test
    void four_formal_meetings_in_six_months() {
        Alert alert = formalMeetings(4).alert(A12, "2023-04").orElseThrow();
        assertThat(alert.severity()).isEqualTo(Severity.INFO);
        assertThat(alert.detail()).isEqualTo("0 of 4 meetings in 6 months were informal.");
        assertThat(alert.evidence()).hasSize(4);
        assertThat(alert.suggestedResponse()).contains("informal");
    }

    @Test
    void one_informal_meeting_in_ten_is_enough_and_three_meetings_are_too_few_to_judge() {
        assertThat(formalMeetings(3).alert(A12, "2023-03")).isEmpty();

        HistoryBuilderB ten = formalMeetings(6);
        ten.meeting("2023-06-11", "A", "B");
        ten.meeting("2023-06-12", "A", "B");
        ten.meeting("2023-06-13", "A", "B");
        assertThat(ten.alert(A12, "2023-06")).isPresent();
        ten.meeting("2023-06-14", MeetingKind.INFORMAL, Modality.IN_PERSON, at("A", Level.PROFESSIONAL));
        assertThat(ten.alert(A12, "2023-06")).isEmpty();   // 1 of 10 = 0.1 is not below 0.1
    }

    @Test
    void nothing_without_meetings() {
        assertThat(HistoryBuilderB.withPartners("2023-01-02", "A").alert(A12, "2023-06")).isEmpty();
    }

    @Test
    void meetings_held_with_a_partner_that_later_withdrew_still_count() {
        HistoryBuilderB b = formalMeetings(4);
        b.withdraw("B", "2023-04-20");
        assertThat(b.alert(A12, "2023-04")).isPresent();
    }

    @Test
    void a_meeting_corrected_to_informal_clears_it() {
        HistoryBuilderB b = formalMeetings(4);
        String first = b.idOf(MeetingHeld.class, m -> m.occurredOn().toString().equals("2023-01-10"));
        b.correct(first, b.draft(x -> x.meeting("2023-01-10", MeetingKind.INFORMAL, Modality.IN_PERSON,
                                                at("A", Level.BOARD))), "2023-05-01");
        assertThat(b.alert(A12, "2023-04")).isEmpty();
    }

    @Test
    void a_back_dated_informal_meeting_clears_an_earlier_month() {
        HistoryBuilderB b = formalMeetings(5);
        assertThat(b.alert(A12, "2023-04")).isPresent();

        b.meeting("2023-03-20", MeetingKind.INFORMAL, Modality.IN_PERSON, at("A", Level.BOARD));   // logged in May

        assertThat(b.alert(A12, "2023-04")).isEmpty();
    }
}
