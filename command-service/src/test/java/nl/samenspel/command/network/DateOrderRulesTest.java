package nl.samenspel.command.network;

import nl.samenspel.kernel.agreement.AgreementOutcome;
import nl.samenspel.kernel.agreement.AgreementOutcomeRecorded;
import nl.samenspel.kernel.evaluation.EvaluationClosed;
import nl.samenspel.kernel.evaluation.EvaluationOpened;
import nl.samenspel.kernel.evaluation.EvaluationResponseRecorded;
import nl.samenspel.kernel.evaluation.Instrument;
import nl.samenspel.kernel.exchange.ContributionStatus;
import nl.samenspel.kernel.exchange.ContributionStatusChanged;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.people.Level;
import nl.samenspel.kernel.tension.ConflictProgressed;
import nl.samenspel.kernel.tension.ConflictRegistered;
import nl.samenspel.kernel.tension.ConflictResolved;
import nl.samenspel.kernel.tension.Intervention;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static nl.samenspel.command.network.RulesFixture.*;

/**
 * An entry about something that began (an evaluation opened, a conflict registered, an agreement made, a contribution
 * recorded) is not dated before it began: an evaluation closed before it opened, or a conflict resolved before it was
 * registered, was logged and then read as nonsense by every view. On the day it began, it is taken.
 */
class DateOrderRulesTest {
    private static final UUID EVALUATION = UUID.randomUUID();
    private static final UUID CONFLICT = UUID.randomUUID();
    private static final UUID AGREEMENT = UUID.randomUUID();

    private FixtureConfiguration<Network> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    private void refusedTheDayBeforeAndTakenOnTheDay(NetworkEvent begun, NetworkEvent dayBefore, NetworkEvent onTheDay) {
        fixture.given(network(begun)).when(record(dayBefore)).expectNoEvents().expectException(invalid("occurredOn"));
        fixture.given(network(begun)).when(record(onTheDay)).expectEvents(onTheDay);
    }

    private static EvaluationOpened opened() {
        return new EvaluationOpened(NETWORK, EVALUATION, Instrument.FIVE_CONDITIONS, "Review", true, null, ON, null, null);
    }

    @Test
    void anEvaluationIsNotClosedBeforeItOpened() {
        refusedTheDayBeforeAndTakenOnTheDay(opened(), new EvaluationClosed(NETWORK, EVALUATION, ON.minusDays(1), null, null),
                                            new EvaluationClosed(NETWORK, EVALUATION, ON, null, null));
    }

    @Test
    void anEvaluationIsNotAnsweredBeforeItOpened() {
        refusedTheDayBeforeAndTakenOnTheDay(opened(), response(ON.minusDays(1)), response(ON));
    }

    private static EvaluationResponseRecorded response(LocalDate on) {
        return new EvaluationResponseRecorded(NETWORK, EVALUATION, HOSPITAL, Level.BOARD, false, List.of(3, 3, 3, 3, 3),
                                              null, on, null, null);
    }

    @Test
    void anImprovementActionIsNotAgreedBeforeItsEvaluationOpened() {
        refusedTheDayBeforeAndTakenOnTheDay(opened(), action(ON.minusDays(1)), action(ON));
    }

    private static nl.samenspel.kernel.evaluation.ImprovementActionAgreed action(LocalDate on) {
        return new nl.samenspel.kernel.evaluation.ImprovementActionAgreed(NETWORK, UUID.nameUUIDFromBytes(on.toString().getBytes()),
                EVALUATION, "Agenda upfront", HOSPITAL, ON.plusMonths(1), on, null, null);
    }

    @Test
    void aConflictDoesNotMoveOnOrEndBeforeItWasRegistered() {
        ConflictRegistered registered = new ConflictRegistered(NETWORK, CONFLICT, List.of(HOSPITAL, MUNICIPALITY),
                                                                "Who pays the night shift", ON, null, null);
        refusedTheDayBeforeAndTakenOnTheDay(
                registered, new ConflictProgressed(NETWORK, CONFLICT, 2, Intervention.values()[0], ON.minusDays(1), null, null),
                new ConflictProgressed(NETWORK, CONFLICT, 2, Intervention.values()[0], ON, null, null));
        refusedTheDayBeforeAndTakenOnTheDay(registered, new ConflictResolved(NETWORK, CONFLICT, "Shared", ON.minusDays(1), null, null),
                                            new ConflictResolved(NETWORK, CONFLICT, "Shared", ON, null, null));
    }

    @Test
    void anAgreementHasNoOutcomeBeforeItWasMade() {
        refusedTheDayBeforeAndTakenOnTheDay(
                CorrectionRulesTest.agreement(AGREEMENT, List.of(HOSPITAL, MUNICIPALITY)),
                new AgreementOutcomeRecorded(NETWORK, AGREEMENT, AgreementOutcome.KEPT, HOSPITAL, ON.minusDays(1), null, null),
                new AgreementOutcomeRecorded(NETWORK, AGREEMENT, AgreementOutcome.KEPT, HOSPITAL, ON, null, null));
    }

    @Test
    void aContributionChangesNoStatusBeforeItWasRecorded() {
        refusedTheDayBeforeAndTakenOnTheDay(
                ExchangeRulesTest.pledged(HOSPITAL),
                new ContributionStatusChanged(NETWORK, ExchangeRulesTest.CONTRIBUTION, ContributionStatus.DELIVERED, ON.minusDays(1), null, null),
                new ContributionStatusChanged(NETWORK, ExchangeRulesTest.CONTRIBUTION, ContributionStatus.DELIVERED, ON, null, null));
    }
}
