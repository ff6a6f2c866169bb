package nl.samenspel.command.network;

import nl.samenspel.kernel.agreement.AgreementKind;
import nl.samenspel.kernel.agreement.AgreementMade;
import nl.samenspel.kernel.agreement.AgreementOutcome;
import nl.samenspel.kernel.agreement.AgreementOutcomeRecorded;
import nl.samenspel.kernel.ambition.AmbitionEndorsed;
import nl.samenspel.kernel.ambition.AmbitionStated;
import nl.samenspel.kernel.ambition.Stance;
import nl.samenspel.kernel.correction.EntryCorrected;
import nl.samenspel.kernel.correction.EntryRetracted;
import nl.samenspel.kernel.exchange.Capital;
import nl.samenspel.kernel.exchange.ContributionKind;
import nl.samenspel.kernel.exchange.ContributionRecorded;
import nl.samenspel.kernel.exchange.ContributionStatus;
import nl.samenspel.kernel.exchange.Unit;
import nl.samenspel.kernel.network.CollaborationForm;
import nl.samenspel.kernel.network.FoundNetwork;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.NetworkFounded;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.network.PartnerParticipationChanged;
import nl.samenspel.kernel.network.Phase;
import nl.samenspel.kernel.network.PhaseChanged;
import nl.samenspel.kernel.people.Level;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static nl.samenspel.command.network.RulesFixture.*;

/**
 * The rules for fixing mistakes: a correction replaces an entry by one of the same kind that keeps what it created and
 * passes the rules itself; a retraction takes an entry out of the effective history. Neither can be corrected or
 * retracted in turn, and a retracted entry stays retracted.
 */
class CorrectionRulesTest {
    private static final UUID CONTRIBUTION = UUID.randomUUID();
    private static final UUID AGREEMENT = UUID.randomUUID();
    private static final UUID NEWCOMER = UUID.randomUUID();
    private static final LocalDate NOTICED = LocalDate.of(2026, 5, 20);

    private FixtureConfiguration<Network> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    static nl.samenspel.kernel.evaluation.EvaluationResponseRecorded response(UUID evaluation, List<Integer> scores) {
        return new nl.samenspel.kernel.evaluation.EvaluationResponseRecorded(NETWORK, evaluation, HOSPITAL,
                nl.samenspel.kernel.people.Level.BOARD, false, scores, null, ON, null, null);
    }

    static ContributionRecorded contribution(UUID from, String hours, LocalDate on) {
        return new ContributionRecorded(NETWORK, CONTRIBUTION, from, null, ContributionKind.CAPACITY,
                                        new BigDecimal(hours), Unit.HOURS, null, Capital.SOCIAL,
                                        ContributionStatus.DELIVERED, on, null, null);
    }

    static AgreementMade agreement(UUID agreementId, List<UUID> partyIds) {
        return new AgreementMade(NETWORK, agreementId, "Joint night shift", AgreementKind.OPERATIONAL, null, partyIds,
                                 null, ON, null, null);
    }

    static AgreementOutcomeRecorded outcome(UUID responsiblePartnerId) {
        return new AgreementOutcomeRecorded(NETWORK, AGREEMENT, AgreementOutcome.KEPT, responsiblePartnerId,
                                            ON.plusDays(30), null, null);
    }

    static AgreementMade agreementOn(LocalDate on) {
        return new AgreementMade(NETWORK, AGREEMENT, "Joint night shift", AgreementKind.OPERATIONAL, null,
                                 List.of(HOSPITAL, MUNICIPALITY), null, on, null, null);
    }

    static nl.samenspel.kernel.people.RepresentativeAppointed appointed(LocalDate on) {
        return new nl.samenspel.kernel.people.RepresentativeAppointed(NETWORK, HOSPITAL, "person-7", Level.BOARD, null, on,
                                                                      null, null);
    }

