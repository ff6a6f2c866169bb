package nl.samenspel.command.network;

import nl.samenspel.kernel.meeting.Attendance;
import nl.samenspel.kernel.meeting.MeetingCancelled;
import nl.samenspel.kernel.meeting.MeetingHeld;
import nl.samenspel.kernel.meeting.MeetingKind;
import nl.samenspel.kernel.meeting.Modality;
import nl.samenspel.kernel.people.Level;
import nl.samenspel.kernel.structure.AccountabilityRequested;
import nl.samenspel.kernel.structure.ContextChanged;
import nl.samenspel.kernel.structure.ContextKind;
import nl.samenspel.kernel.structure.Direction;
import nl.samenspel.kernel.structure.RegionalAnalysisShared;
import nl.samenspel.kernel.structure.SubCoalitionChanged;
import nl.samenspel.kernel.structure.SubCoalitionDissolved;
import nl.samenspel.kernel.structure.SubCoalitionFormed;
import nl.samenspel.kernel.structure.SuccessAchieved;
import nl.samenspel.kernel.structure.SuccessKind;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static nl.samenspel.command.network.RulesFixture.*;

/** The rules for meetings, sub-coalitions, the regional picture, the context, accountability and successes. */
class MeetingAndStructureRulesTest {
    private static final UUID MEETING = UUID.randomUUID();
    private static final UUID COALITION = UUID.randomUUID();

    private FixtureConfiguration<Network> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    static MeetingHeld meeting(List<Attendance> attendance, LocalDate on) {
        return new MeetingHeld(NETWORK, MEETING, MeetingKind.INFORMAL, Modality.IN_PERSON, "Walk through the ward",
                               attendance, on, null, null);
    }

    static Attendance at(UUID partnerId, Level level) {
        return new Attendance(partnerId, level);
    }

    static MeetingCancelled cancelled(UUID partnerId, String purpose) {
        return new MeetingCancelled(NETWORK, partnerId, purpose, ON, null, null);
    }

    static SubCoalitionFormed formed(List<UUID> memberIds, LocalDate on) {
        return new SubCoalitionFormed(NETWORK, COALITION, "Discharge from hospital", "patients wait for home care",
                                      memberIds, on, null, null);
    }

    static SubCoalitionFormed formed() {
        return formed(List.of(HOSPITAL, GP_COOPERATIVE), FOUNDED);
    }

    static SubCoalitionChanged changed(UUID coalitionId, List<UUID> memberIds) {
        return new SubCoalitionChanged(NETWORK, coalitionId, "Discharge and aftercare", null, memberIds, ON, null,
                                       null);
    }

    static SubCoalitionDissolved dissolved(UUID coalitionId, LocalDate on) {
        return new SubCoalitionDissolved(NETWORK, coalitionId, on, null, null);
    }

    static RegionalAnalysisShared analysis(List<String> quantitative, List<UUID> endorsing) {
        return new RegionalAnalysisShared(NETWORK, "The region in figures and stories", quantitative,
                                          List.of("kitchen-table talks"), endorsing, ON, null, null);
    }

    static ContextChanged context(UUID partnerId) {
        return new ContextChanged(NETWORK, ContextKind.FUNDING, partnerId, Direction.NEGATIVE,
                                  "the insurer stops the transition budget", ON, null, null);
    }

    static AccountabilityRequested accountability(List<UUID> partnerIds) {
        return new AccountabilityRequested(NETWORK, "municipal council", partnerIds, false, ON, null, null);
    }

    @Nested
    class MeetingsHeld {
        @Test
        void aMeetingIsHeldWithItsAttendance() {
            MeetingHeld entry = meeting(List.of(at(HOSPITAL, Level.PROFESSIONAL), at(HOSPITAL, Level.BOARD),
                                                at(MUNICIPALITY, Level.BOARD)), ON);
            fixture.given(network())
                   .when(record(entry))
                   .expectEvents(entry);
        }

        @Test
        void aMeetingIdThatIsAlreadyUsedIsAConflict() {
            fixture.given(network(meeting(List.of(at(HOSPITAL, Level.BOARD)), FOUNDED)))
                   .when(record(meeting(List.of(at(MUNICIPALITY, Level.BOARD)), ON)))
                   .expectNoEvents()
                   .expectException(conflict("meetingId"));
        }

