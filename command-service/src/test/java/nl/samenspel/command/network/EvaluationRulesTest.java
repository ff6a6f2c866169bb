package nl.samenspel.command.network;

import nl.samenspel.kernel.evaluation.EvaluationClosed;
import nl.samenspel.kernel.evaluation.EvaluationOpened;
import nl.samenspel.kernel.evaluation.EvaluationResponseRecorded;
import nl.samenspel.kernel.evaluation.ImprovementActionAgreed;
import nl.samenspel.kernel.evaluation.ImprovementActionCompleted;
import nl.samenspel.kernel.evaluation.Instrument;
import nl.samenspel.kernel.people.Level;
import nl.samenspel.kernel.structure.SubCoalitionDissolved;
import nl.samenspel.kernel.structure.SubCoalitionFormed;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static nl.samenspel.command.network.RulesFixture.*;

/** The rules for evaluations with the three instruments, their responses, and the improvement actions they lead to. */
class EvaluationRulesTest {
    private static final UUID EVALUATION = UUID.randomUUID();
    private static final UUID ACTION = UUID.randomUUID();
    private static final UUID COALITION = UUID.randomUUID();

    private FixtureConfiguration<Network> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    static EvaluationOpened opened(Instrument instrument, UUID subCoalitionId, LocalDate on) {
        return new EvaluationOpened(NETWORK, EVALUATION, instrument, "Yearly evaluation 2025", true, subCoalitionId,
                                    on, null, null);
    }

    static EvaluationOpened opened(Instrument instrument) {
        return opened(instrument, null, FOUNDED);
    }

    static EvaluationResponseRecorded response(UUID respondent, Integer... scores) {
        return new EvaluationResponseRecorded(NETWORK, EVALUATION, respondent, Level.MANAGEMENT, false,
                                              Arrays.asList(scores), "good start, slow decisions", ON, null, null);
    }

    static EvaluationClosed closed(LocalDate on) {
        return new EvaluationClosed(NETWORK, EVALUATION, on, null, null);
    }

    static ImprovementActionAgreed action(UUID evaluationId, UUID owner, LocalDate on) {
        return new ImprovementActionAgreed(NETWORK, ACTION, evaluationId, "Decide in the steering group, not after it",
                                           owner, on.plusMonths(2), on, null, null);
    }

    static ImprovementActionCompleted completed(UUID actionId, LocalDate on) {
        return new ImprovementActionCompleted(NETWORK, actionId, on, null, null);
    }

    @Nested
    class Opening {
        @Test
        void anEvaluationIsOpened() {
            fixture.given(network())
                   .when(record(opened(Instrument.FIVE_CONDITIONS, null, ON)))
                   .expectEvents(opened(Instrument.FIVE_CONDITIONS, null, ON));
        }

        @Test
        void anEvaluationMayConcernASubCoalition() {
            fixture.given(network(new SubCoalitionFormed(NETWORK, COALITION, "Discharge", null,
                                                         List.of(HOSPITAL, GP_COOPERATIVE), FOUNDED, null, null)))
                   .when(record(opened(Instrument.LEARNING_CLIMATE, COALITION, ON)))
                   .expectEvents(opened(Instrument.LEARNING_CLIMATE, COALITION, ON));
        }

        @Test
        void aDissolvedSubCoalitionMayStillBeEvaluated() {
            fixture.given(network(new SubCoalitionFormed(NETWORK, COALITION, "Discharge", null,
                                                         List.of(HOSPITAL, GP_COOPERATIVE), FOUNDED, null, null),
                                  new SubCoalitionDissolved(NETWORK, COALITION, ON.minusDays(1), null, null)))
                   .when(record(opened(Instrument.NETWORK_VALUE, COALITION, ON)))
                   .expectEvents(opened(Instrument.NETWORK_VALUE, COALITION, ON));
        }

        @Test
        void anUnknownSubCoalitionIsNotFound() {
            fixture.given(network())
                   .when(record(opened(Instrument.FIVE_CONDITIONS, COALITION, ON)))
                   .expectNoEvents()
                   .expectException(notFound("subCoalitionId"));
        }

        @Test
        void anEvaluationIdThatIsAlreadyUsedIsAConflict() {
            fixture.given(network(opened(Instrument.FIVE_CONDITIONS)))
                   .when(record(opened(Instrument.NETWORK_VALUE, null, ON)))
                   .expectNoEvents()
                   .expectException(conflict("evaluationId"));
        }

        @Test
        void aMissingInstrumentIsRefused() {
            fixture.given(network())
                   .when(record(opened(null, null, ON)))
                   .expectNoEvents()
                   .expectException(invalid("instrument"));
        }