    static nl.samenspel.kernel.people.RepresentativeDeparted departed(LocalDate on) {
        return new nl.samenspel.kernel.people.RepresentativeDeparted(NETWORK, HOSPITAL, "person-7", Level.BOARD,
                nl.samenspel.kernel.people.Handover.values()[0], nl.samenspel.kernel.people.DepartureReason.values()[0],
                on, null, null);
    }

    /** The founding as a command, so that its entry keeps an id a correction can name. */
    static FoundNetwork foundByCommand() {
        return new FoundNetwork(NETWORK, UUID.randomUUID(), "Zorgnetwerk Noorderkwartier", "care", "Noord",
                                CollaborationForm.NETWORK, "Good care close to home", FOUNDED, null, null);
    }

    static NetworkFounded foundedOn(LocalDate on) {
        return new NetworkFounded(NETWORK, "Zorgnetwerk Noorderkwartier", "care", "Noord", CollaborationForm.NETWORK,
                                  "Good care close to home", on, null, null);
    }

    static PartnerParticipationChanged participation(UUID partnerId, LocalDate on) {
        return new PartnerParticipationChanged(NETWORK, partnerId, ParticipationLevel.PARTICIPANT, on, null, null);
    }

    static EntryCorrected correction(String targetEventId, NetworkEvent replacement) {
        return new EntryCorrected(NETWORK, targetEventId, "typo in the minutes", replacement, NOTICED, null, null);
    }

    static EntryRetracted retraction(String targetEventId) {
        return new EntryRetracted(NETWORK, targetEventId, "logged in the wrong network", NOTICED, null, null);
    }

