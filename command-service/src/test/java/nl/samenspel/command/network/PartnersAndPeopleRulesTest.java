package nl.samenspel.command.network;

import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.network.PartnerParticipationChanged;
import nl.samenspel.kernel.network.Phase;
import nl.samenspel.kernel.network.PhaseChanged;
import nl.samenspel.kernel.people.DepartureReason;
import nl.samenspel.kernel.people.Handover;
import nl.samenspel.kernel.people.LeadRole;
import nl.samenspel.kernel.people.Level;
import nl.samenspel.kernel.people.NetworkRoleAssigned;
import nl.samenspel.kernel.people.NetworkRoleEnded;
import nl.samenspel.kernel.people.RepresentativeAppointed;
import nl.samenspel.kernel.people.RepresentativeDeparted;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static nl.samenspel.command.network.RulesFixture.*;

/** The rules for the network's phase, partners' participation, their representatives and the network's lead roles. */
class PartnersAndPeopleRulesTest {
    private static final String PERSON = "person-7f3a";

    private FixtureConfiguration<Network> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    static PartnerParticipationChanged participation(UUID partnerId, LocalDate on) {
        return new PartnerParticipationChanged(NETWORK, partnerId, ParticipationLevel.ASSOCIATE, on, null, null);
    }

    static RepresentativeAppointed appointed(UUID partnerId, String personRef, Level level, LocalDate on) {
        return new RepresentativeAppointed(NETWORK, partnerId, personRef, level, "director of care", on, null, null);
    }

    static RepresentativeDeparted departed(UUID partnerId, String personRef, Level level, LocalDate on) {
        return new RepresentativeDeparted(NETWORK, partnerId, personRef, level, Handover.PARTIAL,
                                          DepartureReason.NEW_ROLE, on, null, null);
    }

    static NetworkRoleAssigned assigned(LeadRole role, String personRef, UUID partnerId, LocalDate on) {
        return new NetworkRoleAssigned(NETWORK, role, personRef, partnerId, true, on, null, null);
    }

    static NetworkRoleEnded ended(LeadRole role, String personRef, UUID partnerId, LocalDate on) {
        return new NetworkRoleEnded(NETWORK, role, personRef, partnerId, on, null, null);
    }

    @Nested
    class PhaseChanges {
        @Test
        void theNetworkMovesToAnotherPhase() {
            PhaseChanged entry = new PhaseChanged(NETWORK, Phase.DIP, "meetings multiply, energy drops", ON, null, null);
            fixture.given(network())
                   .when(record(entry))
                   .expectEvents(entry);
        }