        @Test
        void aPartnerListedTwiceAtTheSameLevelIsRefused() {
            fixture.given(network())
                   .when(record(meeting(List.of(at(HOSPITAL, Level.BOARD), at(HOSPITAL, Level.BOARD)), ON)))
                   .expectNoEvents()
                   .expectException(invalid("attendance[1]"));
        }

        @Test
        void anUnknownAttendeeIsNotFound() {
            fixture.given(network())
                   .when(record(meeting(List.of(at(HOSPITAL, Level.BOARD), at(STRANGER, Level.BOARD)), ON)))
                   .expectNoEvents()
                   .expectException(notFound("attendance[1].partnerId"));
        }

        @Test
        void anAttendeeThatWithdrewIsAConflict() {
            fixture.given(network())
                   .when(record(meeting(List.of(at(INSURER, Level.MANAGEMENT)), ON)))
                   .expectNoEvents()
                   .expectException(conflict("attendance[0].partnerId"));
        }

        @Test
        void anAttendeeWithoutLevelIsRefused() {
            fixture.given(network())
                   .when(record(meeting(List.of(at(HOSPITAL, Level.BOARD), at(MUNICIPALITY, null)), ON)))
                   .expectNoEvents()
                   .expectException(invalid("attendance[1].level"));
        }

        @Test
        void aMeetingWithoutAttendanceIsRefused() {
            fixture.given(network())
                   .when(record(meeting(List.of(), ON)))
                   .expectNoEvents()
                   .expectException(invalid("attendance"));
        }

