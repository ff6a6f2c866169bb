package nl.samenspel.kernel.history;

import nl.samenspel.kernel.correction.EntryCorrected;
import nl.samenspel.kernel.correction.EntryRetracted;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.network.PartnerJoined;
import nl.samenspel.kernel.network.PartnerWithdrew;
import nl.samenspel.kernel.people.DepartureReason;
import nl.samenspel.kernel.people.Handover;
import nl.samenspel.kernel.people.LeadRole;
import nl.samenspel.kernel.people.Level;
import nl.samenspel.kernel.people.NetworkRoleAssigned;
import nl.samenspel.kernel.people.NetworkRoleEnded;
import nl.samenspel.kernel.people.RepresentativeAppointed;
import nl.samenspel.kernel.people.RepresentativeDeparted;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class StandingTest {
    private static final UUID NETWORK = UUID.randomUUID();
    private static final UUID HOSPITAL = UUID.randomUUID();
    private static final UUID TOWN = UUID.randomUUID();

    private final List<NetworkEvent> log = new ArrayList<>();

    private String add(NetworkEvent event) {
        log.add(event);
        return "e" + log.size();
    }

    private Standing standing() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= log.size(); i++) {
            ids.add("e" + i);
        }
        EffectiveLog effective = EffectiveLog.of(ids, id -> id, id -> log.get(Integer.parseInt(id.substring(1)) - 1));
        return Standing.of(effective.entries(), e -> ids.get(e.position()), EffectiveLog.Effective::content);
    }

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    private void joined(UUID partner, String on) {
        add(new PartnerJoined(NETWORK, partner, partner.toString(), "care", ParticipationLevel.CORE, Set.of(), day(on),
                              null, null));
    }

    private String appointed(UUID partner, String person, String on) {
        return add(new RepresentativeAppointed(NETWORK, partner, person, Level.BOARD, "director", day(on), null, null));
    }

    private String departed(UUID partner, String person, String on) {
        return add(new RepresentativeDeparted(NETWORK, partner, person, Level.BOARD, Handover.DONE, DepartureReason.OTHER,
                                              day(on), null, null));
    }

    @Test
    void aPartnerIsActiveFromItsJoiningUntilTheDayBeforeItWithdraws() {
        joined(HOSPITAL, "2024-02-01");
        add(new PartnerWithdrew(NETWORK, HOSPITAL, "budget", day("2024-06-01"), null, null));

        assertThat(standing().isActive(HOSPITAL, day("2024-01-31"))).isFalse();
        assertThat(standing().isActive(HOSPITAL, day("2024-02-01"))).isTrue();
        assertThat(standing().isActive(HOSPITAL, day("2024-05-31"))).isTrue();
        assertThat(standing().isActive(HOSPITAL, day("2024-06-01"))).isFalse();
    }

    @Test
    void termsPairUpByBusinessDateWhateverOrderTheyArrivedIn() {
        joined(HOSPITAL, "2023-01-01");
        appointed(HOSPITAL, "anna", "2024-02-01");
        departed(HOSPITAL, "anna", "2024-03-01");
        // A later term, and then an earlier one logged late: each departure closes the term it ends by date.
        appointed(HOSPITAL, "anna", "2024-05-01");
        appointed(HOSPITAL, "anna", "2023-10-01");
        departed(HOSPITAL, "anna", "2023-11-01");

        Standing standing = standing();
        assertThat(standing.inPostOn(day("2023-10-15"))).hasSize(1);
        assertThat(standing.inPostOn(day("2023-12-01"))).isEmpty();
        assertThat(standing.inPostOn(day("2024-02-15"))).hasSize(1);
        assertThat(standing.inPostOn(day("2024-04-01"))).isEmpty();
        assertThat(standing.inPostOn(day("2024-05-01"))).singleElement()
                           .satisfies(p -> assertThat(p.appointedEventId()).isEqualTo("e4"));
    }

    @Test
    void aDepartureWithoutAppointmentPutsNoOneInPostButIsKept() {
        joined(HOSPITAL, "2024-01-01");
        String appointment = appointed(HOSPITAL, "anna", "2024-02-01");
        departed(HOSPITAL, "anna", "2024-06-01");
        add(new EntryRetracted(NETWORK, appointment, "wrong person", day("2024-07-01"), null, null));

        assertThat(standing().inPostOn(day("2024-03-01"))).isEmpty();
        assertThat(standing().posts()).singleElement().satisfies(p -> {
            assertThat(p.appointedOn()).isNull();
            assertThat(p.departedOn()).isEqualTo(day("2024-06-01"));
        });
    }

    @Test
    void aRoleEndsOnlyWithTheEndForTheSamePartner() {
        joined(HOSPITAL, "2024-01-01");
        joined(TOWN, "2024-01-01");
        add(new NetworkRoleAssigned(NETWORK, LeadRole.CHAIR, "anna", HOSPITAL, true, day("2024-02-01"), null, null));
        add(new NetworkRoleAssigned(NETWORK, LeadRole.CHAIR, "anna", TOWN, true, day("2024-02-01"), null, null));
        add(new NetworkRoleEnded(NETWORK, LeadRole.CHAIR, "anna", TOWN, day("2024-03-01"), null, null));

        assertThat(standing().heldOn(day("2024-03-01"))).singleElement()
                             .satisfies(t -> assertThat(t.partnerId()).isEqualTo(HOSPITAL));
    }

    @Test
    void aWithdrawnPartnerIsRepresentedByNoOneAndLeadsNothing() {
        joined(HOSPITAL, "2024-01-01");
        appointed(HOSPITAL, "anna", "2024-02-01");
        add(new NetworkRoleAssigned(NETWORK, LeadRole.CHAIR, "anna", HOSPITAL, true, day("2024-02-01"), null, null));
        add(new PartnerWithdrew(NETWORK, HOSPITAL, "budget", day("2024-06-01"), null, null));

        assertThat(standing().inPostOn(day("2024-05-31"))).hasSize(1);
        assertThat(standing().heldOn(day("2024-05-31"))).hasSize(1);
        assertThat(standing().inPostOn(day("2024-06-01"))).isEmpty();
        assertThat(standing().heldOn(day("2024-06-01"))).isEmpty();
    }

    @Test
    void retractingARetractionOrACorrectionBringsBackWhatWasThere() {
        joined(HOSPITAL, "2024-01-01");
        String departure = departed(HOSPITAL, "anna", "2024-06-01");
        appointed(HOSPITAL, "anna", "2024-02-01");
        String retraction = add(new EntryRetracted(NETWORK, departure, "not yet", day("2024-07-01"), null, null));
        String correction = add(new EntryCorrected(NETWORK, departure, "later", new RepresentativeDeparted(
                NETWORK, HOSPITAL, "anna", Level.BOARD, Handover.DONE, DepartureReason.OTHER, day("2024-09-01"), null, null),
                                                   day("2024-07-02"), null, null));
        assertThat(standing().inPostOn(day("2024-10-01"))).as("retracted, and a correction does not bring it back")
                                                         .hasSize(1);

        add(new EntryRetracted(NETWORK, retraction, "it did happen", day("2024-07-03"), null, null));
        assertThat(standing().inPostOn(day("2024-08-01"))).as("back, as corrected").hasSize(1);
        assertThat(standing().inPostOn(day("2024-09-01"))).isEmpty();

        add(new EntryRetracted(NETWORK, correction, "the first date was right", day("2024-07-04"), null, null));
        assertThat(standing().inPostOn(day("2024-06-01"))).isEmpty();
        assertThat(EffectiveLog.of(log, e -> "e" + (log.indexOf(e) + 1), e -> e).corrections())
                .extracting(EffectiveLog.Outcome::status)
                .containsExactly(EffectiveLog.Status.WITHDRAWN, EffectiveLog.Status.WITHDRAWN, EffectiveLog.Status.APPLIED,
                                 EffectiveLog.Status.APPLIED);
    }
}