        @Test
        void aMissingPhaseIsRefused() {
            fixture.given(network())
                   .when(record(new PhaseChanged(NETWORK, null, "unclear", ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("phase"));
        }

        @Test
        void aRationaleOverTwoThousandCharactersIsRefused() {
            fixture.given(network())
                   .when(record(new PhaseChanged(NETWORK, Phase.RESTART, text(2_001), ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("rationale"));
        }
    }

    @Nested
    class ParticipationChanges {
        @Test
        void aPartnerChangesItsParticipationLevel() {
            fixture.given(network())
                   .when(record(participation(HOSPITAL, ON)))
                   .expectEvents(participation(HOSPITAL, ON));
        }

        @Test
        void aWithdrawnPartnerMayStillBeNamedForADateBeforeItWithdrew() {
            fixture.given(network())
                   .when(record(participation(INSURER, WITHDRAWN.minusDays(1))))
                   .expectEvents(participation(INSURER, WITHDRAWN.minusDays(1)));
        }

        @Test
        void anUnknownPartnerIsNotFound() {
            fixture.given(network())
                   .when(record(participation(STRANGER, ON)))
                   .expectNoEvents()
                   .expectException(notFound("partnerId"));
        }

        @Test
        void aPartnerNamedOnOrAfterItsWithdrawalIsAConflict() {
            fixture.given(network())
                   .when(record(participation(INSURER, WITHDRAWN)))
                   .expectNoEvents()
                   .expectException(conflict("partnerId"));
        }

        @Test
        void aPartnerNamedBeforeItJoinedIsAConflict() {
            fixture.given(network())
                   .when(record(participation(HOUSING, LATE_JOIN.minusDays(1))))
                   .expectNoEvents()
                   .expectException(conflict("partnerId"));
        }

        @Test
        void aMissingParticipationLevelIsRefused() {
            fixture.given(network())
                   .when(record(new PartnerParticipationChanged(NETWORK, HOSPITAL, null, ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("participationLevel"));
        }
    }

    @Nested
    class Appointments {
        @Test
        void aPartnerAppointsARepresentative() {
            fixture.given(network())
                   .when(record(appointed(HOSPITAL, PERSON, Level.BOARD, ON)))
                   .expectEvents(appointed(HOSPITAL, PERSON, Level.BOARD, ON));
        }

        @Test
        void theSameRepresentativeMayServeTheSamePartnerAtAnotherLevel() {
            fixture.given(network(appointed(HOSPITAL, PERSON, Level.BOARD, FOUNDED)))
                   .when(record(appointed(HOSPITAL, PERSON, Level.MANAGEMENT, ON)))
                   .expectEvents(appointed(HOSPITAL, PERSON, Level.MANAGEMENT, ON));
        }

        @Test
        void appointingACurrentRepresentativeAgainAtTheSameLevelIsAConflict() {
            fixture.given(network(appointed(HOSPITAL, PERSON, Level.BOARD, FOUNDED)))
                   .when(record(appointed(HOSPITAL, PERSON, Level.BOARD, ON)))
                   .expectNoEvents()
                   .expectException(conflict("personRef"));
        }

        @Test
        void aBackDatedAppointmentInsideATermThatEndedLaterIsAConflict() {
            // Logged after the term ended, but dated while it ran: the person was in post that day already.
            fixture.given(network(appointed(HOSPITAL, PERSON, Level.BOARD, FOUNDED),
                                  departed(HOSPITAL, PERSON, Level.BOARD, ON)))
                   .when(record(appointed(HOSPITAL, PERSON, Level.BOARD, FOUNDED.plusDays(1))))
                   .expectNoEvents()
                   .expectException(conflict("personRef"));
        }

        @Test
        void aNewTermAfterAnEndedOneIsAccepted() {
            fixture.given(network(appointed(HOSPITAL, PERSON, Level.BOARD, ON),
                                  departed(HOSPITAL, PERSON, Level.BOARD, ON.plusDays(10))))
                   .when(record(appointed(HOSPITAL, PERSON, Level.BOARD, ON.plusDays(20))))
                   .expectEvents(appointed(HOSPITAL, PERSON, Level.BOARD, ON.plusDays(20)));
        }

        @Test
        void anUnknownPartnerIsNotFound() {
            fixture.given(network())
                   .when(record(appointed(STRANGER, PERSON, Level.BOARD, ON)))
                   .expectNoEvents()
                   .expectException(notFound("partnerId"));
        }

        @Test
        void aWithdrawnPartnerIsAConflict() {
            fixture.given(network())
                   .when(record(appointed(INSURER, PERSON, Level.BOARD, ON)))
                   .expectNoEvents()
                   .expectException(conflict("partnerId"));
        }

        @Test
        void aPartnerThatHasNotJoinedYetIsAConflict() {
            fixture.given(network())
                   .when(record(appointed(HOUSING, PERSON, Level.BOARD, ON)))
                   .expectNoEvents()
                   .expectException(conflict("partnerId"));
        }

        @Test
        void aBlankPersonRefIsRefused() {
            fixture.given(network())
                   .when(record(appointed(HOSPITAL, " ", Level.BOARD, ON)))
                   .expectNoEvents()
                   .expectException(invalid("personRef"));
        }

        @Test
        void aMissingLevelIsRefused() {
            fixture.given(network())
                   .when(record(appointed(HOSPITAL, PERSON, null, ON)))
                   .expectNoEvents()
                   .expectException(invalid("level"));
        }

        @Test
        void aRoleOverOneHundredCharactersIsRefused() {
            fixture.given(network())
                   .when(record(new RepresentativeAppointed(NETWORK, HOSPITAL, PERSON, Level.BOARD, text(101), ON,
                                                            null, null)))
                   .expectNoEvents()
                   .expectException(invalid("role"));
        }
    }

    @Nested
    class Departures {
        @Test
        void aRepresentativeDeparts() {
            fixture.given(network(appointed(HOSPITAL, PERSON, Level.BOARD, FOUNDED)))
                   .when(record(departed(HOSPITAL, PERSON, Level.BOARD, ON)))
                   .expectEvents(departed(HOSPITAL, PERSON, Level.BOARD, ON));
        }

        @Test
        void someoneWhoIsNotARepresentativeAtThatLevelIsNotFound() {
            fixture.given(network(appointed(HOSPITAL, PERSON, Level.BOARD, FOUNDED)))
                   .when(record(departed(HOSPITAL, PERSON, Level.MANAGEMENT, ON)))
                   .expectNoEvents()
                   .expectException(notFound("personRef"));
        }

        @Test
        void aRepresentativeWhoAlreadyDepartedIsNotFound() {
            fixture.given(network(appointed(HOSPITAL, PERSON, Level.BOARD, FOUNDED),
                                  departed(HOSPITAL, PERSON, Level.BOARD, ON)))
                   .when(record(departed(HOSPITAL, PERSON, Level.BOARD, ON.plusDays(1))))
                   .expectNoEvents()
                   .expectException(notFound("personRef"));
        }

        @Test
        void anUnknownPartnerIsNotFound() {
            fixture.given(network())
                   .when(record(departed(STRANGER, PERSON, Level.BOARD, ON)))
                   .expectNoEvents()
                   .expectException(notFound("partnerId"));
        }

        @Test
        void aDepartureAfterThePartnerWithdrewIsAConflict() {
            fixture.given(network(appointed(INSURER, PERSON, Level.BOARD, FOUNDED)))
                   .when(record(departed(INSURER, PERSON, Level.BOARD, ON)))
                   .expectNoEvents()
                   .expectException(conflict("partnerId"));
        }

        @Test
        void aMissingHandoverIsRefused() {
            fixture.given(network(appointed(HOSPITAL, PERSON, Level.BOARD, FOUNDED)))
                   .when(record(new RepresentativeDeparted(NETWORK, HOSPITAL, PERSON, Level.BOARD, null,
                                                           DepartureReason.OTHER, ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("handover"));
        }

        @Test
        void aMissingReasonIsRefused() {
            fixture.given(network(appointed(HOSPITAL, PERSON, Level.BOARD, FOUNDED)))
                   .when(record(new RepresentativeDeparted(NETWORK, HOSPITAL, PERSON, Level.BOARD, Handover.DONE,
                                                           null, ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("reason"));
        }

        @Test
        void aDepartureBeforeTheAppointmentIsRefused() {
            fixture.given(network(appointed(HOSPITAL, PERSON, Level.BOARD, ON)))
                   .when(record(departed(HOSPITAL, PERSON, Level.BOARD, ON.minusDays(1))))
                   .expectNoEvents()
                   .expectException(invalid("occurredOn"));
        }

        @Test
        void aDepartureBeforeALaterReappointmentIsRefused() {
            fixture.given(network(appointed(HOSPITAL, PERSON, Level.BOARD, FOUNDED),
                                  departed(HOSPITAL, PERSON, Level.BOARD, FOUNDED.plusDays(10)),
                                  appointed(HOSPITAL, PERSON, Level.BOARD, ON)))
                   .when(record(departed(HOSPITAL, PERSON, Level.BOARD, FOUNDED.plusDays(20))))
                   .expectNoEvents()
                   .expectException(invalid("occurredOn"));
        }
    }

    @Nested
    class LeadRolesAssigned {
        @Test
        void someoneTakesOnALeadRole() {
            fixture.given(network())
                   .when(record(assigned(LeadRole.CHAIR, PERSON, MUNICIPALITY, ON)))
                   .expectEvents(assigned(LeadRole.CHAIR, PERSON, MUNICIPALITY, ON));
        }

        @Test
        void aBackDatedAssignmentInsideATermThatEndedLaterIsAConflict() {
            fixture.given(network(assigned(LeadRole.CHAIR, PERSON, MUNICIPALITY, FOUNDED),
                                  ended(LeadRole.CHAIR, PERSON, MUNICIPALITY, ON)))
                   .when(record(assigned(LeadRole.CHAIR, PERSON, MUNICIPALITY, FOUNDED.plusDays(1))))
                   .expectNoEvents()
                   .expectException(conflict("role"));
        }

        @Test
        void assigningARoleThePersonAlreadyHoldsIsAConflict() {
            fixture.given(network(assigned(LeadRole.CHAIR, PERSON, MUNICIPALITY, FOUNDED)))
                   .when(record(assigned(LeadRole.CHAIR, PERSON, MUNICIPALITY, ON)))
                   .expectNoEvents()
                   .expectException(conflict("role"));
        }

        @Test
        void anUnknownPartnerIsNotFound() {
            fixture.given(network())
                   .when(record(assigned(LeadRole.CHAIR, PERSON, STRANGER, ON)))
                   .expectNoEvents()
                   .expectException(notFound("partnerId"));
        }

        @Test
        void aWithdrawnPartnerIsAConflict() {
            fixture.given(network())
                   .when(record(assigned(LeadRole.COORDINATOR, PERSON, INSURER, ON)))
                   .expectNoEvents()
                   .expectException(conflict("partnerId"));
        }

        @Test
        void aMissingRoleIsRefused() {
            fixture.given(network())
                   .when(record(assigned(null, PERSON, MUNICIPALITY, ON)))
                   .expectNoEvents()
                   .expectException(invalid("role"));
        }

        @Test
        void aMissingGrantedByNetworkIsRefused() {
            fixture.given(network())
                   .when(record(new NetworkRoleAssigned(NETWORK, LeadRole.LINKING_PIN, PERSON, MUNICIPALITY, null, ON,
                                                        null, null)))
                   .expectNoEvents()
                   .expectException(invalid("grantedByNetwork"));
        }
    }

    @Nested
    class LeadRolesEnded {
        @Test
        void aLeadRoleEnds() {
            fixture.given(network(assigned(LeadRole.CHAIR, PERSON, MUNICIPALITY, FOUNDED)))
                   .when(record(ended(LeadRole.CHAIR, PERSON, MUNICIPALITY, ON)))
                   .expectEvents(ended(LeadRole.CHAIR, PERSON, MUNICIPALITY, ON));
        }

        @Test
        void endingARoleThePersonDoesNotHoldIsNotFound() {
            fixture.given(network(assigned(LeadRole.CHAIR, PERSON, MUNICIPALITY, FOUNDED)))
                   .when(record(ended(LeadRole.COORDINATOR, PERSON, MUNICIPALITY, ON)))
                   .expectNoEvents()
                   .expectException(notFound("role"));
        }

        @Test
        void endingARoleForAnotherPartnerThanItWasHeldForIsNotFound() {
            fixture.given(network(assigned(LeadRole.CHAIR, PERSON, MUNICIPALITY, FOUNDED)))
                   .when(record(ended(LeadRole.CHAIR, PERSON, HOSPITAL, ON)))
                   .expectNoEvents()
                   .expectException(notFound("role"));
        }

        @Test
        void endingARoleAfterThePartnerWithdrewIsAConflict() {
            fixture.given(network(assigned(LeadRole.CHAIR, PERSON, INSURER, FOUNDED)))
                   .when(record(ended(LeadRole.CHAIR, PERSON, INSURER, ON)))
                   .expectNoEvents()
                   .expectException(conflict("partnerId"));
        }

        @Test
        void aRoleOfAWithdrawnPartnerMayEndOnADateBeforeItWithdrew() {
            fixture.given(network(assigned(LeadRole.CHAIR, PERSON, INSURER, FOUNDED)))
                   .when(record(ended(LeadRole.CHAIR, PERSON, INSURER, WITHDRAWN.minusDays(1))))
                   .expectEvents(ended(LeadRole.CHAIR, PERSON, INSURER, WITHDRAWN.minusDays(1)));
        }

        @Test
        void endingARoleBeforeItWasAssignedIsRefused() {
            fixture.given(network(assigned(LeadRole.CHAIR, PERSON, MUNICIPALITY, ON)))
                   .when(record(ended(LeadRole.CHAIR, PERSON, MUNICIPALITY, ON.minusDays(1))))
                   .expectNoEvents()
                   .expectException(invalid("occurredOn"));
        }

        @Test
        void aRoleMayEndOnTheDayItWasAssigned() {
            fixture.given(network(assigned(LeadRole.CHAIR, PERSON, MUNICIPALITY, ON)))
                   .when(record(ended(LeadRole.CHAIR, PERSON, MUNICIPALITY, ON)))
                   .expectEvents(ended(LeadRole.CHAIR, PERSON, MUNICIPALITY, ON));
        }

        @Test
        void aBlankPersonRefIsRefused() {
            fixture.given(network())
                   .when(record(ended(LeadRole.CHAIR, "", MUNICIPALITY, ON)))
                   .expectNoEvents()
                   .expectException(invalid("personRef"));
        }
    }
}