    @Nested
    class Corrections {
        @Test
        void anEntryIsCorrectedByOneOfTheSameKind() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(contribution(HOSPITAL, "60", ON)));
            String target = lastEventId(fixture);
            given.when(record(correction(target, contribution(HOSPITAL, "40", ON))))
                 .expectEvents(correction(target, contribution(HOSPITAL, "40", ON)));
        }

        @Test
        void laterEntriesAreCheckedAgainstTheCorrectedEntry() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(agreement(AGREEMENT,
                                                                                    List.of(HOSPITAL, GP_COOPERATIVE))));
            String target = lastEventId(fixture);
            given.andGivenCommands(record(correction(target, agreement(AGREEMENT, List.of(HOSPITAL, MUNICIPALITY)))))
                 .when(record(outcome(MUNICIPALITY)))
                 .expectEvents(outcome(MUNICIPALITY));
        }

        @Test
        void whatTheCorrectionReplacedNoLongerCounts() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(agreement(AGREEMENT,
                                                                                    List.of(HOSPITAL, GP_COOPERATIVE))));
            String target = lastEventId(fixture);
            given.andGivenCommands(record(correction(target, agreement(AGREEMENT, List.of(HOSPITAL, MUNICIPALITY)))))
                 .when(record(outcome(GP_COOPERATIVE)))
                 .expectNoEvents()
                 .expectException(invalid("responsiblePartnerId"));
        }

        @Test
        void aScoreCanBeCorrectedAfterItsEvaluationClosed() {
            UUID evaluation = UUID.randomUUID();
            TestExecutor<Network> given = fixture.given(network(
                    new nl.samenspel.kernel.evaluation.EvaluationOpened(NETWORK, evaluation,
                            nl.samenspel.kernel.evaluation.Instrument.FIVE_CONDITIONS, "Review", true, null, ON, null, null)))
                    .andGivenCommands(record(response(evaluation, List.of(2, 2, 2, 2, 2))));
            String target = lastEventId(fixture);
            given.andGivenCommands(record(new nl.samenspel.kernel.evaluation.EvaluationClosed(NETWORK, evaluation, ON, null, null)))
                 .when(record(correction(target, response(evaluation, List.of(4, 2, 2, 2, 2)))))
                 .expectEvents(correction(target, response(evaluation, List.of(4, 2, 2, 2, 2))));
        }

        @Test
        void aReplacementIsCheckedWithoutTheEntryItReplaces() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(joined(NEWCOMER, "Thuiszorg Oost", ON)));
            String target = lastEventId(fixture);
            given.when(record(correction(target, joined(NEWCOMER, "Thuiszorg Oost", ON.minusDays(10)))))
                 .expectEvents(correction(target, joined(NEWCOMER, "Thuiszorg Oost", ON.minusDays(10))));
        }

        @Test
        void theFoundingEntryCanBeCorrected() {
            NetworkFounded renamed = new NetworkFounded(NETWORK, "Zorgnetwerk Noorderkwartier en Kade", "care",
                                                        "Noord", CollaborationForm.NETWORK, "Good care close to home",
                                                        FOUNDED, null, null);
            TestExecutor<Network> given = fixture.givenCommands(foundByCommand());
            String target = lastEventId(fixture);
            given.when(record(correction(target, renamed)))
                 .expectEvents(correction(target, renamed));
        }

        @Test
        void theFoundingCannotBeMovedAfterTheNetworksEarliestEntry() {
            TestExecutor<Network> given = fixture.givenCommands(foundByCommand());
            String founding = lastEventId(fixture);
            given.andGivenCommands(record(joined(NEWCOMER, "Thuiszorg Oost", ON)))
                 .when(record(correction(founding, foundedOn(ON.plusDays(1)))))
                 .expectNoEvents()
                 .expectException(invalid("replacement.foundedOn"));
        }

        @Test
        void theFoundingCanBeMovedUpToTheNetworksEarliestEntry() {
            TestExecutor<Network> given = fixture.givenCommands(foundByCommand());
            String founding = lastEventId(fixture);
            given.andGivenCommands(record(joined(NEWCOMER, "Thuiszorg Oost", ON)))
                 .when(record(correction(founding, foundedOn(ON))))
                 .expectEvents(correction(founding, foundedOn(ON)));
        }

        @Test
        void aFoundingInYearZeroIsRefusedOnItsField() {
            TestExecutor<Network> given = fixture.givenCommands(foundByCommand());
            String founding = lastEventId(fixture);
            given.when(record(correction(founding, foundedOn(LocalDate.of(0, 1, 10)))))
                 .expectNoEvents()
                 .expectException(invalid("replacement.foundedOn"));
        }

        @Test
        void aCorrectionDatedBeforeTheEntryItCorrectsIsRefused() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(contribution(HOSPITAL, "60", ON)));
            String target = lastEventId(fixture);
            given.when(record(new EntryCorrected(NETWORK, target, "typo", contribution(HOSPITAL, "40", ON),
                                                 ON.minusDays(1), null, null)))
                 .expectNoEvents()
                 .expectException(invalid("occurredOn"));
        }

        @Test
        void aPartnersJoiningCannotBeCorrectedToAfterAnAgreementThatNamesIt() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(joined(NEWCOMER, "Thuiszorg Oost", ON)));
            String joining = lastEventId(fixture);
            given.andGivenCommands(record(agreement(AGREEMENT, List.of(HOSPITAL, NEWCOMER))))
                 .when(record(correction(joining, joined(NEWCOMER, "Thuiszorg Oost", ON.plusDays(1)))))
                 .expectNoEvents()
                 .expectException(conflict("targetEventId"));
        }

        @Test
        void aWithdrawalCannotBeCorrectedToBeforeWhatThePartnerDidSince() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(agreement(AGREEMENT, List.of(HOSPITAL, MUNICIPALITY))),
                                                                   record(withdrew(HOSPITAL, ON.plusDays(10))));
            String withdrawal = lastEventId(fixture);
            given.when(record(correction(withdrawal, withdrew(HOSPITAL, ON.minusDays(1)))))
                 .expectNoEvents()
                 .expectException(conflict("targetEventId"));
        }

        /** Not a correction, but the same break: a withdrawal dated back before what the partner did since. */
        @Test
        void aWithdrawalCannotBeDatedBackBeforeWhatThePartnerDidSince() {
            fixture.given(network())
                   .andGivenCommands(record(agreement(AGREEMENT, List.of(HOSPITAL, MUNICIPALITY))))
                   .when(record(withdrew(HOSPITAL, ON.minusDays(1))))
                   .expectNoEvents()
                   .expectException(conflict("occurredOn"));
            fixture.given(network())
                   .andGivenCommands(record(agreement(AGREEMENT, List.of(HOSPITAL, MUNICIPALITY))))
                   .when(record(withdrew(HOSPITAL, ON.plusDays(1))))
                   .expectEvents(withdrew(HOSPITAL, ON.plusDays(1)));
        }

        /** The corrected entry itself is judged against what was logged since: an agreement moved past a withdrawal. */
        @Test
        void anAgreementCannotBeMovedPastTheWithdrawalOfOneOfItsParties() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(agreement(AGREEMENT, List.of(HOSPITAL, MUNICIPALITY))));
            String made = lastEventId(fixture);
            given.andGivenCommands(record(withdrew(HOSPITAL, ON.plusDays(10))))
                 .when(record(correction(made, agreementOn(ON.plusDays(20)))))
                 .expectNoEvents()
                 .expectException(conflict("targetEventId"));
        }

        /** A people entry is judged again as it was logged: a departure after its appointment. */
        @Test
        void anAppointmentCannotBeCorrectedToAfterItsDeparture() {
            TestExecutor<Network> given = fixture.given(network())
                    .andGivenCommands(record(appointed(ON)));
            String appointment = lastEventId(fixture);
            given.andGivenCommands(record(departed(ON.plusDays(30))))
                 .when(record(correction(appointment, appointed(ON.plusDays(60)))))
                 .expectNoEvents()
                 .expectException(conflict("targetEventId"));
        }

        @Test
        void aCorrectionThatLeavesLaterEntriesStandingIsTaken() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(joined(NEWCOMER, "Thuiszorg Oost", ON)));
            String joining = lastEventId(fixture);
            given.andGivenCommands(record(agreement(AGREEMENT, List.of(HOSPITAL, NEWCOMER))))
                 .when(record(correction(joining, joined(NEWCOMER, "Thuiszorg Oost", ON.minusDays(30)))))
                 .expectEvents(correction(joining, joined(NEWCOMER, "Thuiszorg Oost", ON.minusDays(30))));
        }

        @Test
        void anOlderAmbitionVersionCanBeCorrectedAfterANewerOneWasStated() {
            AmbitionStated first = new AmbitionStated(NETWORK, 1, "Care close to home", FOUNDED, null, null);
            AmbitionStated reworded = new AmbitionStated(NETWORK, 1, "Good care close to home", FOUNDED, null, null);
            TestExecutor<Network> given = fixture.given(network()).andGivenCommands(record(first));
            String target = lastEventId(fixture);
            given.andGivenCommands(record(new AmbitionStated(NETWORK, 2, "Healthy ageing at home", ON, null, null)))
                 .when(record(correction(target, reworded)))
                 .expectEvents(correction(target, reworded));
        }

        @Test
        void anUnknownTargetIsNotFound() {
            fixture.given(network())
                   .when(record(correction(UUID.randomUUID().toString(), contribution(HOSPITAL, "40", ON))))
                   .expectNoEvents()
                   .expectException(notFound("targetEventId"));
        }

        @Test
        void aCorrectionCannotItselfBeCorrected() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(contribution(HOSPITAL, "60", ON)));
            String original = lastEventId(fixture);
            given.andGivenCommands(record(correction(original, contribution(HOSPITAL, "40", ON))));
            String firstCorrection = lastEventId(fixture);
            given.when(record(correction(firstCorrection, contribution(HOSPITAL, "45", ON))))
                 .expectNoEvents()
                 .expectException(invalid("targetEventId"));
        }

        @Test
        void aRetractedEntryCannotBeCorrected() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(contribution(HOSPITAL, "60", ON)));
            String target = lastEventId(fixture);
            given.andGivenCommands(record(retraction(target)))
                 .when(record(correction(target, contribution(HOSPITAL, "40", ON))))
                 .expectNoEvents()
                 .expectException(conflict("targetEventId"));
        }

        @Test
        void aReplacementOfAnotherKindIsRefused() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(contribution(HOSPITAL, "60", ON)));
            String target = lastEventId(fixture);
            given.when(record(correction(target, new PhaseChanged(NETWORK, Phase.EXECUTION, null, ON, null, null))))
                 .expectNoEvents()
                 .expectException(invalid("replacement.entryType"));
        }

        @Test
        void aReplacementForAnotherNetworkIsRefused() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(contribution(HOSPITAL, "60", ON)));
            String target = lastEventId(fixture);
            ContributionRecorded elsewhere = new ContributionRecorded(
                    UUID.randomUUID(), CONTRIBUTION, HOSPITAL, null, ContributionKind.CAPACITY, new BigDecimal("40"),
                    Unit.HOURS, null, Capital.SOCIAL, ContributionStatus.DELIVERED, ON, null, null);
            given.when(record(correction(target, elsewhere)))
                 .expectNoEvents()
                 .expectException(invalid("replacement.networkId"));
        }

        @Test
        void aReplacementThatChangesTheCreatedIdIsRefused() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(agreement(AGREEMENT, List.of(HOSPITAL))));
            String target = lastEventId(fixture);
            given.when(record(correction(target, agreement(UUID.randomUUID(), List.of(HOSPITAL)))))
                 .expectNoEvents()
                 .expectException(invalid("replacement.agreementId"));
        }

        @Test
        void aReplacementThatChangesThePartnerIdIsRefused() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(joined(NEWCOMER, "Thuiszorg Oost", ON)));
            String target = lastEventId(fixture);
            given.when(record(correction(target, joined(UUID.randomUUID(), "Thuiszorg Oost", ON))))
                 .expectNoEvents()
                 .expectException(invalid("replacement.partnerId"));
        }

        @Test
        void aReplacementThatBreaksAShapeRuleIsRefusedOnItsField() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(contribution(HOSPITAL, "60", ON)));
            String target = lastEventId(fixture);
            given.when(record(correction(target, contribution(HOSPITAL, "0", ON))))
                 .expectNoEvents()
                 .expectException(invalid("replacement.quantity"));
        }

        @Test
        void aReplacementNamingAWithdrawnPartnerIsRefusedOnItsField() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(contribution(HOSPITAL, "60", ON)));
            String target = lastEventId(fixture);
            given.when(record(correction(target, contribution(INSURER, "60", ON))))
                 .expectNoEvents()
                 .expectException(conflict("replacement.fromPartnerId"));
        }

        @Test
        void aReplacementDatedBeforeTheFoundingIsRefusedOnItsField() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(contribution(HOSPITAL, "60", ON)));
            String target = lastEventId(fixture);
            given.when(record(correction(target, contribution(HOSPITAL, "60", FOUNDED.minusDays(1)))))
                 .expectNoEvents()
                 .expectException(invalid("replacement.occurredOn"));
        }

        @Test
        void aCorrectionWithoutReplacementIsRefused() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(contribution(HOSPITAL, "60", ON)));
            String target = lastEventId(fixture);
            given.when(record(correction(target, null)))
                 .expectNoEvents()
                 .expectException(invalid("replacement"));
        }

        @Test
        void aCorrectionWithoutReasonIsRefused() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(contribution(HOSPITAL, "60", ON)));
            String target = lastEventId(fixture);
            given.when(record(new EntryCorrected(NETWORK, target, " ", contribution(HOSPITAL, "40", ON), NOTICED,
                                                 null, null)))
                 .expectNoEvents()
                 .expectException(invalid("reason"));
        }

        @Test
        void aCorrectionDatedInTheFutureIsRefused() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(contribution(HOSPITAL, "60", ON)));
            String target = lastEventId(fixture);
            given.when(record(new EntryCorrected(NETWORK, target, "typo", contribution(HOSPITAL, "40", ON),
                                                 TODAY.plusDays(1), null, null)))
                 .expectNoEvents()
                 .expectException(invalid("occurredOn"));
        }

        @Test
        void aCorrectionDatedBeforeTheFoundingIsRefused() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(contribution(HOSPITAL, "60", ON)));
            String target = lastEventId(fixture);
            given.when(record(new EntryCorrected(NETWORK, target, "typo", contribution(HOSPITAL, "40", ON),
                                                 FOUNDED.minusDays(1), null, null)))
                 .expectNoEvents()
                 .expectException(invalid("occurredOn"));
        }
    }

    @Nested
    class Retractions {
        @Test
        void anEntryIsRetracted() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(contribution(HOSPITAL, "60", ON)));
            String target = lastEventId(fixture);
            given.when(record(retraction(target)))
                 .expectEvents(retraction(target));
        }

        @Test
        void aRetractedPartnerCanNoLongerBeNamed() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(joined(NEWCOMER, "Thuiszorg Oost", ON)));
            String target = lastEventId(fixture);
            given.andGivenCommands(record(retraction(target)))
                 .when(record(participation(NEWCOMER, ON.plusDays(5))))
                 .expectNoEvents()
                 .expectException(notFound("partnerId"));
        }

        @Test
        void aPartnerWhoseWithdrawalIsRetractedIsActiveAgain() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(withdrew(GP_COOPERATIVE, ON)));
            String target = lastEventId(fixture);
            given.andGivenCommands(record(retraction(target)))
                 .when(record(participation(GP_COOPERATIVE, ON.plusDays(5))))
                 .expectEvents(participation(GP_COOPERATIVE, ON.plusDays(5)));
        }

        @Test
        void aRetractedAmbitionVersionCanNoLongerBeEndorsed() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(new AmbitionStated(
                                                         NETWORK, 1, "Care close to home", FOUNDED, null, null)));
            String target = lastEventId(fixture);
            given.andGivenCommands(record(new AmbitionStated(NETWORK, 2, "Healthy ageing at home", ON, null, null)),
                                   record(retraction(target)))
                 .when(record(new AmbitionEndorsed(NETWORK, HOSPITAL, Level.BOARD, 1, Stance.ENDORSES, ON, null,
                                                   null)))
                 .expectNoEvents()
                 .expectException(notFound("ambitionVersion"));
        }

        @Test
        void aPartnersJoiningCannotBeRetractedWhileAnAgreementNamesIt() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(joined(NEWCOMER, "Thuiszorg Oost", ON)));
            String joining = lastEventId(fixture);
            given.andGivenCommands(record(agreement(AGREEMENT, List.of(HOSPITAL, NEWCOMER))))
                 .when(record(retraction(joining)))
                 .expectNoEvents()
                 .expectException(conflict("targetEventId"));
        }

        @Test
        void anAppointmentCannotBeRetractedWhileItsDepartureStands() {
            TestExecutor<Network> given = fixture.given(network())
                    .andGivenCommands(record(appointed(ON)));
            String appointment = lastEventId(fixture);
            given.andGivenCommands(record(departed(ON.plusDays(30))))
                 .when(record(retraction(appointment)))
                 .expectNoEvents()
                 .expectException(conflict("targetEventId"));
        }

        /** A partner of the same name joined after the withdrawal: taking the withdrawal back would make two. */
        @Test
        void aWithdrawalCannotBeRetractedOnceAnotherPartnerTookItsName() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(withdrew(HOSPITAL, ON)));
            String withdrawal = lastEventId(fixture);
            given.andGivenCommands(record(joined(NEWCOMER, "Ziekenhuis Noord", ON.plusDays(1))))
                 .when(record(retraction(withdrawal)))
                 .expectNoEvents()
                 .expectException(conflict("targetEventId"));
        }

        @Test
        void anEvaluationsOpeningCannotBeRetractedWhileItsAnswersStand() {
            UUID evaluation = UUID.randomUUID();
            TestExecutor<Network> given = fixture.given(network())
                    .andGivenCommands(record(new nl.samenspel.kernel.evaluation.EvaluationOpened(NETWORK, evaluation,
                            nl.samenspel.kernel.evaluation.Instrument.FIVE_CONDITIONS, "Review", true, null, ON, null, null)));
            String opening = lastEventId(fixture);
            given.andGivenCommands(record(response(evaluation, List.of(2, 2, 2, 2, 2))))
                 .when(record(retraction(opening)))
                 .expectNoEvents()
                 .expectException(conflict("targetEventId"));
        }

        @Test
        void anUnknownTargetIsNotFound() {
            fixture.given(network())
                   .when(record(retraction("no-such-event")))
                   .expectNoEvents()
                   .expectException(notFound("targetEventId"));
        }

        @Test
        void retractingTwiceIsAConflict() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(contribution(HOSPITAL, "60", ON)));
            String target = lastEventId(fixture);
            given.andGivenCommands(record(retraction(target)))
                 .when(record(retraction(target)))
                 .expectNoEvents()
                 .expectException(conflict("targetEventId"));
        }

        @Test
        void aCorrectionCannotBeRetracted() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(contribution(HOSPITAL, "60", ON)));
            String original = lastEventId(fixture);
            given.andGivenCommands(record(correction(original, contribution(HOSPITAL, "40", ON))));
            String theCorrection = lastEventId(fixture);
            given.when(record(retraction(theCorrection)))
                 .expectNoEvents()
                 .expectException(invalid("targetEventId"));
        }

        @Test
        void aRetractionCannotBeRetracted() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(contribution(HOSPITAL, "60", ON)));
            String original = lastEventId(fixture);
            given.andGivenCommands(record(retraction(original)));
            String theRetraction = lastEventId(fixture);
            given.when(record(retraction(theRetraction)))
                 .expectNoEvents()
                 .expectException(invalid("targetEventId"));
        }

        @Test
        void theFoundingEntryCannotBeRetracted() {
            TestExecutor<Network> given = fixture.givenCommands(foundByCommand());
            String target = lastEventId(fixture);
            given.when(record(retraction(target)))
                 .expectNoEvents()
                 .expectException(invalid("targetEventId"));
        }

        @Test
        void aRetractionWithoutReasonIsRefused() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(contribution(HOSPITAL, "60", ON)));
            String target = lastEventId(fixture);
            given.when(record(new EntryRetracted(NETWORK, target, "", NOTICED, null, null)))
                 .expectNoEvents()
                 .expectException(invalid("reason"));
        }

        @Test
        void aRetractionDatedInTheFutureIsRefused() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(contribution(HOSPITAL, "60", ON)));
            String target = lastEventId(fixture);
            given.when(record(new EntryRetracted(NETWORK, target, "mistake", TODAY.plusDays(1), null, null)))
                 .expectNoEvents()
                 .expectException(invalid("occurredOn"));
        }

        @Test
        void aRetractionDatedBeforeTheEntryItRetractsIsRefused() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(contribution(HOSPITAL, "60", ON)));
            String target = lastEventId(fixture);
            given.when(record(new EntryRetracted(NETWORK, target, "mistake", ON.minusDays(1), null, null)))
                 .expectNoEvents()
                 .expectException(invalid("occurredOn"));
        }

        @Test
        void aRetractionDatedBeforeTheFoundingIsRefused() {
            TestExecutor<Network> given = fixture.given(network())
                                                 .andGivenCommands(record(contribution(HOSPITAL, "60", ON)));
            String target = lastEventId(fixture);
            given.when(record(new EntryRetracted(NETWORK, target, "mistake", FOUNDED.minusDays(1), null, null)))
                 .expectNoEvents()
                 .expectException(invalid("occurredOn"));
        }
    }
}
