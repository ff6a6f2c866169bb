package nl.samenspel.health.people;

import nl.samenspel.health.HistoryBuilderB;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.Status;
import nl.samenspel.kernel.meeting.MeetingHeld;
import nl.samenspel.kernel.meeting.MeetingKind;
import nl.samenspel.kernel.meeting.Modality;
import nl.samenspel.kernel.people.LeadRole;
import nl.samenspel.kernel.people.Level;
import org.junit.jupiter.api.Test;

import java.util.List;

import static nl.samenspel.health.HistoryBuilderB.at;
import static org.assertj.core.api.Assertions.assertThat;

class LeadershipAndContactTest {
    private static final String H11 = LeadershipAndContact.ID;

    /** Four lead roles (x holds two) and five meetings in the six months to June 2023. */
    private static HistoryBuilderB network() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2023-01-02", "A", "B", "C");
        b.role(LeadRole.CHAIR, "x", "A", "2023-01-05");
        b.role(LeadRole.COORDINATOR, "x", "A", "2023-01-05");
        b.role(LeadRole.PROCESS_DIRECTOR, "y", "B", "2023-01-05");
        b.role(LeadRole.SUB_COALITION_LEAD, "z", "C", "2023-01-05");
        b.role(LeadRole.LINKING_PIN, "w", "C", "2023-01-05");   // not a lead role
        b.meeting("2023-02-01", MeetingKind.FORMAL, Modality.IN_PERSON, at("A", Level.BOARD));
        b.meeting("2023-03-01", MeetingKind.FORMAL, Modality.IN_PERSON, at("A", Level.BOARD));
        b.meeting("2023-04-01", MeetingKind.INFORMAL, Modality.IN_PERSON, at("A", Level.BOARD));
        b.meeting("2023-05-01", MeetingKind.FORMAL, Modality.HYBRID, at("A", Level.BOARD));
        b.meeting("2023-06-01", MeetingKind.FORMAL, Modality.ONLINE, at("A", Level.BOARD));
        return b;
    }

    @Test
    void concentration_informal_and_in_person_shares() {
        IndicatorValue v = network().indicator(H11, "2023-06");

        assertThat(v.figure("leadRoles")).isEqualTo(4);
        assertThat(v.number("leadershipConcentration")).isEqualTo(0.75);   // x 2 + y 1 of 4
        assertThat(v.figure("chairAndCoordinatorWithOnePartner")).isEqualTo(true);
        assertThat(v.figure("meetings")).isEqualTo(5);
        assertThat(v.number("informalShare")).isEqualTo(0.2);
        assertThat(v.number("inPersonShare")).isEqualTo(0.6);
        assertThat(v.figure("hybridMeetings")).isEqualTo(1);
        assertThat(v.status()).isEqualTo(Status.OK);
    }

    @Test
    void an_ended_role_concentrates_leadership() {
        HistoryBuilderB b = network();
        b.roleEnded(LeadRole.SUB_COALITION_LEAD, "z", "C", "2023-06-10");

        IndicatorValue v = b.indicator(H11, "2023-06");

        assertThat(v.number("leadershipConcentration")).isEqualTo(1.0);
        assertThat(v.figure("topLeaders")).isEqualTo(List.of("x", "y"));
        assertThat(v.status()).isEqualTo(Status.WATCH);
    }

    @Test
    void is_not_applicable_without_roles_or_meetings() {
        assertThat(HistoryBuilderB.withPartners("2023-01-02", "A").indicator(H11, "2023-06").status()).isEqualTo(Status.NA);
    }

    @Test
    void a_withdrawn_partner_leads_nothing() {
        HistoryBuilderB b = network();
        b.withdraw("C", "2023-06-05");

        IndicatorValue v = b.indicator(H11, "2023-06");

        assertThat(v.figure("leadRoles")).isEqualTo(3);
        assertThat(v.number("leadershipConcentration")).isEqualTo(1.0);
    }

    @Test
    void a_meeting_corrected_to_informal_changes_the_share() {
        HistoryBuilderB b = network();
        String formal = b.idOf(MeetingHeld.class, m -> m.occurredOn().toString().equals("2023-02-01"));
        b.correct(formal, b.draft(x -> x.meeting("2023-02-01", MeetingKind.INFORMAL, Modality.IN_PERSON,
                                                 at("A", Level.BOARD))), "2023-06-15");

        assertThat(b.indicator(H11, "2023-06").number("informalShare")).isEqualTo(0.4);
    }

    @Test
    void a_back_dated_role_changes_an_earlier_month() {
        HistoryBuilderB b = network();
        assertThat(b.indicator(H11, "2023-03").number("leadershipConcentration")).isEqualTo(0.75);

        b.role(LeadRole.SUB_COALITION_LEAD, "v", "B", "2023-02-15");   // logged in June

        assertThat(b.indicator(H11, "2023-03").number("leadershipConcentration")).isEqualTo(0.6);
        assertThat(b.indicator(H11, "2023-01").number("leadershipConcentration")).isEqualTo(0.75);
    }
}