        @Test
        void aBlankTitleIsRefused() {
            fixture.given(network())
                   .when(record(new EvaluationOpened(NETWORK, EVALUATION, Instrument.FIVE_CONDITIONS, "", true, null,
                                                     ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("title"));
        }

        @Test
        void aMissingJointIsRefused() {
            fixture.given(network())
                   .when(record(new EvaluationOpened(NETWORK, EVALUATION, Instrument.FIVE_CONDITIONS, "Yearly", null,
                                                     null, ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("joint"));
        }
    }

    @Nested
    class Responses {
        @Test
        void aPartnerScoresTheFiveConditions() {
            fixture.given(network(opened(Instrument.FIVE_CONDITIONS)))
                   .when(record(response(HOSPITAL, 4, 3, 5, 1, 2)))
                   .expectEvents(response(HOSPITAL, 4, 3, 5, 1, 2));
        }

        @Test
        void aPartnerScoresTheFourCapacitiesFromOneToTen() {
            fixture.given(network(opened(Instrument.LEARNING_CLIMATE)))
                   .when(record(response(HOSPITAL, 10, 1, 7, 8)))
                   .expectEvents(response(HOSPITAL, 10, 1, 7, 8));
        }

        @Test
        void aPartnerAnswersTheEightNetworkValueQuestions() {
            fixture.given(network(opened(Instrument.NETWORK_VALUE)))
                   .when(record(response(GP_COOPERATIVE, 1, 2, 3, 4, 5, 4, 3, 2)))
                   .expectEvents(response(GP_COOPERATIVE, 1, 2, 3, 4, 5, 4, 3, 2));
        }

        @Test
        void fourScoresForTheFiveConditionsAreRefused() {
            fixture.given(network(opened(Instrument.FIVE_CONDITIONS)))
                   .when(record(response(HOSPITAL, 4, 3, 5, 1)))
                   .expectNoEvents()
                   .expectException(invalid("scores"));
        }

        @Test
        void fiveScoresForTheLearningClimateAreRefused() {
            fixture.given(network(opened(Instrument.LEARNING_CLIMATE)))
                   .when(record(response(HOSPITAL, 7, 7, 7, 7, 7)))
                   .expectNoEvents()
                   .expectException(invalid("scores"));
        }

        @Test
        void aScoreOfSixOnTheFiveConditionsIsRefused() {
            fixture.given(network(opened(Instrument.FIVE_CONDITIONS)))
                   .when(record(response(HOSPITAL, 4, 3, 6, 1, 2)))
                   .expectNoEvents()
                   .expectException(invalid("scores[2]"));
        }

        @Test
        void aScoreOfZeroIsRefused() {
            fixture.given(network(opened(Instrument.NETWORK_VALUE)))
                   .when(record(response(HOSPITAL, 0, 2, 3, 4, 5, 4, 3, 2)))
                   .expectNoEvents()
                   .expectException(invalid("scores[0]"));
        }

        @Test
        void aScoreOfElevenOnTheLearningClimateIsRefused() {
            fixture.given(network(opened(Instrument.LEARNING_CLIMATE)))
                   .when(record(response(HOSPITAL, 10, 9, 8, 11)))
                   .expectNoEvents()
                   .expectException(invalid("scores[3]"));
        }

        @Test
        void aMissingScoreIsRefused() {
            fixture.given(network(opened(Instrument.FIVE_CONDITIONS)))
                   .when(record(response(HOSPITAL, 4, null, 5, 1, 2)))
                   .expectNoEvents()
                   .expectException(invalid("scores[1]"));
        }

        @Test
        void noScoresAtAllAreRefused() {
            fixture.given(network(opened(Instrument.FIVE_CONDITIONS)))
                   .when(record(new EvaluationResponseRecorded(NETWORK, EVALUATION, HOSPITAL, Level.BOARD, true, null,
                                                               null, ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("scores"));
        }

        @Test
        void aCommentOverTwoThousandCharactersIsRefused() {
            fixture.given(network(opened(Instrument.FIVE_CONDITIONS)))
                   .when(record(new EvaluationResponseRecorded(NETWORK, EVALUATION, HOSPITAL, Level.BOARD, true,
                                                               List.of(3, 3, 3, 3, 3), text(2_001), ON, null,
                                                               null)))
                   .expectNoEvents()
                   .expectException(invalid("comment"));
        }

        @Test
        void aResponseToAnUnknownEvaluationIsNotFound() {
            fixture.given(network())
                   .when(record(response(HOSPITAL, 4, 3, 5, 1, 2)))
                   .expectNoEvents()
                   .expectException(notFound("evaluationId"));
        }

        @Test
        void aResponseToAClosedEvaluationIsAConflict() {
            fixture.given(network(opened(Instrument.FIVE_CONDITIONS), closed(ON.minusDays(1))))
                   .when(record(response(HOSPITAL, 4, 3, 5, 1, 2)))
                   .expectNoEvents()
                   .expectException(conflict("evaluationId"));
        }

        @Test
        void anUnknownRespondentIsNotFound() {
            fixture.given(network(opened(Instrument.FIVE_CONDITIONS)))
                   .when(record(response(STRANGER, 4, 3, 5, 1, 2)))
                   .expectNoEvents()
                   .expectException(notFound("respondentPartnerId"));
        }

        @Test
        void aRespondentThatWithdrewIsAConflict() {
            fixture.given(network(opened(Instrument.FIVE_CONDITIONS)))
                   .when(record(response(INSURER, 4, 3, 5, 1, 2)))
                   .expectNoEvents()
                   .expectException(conflict("respondentPartnerId"));
        }
    }

    @Nested
    class Closing {
        @Test
        void anOpenEvaluationIsClosed() {
            fixture.given(network(opened(Instrument.FIVE_CONDITIONS)))
                   .when(record(closed(ON)))
                   .expectEvents(closed(ON));
        }

        @Test
        void anUnknownEvaluationIsNotFound() {
            fixture.given(network())
                   .when(record(closed(ON)))
                   .expectNoEvents()
                   .expectException(notFound("evaluationId"));
        }

        @Test
        void closingTwiceIsAConflict() {
            fixture.given(network(opened(Instrument.FIVE_CONDITIONS), closed(ON)))
                   .when(record(closed(ON.plusDays(1))))
                   .expectNoEvents()
                   .expectException(conflict("evaluationId"));
        }
    }

    @Nested
    class ActionsAgreed {
        @Test
        void anImprovementActionIsAgreedAfterAnEvaluation() {
            fixture.given(network(opened(Instrument.FIVE_CONDITIONS), closed(ON.minusDays(1))))
                   .when(record(action(EVALUATION, MUNICIPALITY, ON)))
                   .expectEvents(action(EVALUATION, MUNICIPALITY, ON));
        }

        @Test
        void anImprovementActionNeedsNoEvaluation() {
            fixture.given(network())
                   .when(record(action(null, MUNICIPALITY, ON)))
                   .expectEvents(action(null, MUNICIPALITY, ON));
        }

        @Test
        void anActionIdThatIsAlreadyUsedIsAConflict() {
            fixture.given(network(action(null, HOSPITAL, FOUNDED)))
                   .when(record(action(null, MUNICIPALITY, ON)))
                   .expectNoEvents()
                   .expectException(conflict("actionId"));
        }

        @Test
        void anUnknownEvaluationIsNotFound() {
            fixture.given(network())
                   .when(record(action(EVALUATION, MUNICIPALITY, ON)))
                   .expectNoEvents()
                   .expectException(notFound("evaluationId"));
        }

        @Test
        void anUnknownOwnerIsNotFound() {
            fixture.given(network())
                   .when(record(action(null, STRANGER, ON)))
                   .expectNoEvents()
                   .expectException(notFound("ownerPartnerId"));
        }

        @Test
        void anOwnerThatWithdrewIsAConflict() {
            fixture.given(network())
                   .when(record(action(null, INSURER, ON)))
                   .expectNoEvents()
                   .expectException(conflict("ownerPartnerId"));
        }

        @Test
        void aMissingDueDateIsRefused() {
            fixture.given(network())
                   .when(record(new ImprovementActionAgreed(NETWORK, ACTION, null, "Decide faster", MUNICIPALITY,
                                                            null, ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("dueOn"));
        }

        @Test
        void aBlankTitleIsRefused() {
            fixture.given(network())
                   .when(record(new ImprovementActionAgreed(NETWORK, ACTION, null, " ", MUNICIPALITY, ON, ON, null,
                                                            null)))
                   .expectNoEvents()
                   .expectException(invalid("title"));
        }

        @Test
        void aDueDateBeforeTheActionWasAgreedIsRefused() {
            fixture.given(network())
                   .when(record(new ImprovementActionAgreed(NETWORK, ACTION, null, "Decide faster", MUNICIPALITY,
                                                            ON.minusDays(1), ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("dueOn"));
        }
    }

    @Nested
    class ActionsCompleted {
        @Test
        void anAgreedActionIsCompleted() {
            fixture.given(network(action(null, MUNICIPALITY, FOUNDED)))
                   .when(record(completed(ACTION, ON)))
                   .expectEvents(completed(ACTION, ON));
        }

        @Test
        void anUnknownActionIsNotFound() {
            fixture.given(network(action(null, MUNICIPALITY, FOUNDED)))
                   .when(record(completed(UUID.randomUUID(), ON)))
                   .expectNoEvents()
                   .expectException(notFound("actionId"));
        }

        @Test
        void completingTwiceIsAConflict() {
            fixture.given(network(action(null, MUNICIPALITY, FOUNDED), completed(ACTION, ON)))
                   .when(record(completed(ACTION, ON.plusDays(1))))
                   .expectNoEvents()
                   .expectException(conflict("actionId"));
        }

        @Test
        void completingBeforeTheActionWasAgreedIsRefused() {
            fixture.given(network(action(null, MUNICIPALITY, ON)))
                   .when(record(completed(ACTION, ON.minusDays(1))))
                   .expectNoEvents()
                   .expectException(invalid("occurredOn"));
        }

        @Test
        void completingOnTheDayTheActionWasAgreedIsAccepted() {
            fixture.given(network(action(null, MUNICIPALITY, ON)))
                   .when(record(completed(ACTION, ON)))
                   .expectEvents(completed(ACTION, ON));
        }
    }
}