        @Test
        void aMissingModalityIsRefused() {
            fixture.given(network())
                   .when(record(new MeetingHeld(NETWORK, MEETING, MeetingKind.FORMAL, null, "Steering group",
                                                List.of(at(HOSPITAL, Level.BOARD)), ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("modality"));
        }

        @Test
        void aPurposeOverTwoHundredCharactersIsRefused() {
            fixture.given(network())
                   .when(record(new MeetingHeld(NETWORK, MEETING, MeetingKind.FORMAL, Modality.ONLINE, text(201),
                                                List.of(at(HOSPITAL, Level.BOARD)), ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("purpose"));
        }
    }

    @Nested
    class MeetingsCancelled {
        @Test
        void aPartnerCancelsAMeeting() {
            fixture.given(network())
                   .when(record(cancelled(MUNICIPALITY, "Steering group")))
                   .expectEvents(cancelled(MUNICIPALITY, "Steering group"));
        }

        @Test
        void anUnknownPartnerIsNotFound() {
            fixture.given(network())
                   .when(record(cancelled(STRANGER, "Steering group")))
                   .expectNoEvents()
                   .expectException(notFound("cancelledByPartnerId"));
        }

        @Test
        void aPartnerThatWithdrewIsAConflict() {
            fixture.given(network())
                   .when(record(cancelled(INSURER, "Steering group")))
                   .expectNoEvents()
                   .expectException(conflict("cancelledByPartnerId"));
        }

        @Test
        void aBlankPurposeIsRefused() {
            fixture.given(network())
                   .when(record(cancelled(MUNICIPALITY, "")))
                   .expectNoEvents()
                   .expectException(invalid("purpose"));
        }
    }

    @Nested
    class SubCoalitionsFormed {
        @Test
        void partnersFormASubCoalition() {
            fixture.given(network())
                   .when(record(formed(List.of(HOSPITAL, GP_COOPERATIVE), ON)))
                   .expectEvents(formed(List.of(HOSPITAL, GP_COOPERATIVE), ON));
        }

        @Test
        void aCoalitionIdThatIsAlreadyUsedIsAConflict() {
            fixture.given(network(formed(), dissolved(COALITION, FOUNDED.plusDays(30))))
                   .when(record(formed(List.of(HOSPITAL, MUNICIPALITY), ON)))
                   .expectNoEvents()
                   .expectException(conflict("coalitionId"));
        }

        @Test
        void aSubCoalitionOfOnePartnerIsRefused() {
            fixture.given(network())
                   .when(record(formed(List.of(HOSPITAL), ON)))
                   .expectNoEvents()
                   .expectException(invalid("memberIds"));
        }

        @Test
        void aMemberNamedTwiceIsRefused() {
            fixture.given(network())
                   .when(record(formed(List.of(HOSPITAL, HOSPITAL), ON)))
                   .expectNoEvents()
                   .expectException(invalid("memberIds"));
        }

        @Test
        void anUnknownMemberIsNotFound() {
            fixture.given(network())
                   .when(record(formed(List.of(STRANGER, HOSPITAL), ON)))
                   .expectNoEvents()
                   .expectException(notFound("memberIds[0]"));
        }

        @Test
        void aMemberThatHasNotJoinedYetIsAConflict() {
            fixture.given(network())
                   .when(record(formed(List.of(HOSPITAL, HOUSING), ON)))
                   .expectNoEvents()
                   .expectException(conflict("memberIds[1]"));
        }

        @Test
        void aBlankNameIsRefused() {
            fixture.given(network())
                   .when(record(new SubCoalitionFormed(NETWORK, COALITION, " ", null, List.of(HOSPITAL, MUNICIPALITY),
                                                       ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("name"));
        }

        @Test
        void anIssueOverTwoThousandCharactersIsRefused() {
            fixture.given(network())
                   .when(record(new SubCoalitionFormed(NETWORK, COALITION, "Discharge", text(2_001),
                                                       List.of(HOSPITAL, MUNICIPALITY), ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("issue"));
        }
    }

    @Nested
    class SubCoalitionsChanged {
        @Test
        void aSubCoalitionChangesItsMembers() {
            fixture.given(network(formed()))
                   .when(record(changed(COALITION, List.of(HOSPITAL, GP_COOPERATIVE, MUNICIPALITY))))
                   .expectEvents(changed(COALITION, List.of(HOSPITAL, GP_COOPERATIVE, MUNICIPALITY)));
        }

        @Test
        void anUnknownSubCoalitionIsNotFound() {
            fixture.given(network(formed()))
                   .when(record(changed(UUID.randomUUID(), List.of(HOSPITAL, GP_COOPERATIVE))))
                   .expectNoEvents()
                   .expectException(notFound("coalitionId"));
        }

        @Test
        void aDissolvedSubCoalitionIsAConflict() {
            fixture.given(network(formed(), dissolved(COALITION, ON.minusDays(1))))
                   .when(record(changed(COALITION, List.of(HOSPITAL, GP_COOPERATIVE))))
                   .expectNoEvents()
                   .expectException(conflict("coalitionId"));
        }

        @Test
        void aMemberThatWithdrewIsAConflict() {
            fixture.given(network(formed()))
                   .when(record(changed(COALITION, List.of(HOSPITAL, INSURER))))
                   .expectNoEvents()
                   .expectException(conflict("memberIds[1]"));
        }

        @Test
        void shrinkingToOneMemberIsRefused() {
            fixture.given(network(formed()))
                   .when(record(changed(COALITION, List.of(HOSPITAL))))
                   .expectNoEvents()
                   .expectException(invalid("memberIds"));
        }
    }

    @Nested
    class SubCoalitionsDissolved {
        @Test
        void aSubCoalitionIsDissolved() {
            fixture.given(network(formed()))
                   .when(record(dissolved(COALITION, ON)))
                   .expectEvents(dissolved(COALITION, ON));
        }

        @Test
        void anUnknownSubCoalitionIsNotFound() {
            fixture.given(network())
                   .when(record(dissolved(COALITION, ON)))
                   .expectNoEvents()
                   .expectException(notFound("coalitionId"));
        }

        @Test
        void dissolvingTwiceIsAConflict() {
            fixture.given(network(formed(), dissolved(COALITION, ON)))
                   .when(record(dissolved(COALITION, ON.plusDays(1))))
                   .expectNoEvents()
                   .expectException(conflict("coalitionId"));
        }
    }

    @Nested
    class RegionalAnalyses {
        @Test
        void aRegionalAnalysisIsSharedAndEndorsed() {
            RegionalAnalysisShared entry = analysis(List.of("CBS health monitor"), List.of(HOSPITAL, MUNICIPALITY));
            fixture.given(network())
                   .when(record(entry))
                   .expectEvents(entry);
        }

        @Test
        void anUnknownEndorsingPartnerIsNotFound() {
            fixture.given(network())
                   .when(record(analysis(List.of("CBS health monitor"), List.of(STRANGER))))
                   .expectNoEvents()
                   .expectException(notFound("endorsingPartnerIds[0]"));
        }

        @Test
        void anEndorsingPartnerThatWithdrewIsAConflict() {
            fixture.given(network())
                   .when(record(analysis(List.of("CBS health monitor"), List.of(HOSPITAL, INSURER))))
                   .expectNoEvents()
                   .expectException(conflict("endorsingPartnerIds[1]"));
        }

        @Test
        void anEndorsingPartnerNamedTwiceIsRefused() {
            fixture.given(network())
                   .when(record(analysis(List.of("CBS health monitor"), List.of(HOSPITAL, HOSPITAL))))
                   .expectNoEvents()
                   .expectException(invalid("endorsingPartnerIds"));
        }

        @Test
        void aBlankSourceIsRefused() {
            fixture.given(network())
                   .when(record(analysis(List.of(" "), List.of(HOSPITAL))))
                   .expectNoEvents()
                   .expectException(invalid("quantitativeSources[0]"));
        }

        @Test
        void aBlankTitleIsRefused() {
            fixture.given(network())
                   .when(record(new RegionalAnalysisShared(NETWORK, "", null, null, null, ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("title"));
        }
    }

    @Nested
    class ContextChanges {
        @Test
        void theContextOfTheNetworkChanges() {
            fixture.given(network())
                   .when(record(context(null)))
                   .expectEvents(context(null));
        }

        @Test
        void aContextChangeMayConcernOnePartner() {
            fixture.given(network())
                   .when(record(context(MUNICIPALITY)))
                   .expectEvents(context(MUNICIPALITY));
        }

        @Test
        void anUnknownPartnerIsNotFound() {
            fixture.given(network())
                   .when(record(context(STRANGER)))
                   .expectNoEvents()
                   .expectException(notFound("partnerId"));
        }

        @Test
        void aPartnerThatWithdrewIsAConflict() {
            fixture.given(network())
                   .when(record(context(INSURER)))
                   .expectNoEvents()
                   .expectException(conflict("partnerId"));
        }

        @Test
        void aMissingDirectionIsRefused() {
            fixture.given(network())
                   .when(record(new ContextChanged(NETWORK, ContextKind.POLITICAL, null, null, "elections", ON, null,
                                                   null)))
                   .expectNoEvents()
                   .expectException(invalid("direction"));
        }

        @Test
        void aBlankSummaryIsRefused() {
            fixture.given(network())
                   .when(record(new ContextChanged(NETWORK, ContextKind.POLITICAL, null, Direction.POSITIVE, "", ON,
                                                   null, null)))
                   .expectNoEvents()
                   .expectException(invalid("summary"));
        }
    }

    @Nested
    class AccountabilityRequests {
        @Test
        void partnersAreAskedToAccount() {
            fixture.given(network())
                   .when(record(accountability(List.of(HOSPITAL, MUNICIPALITY))))
                   .expectEvents(accountability(List.of(HOSPITAL, MUNICIPALITY)));
        }

        @Test
        void anUnknownPartnerIsNotFound() {
            fixture.given(network())
                   .when(record(accountability(List.of(HOSPITAL, STRANGER))))
                   .expectNoEvents()
                   .expectException(notFound("partnerIds[1]"));
        }

        @Test
        void aPartnerThatWithdrewIsAConflict() {
            fixture.given(network())
                   .when(record(accountability(List.of(INSURER))))
                   .expectNoEvents()
                   .expectException(conflict("partnerIds[0]"));
        }

        @Test
        void aRequestToNoPartnerIsRefused() {
            fixture.given(network())
                   .when(record(accountability(List.of())))
                   .expectNoEvents()
                   .expectException(invalid("partnerIds"));
        }

        @Test
        void aBlankRequesterIsRefused() {
            fixture.given(network())
                   .when(record(new AccountabilityRequested(NETWORK, " ", List.of(HOSPITAL), true, ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("requester"));
        }

        @Test
        void aMissingAlignmentIsRefused() {
            fixture.given(network())
                   .when(record(new AccountabilityRequested(NETWORK, "council", List.of(HOSPITAL), null, ON, null,
                                                            null)))
                   .expectNoEvents()
                   .expectException(invalid("alignedWithOtherRequests"));
        }
    }

    @Nested
    class Successes {
        @Test
        void theNetworkAchievesASuccess() {
            SuccessAchieved entry = new SuccessAchieved(NETWORK, SuccessKind.GRANT, "Regional prevention grant", ON,
                                                        null, null);
            fixture.given(network())
                   .when(record(entry))
                   .expectEvents(entry);
        }

        @Test
        void aMissingKindIsRefused() {
            fixture.given(network())
                   .when(record(new SuccessAchieved(NETWORK, null, "Grant", ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("kind"));
        }

        @Test
        void aTitleOverTwoHundredCharactersIsRefused() {
            fixture.given(network())
                   .when(record(new SuccessAchieved(NETWORK, SuccessKind.MILESTONE, text(201), ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("title"));
        }
    }
}
