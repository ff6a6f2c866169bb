package nl.samenspel.command.network;

import nl.samenspel.kernel.tension.ConflictProgressed;
import nl.samenspel.kernel.tension.ConflictRegistered;
import nl.samenspel.kernel.tension.ConflictResolved;
import nl.samenspel.kernel.tension.Intervention;
import nl.samenspel.kernel.tension.Signal;
import nl.samenspel.kernel.tension.TemperatureMeasured;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static nl.samenspel.command.network.RulesFixture.*;

/** The rules for the conflict thermometer and for conflicts on their way down the de-escalation ladder. */
class TensionRulesTest {
    private static final UUID CONFLICT = UUID.randomUUID();

    private FixtureConfiguration<Network> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    static TemperatureMeasured temperature(List<UUID> pair, Integer level) {
        return new TemperatureMeasured(NETWORK, pair, level, Set.of(Signal.GOAL_DISPUTE, Signal.CANCELLATIONS), ON,
                                       null, null);
    }

    static ConflictRegistered registered(List<UUID> partyIds, LocalDate on) {
        return new ConflictRegistered(NETWORK, CONFLICT, partyIds, "who pays for the night shift", on, null, null);
    }

    static ConflictRegistered registered() {
        return registered(List.of(HOSPITAL, MUNICIPALITY), FOUNDED);
    }

    static ConflictProgressed progressed(UUID conflictId, Integer ladderStep) {
        return new ConflictProgressed(NETWORK, conflictId, ladderStep, Intervention.FACILITATED_SESSION, ON, null,
                                      null);
    }

    static ConflictResolved resolved(UUID conflictId, LocalDate on) {
        return new ConflictResolved(NETWORK, conflictId, "costs split by caseload", on, null, null);
    }

    @Nested
    class Temperature {
        @Test
        void theNetworkTemperatureIsMeasured() {
            fixture.given(network())
                   .when(record(temperature(null, 3)))
                   .expectEvents(temperature(null, 3));
        }

        @Test
        void theTemperatureBetweenTwoPartnersIsMeasured() {
            fixture.given(network())
                   .when(record(temperature(List.of(HOSPITAL, MUNICIPALITY), 4)))
                   .expectEvents(temperature(List.of(HOSPITAL, MUNICIPALITY), 4));
        }

        @Test
        void levelFiveIsRefused() {
            fixture.given(network())
                   .when(record(temperature(null, 5)))
                   .expectNoEvents()
                   .expectException(invalid("level"));
        }

        @Test
        void levelZeroIsRefused() {
            fixture.given(network())
                   .when(record(temperature(null, 0)))
                   .expectNoEvents()
                   .expectException(invalid("level"));
        }

        @Test
        void aMissingLevelIsRefused() {
            fixture.given(network())
                   .when(record(temperature(null, null)))
                   .expectNoEvents()
                   .expectException(invalid("level"));
        }

        @Test
        void aPairOfThreePartnersIsRefused() {
            fixture.given(network())
                   .when(record(temperature(List.of(HOSPITAL, MUNICIPALITY, GP_COOPERATIVE), 2)))
                   .expectNoEvents()
                   .expectException(invalid("pair"));
        }

        @Test
        void aPairOfOnePartnerWithItselfIsRefused() {
            fixture.given(network())
                   .when(record(temperature(List.of(HOSPITAL, HOSPITAL), 2)))
                   .expectNoEvents()
                   .expectException(invalid("pair"));
        }

        @Test
        void anUnknownPartnerInThePairIsNotFound() {
            fixture.given(network())
                   .when(record(temperature(List.of(HOSPITAL, STRANGER), 2)))
                   .expectNoEvents()
                   .expectException(notFound("pair[1]"));
        }

        @Test
        void aPartnerInThePairThatWithdrewIsAConflict() {
            fixture.given(network())
                   .when(record(temperature(List.of(INSURER, HOSPITAL), 2)))
                   .expectNoEvents()
                   .expectException(conflict("pair[0]"));
        }
    }

    @Nested
    class Registering {
        @Test
        void aConflictBetweenPartnersIsRegistered() {
            fixture.given(network())
                   .when(record(registered(List.of(HOSPITAL, MUNICIPALITY), ON)))
                   .expectEvents(registered(List.of(HOSPITAL, MUNICIPALITY), ON));
        }

        @Test
        void aConflictIdThatIsAlreadyUsedIsAConflict() {
            fixture.given(network(registered(), resolved(CONFLICT, FOUNDED.plusDays(5))))
                   .when(record(registered(List.of(HOSPITAL, GP_COOPERATIVE), ON)))
                   .expectNoEvents()
                   .expectException(conflict("conflictId"));
        }

        @Test
        void aConflictWithOnePartyIsRefused() {
            fixture.given(network())
                   .when(record(registered(List.of(HOSPITAL), ON)))
                   .expectNoEvents()
                   .expectException(invalid("partyIds"));
        }

        @Test
        void aPartyNamedTwiceIsRefused() {
            fixture.given(network())
                   .when(record(registered(List.of(HOSPITAL, HOSPITAL), ON)))
                   .expectNoEvents()
                   .expectException(invalid("partyIds"));
        }

        @Test
        void anUnknownPartyIsNotFound() {
            fixture.given(network())
                   .when(record(registered(List.of(HOSPITAL, STRANGER), ON)))
                   .expectNoEvents()
                   .expectException(notFound("partyIds[1]"));
        }

        @Test
        void aPartyThatWithdrewIsAConflict() {
            fixture.given(network())
                   .when(record(registered(List.of(HOSPITAL, INSURER), ON)))
                   .expectNoEvents()
                   .expectException(conflict("partyIds[1]"));
        }

        @Test
        void aBlankIssueIsRefused() {
            fixture.given(network())
                   .when(record(new ConflictRegistered(NETWORK, CONFLICT, List.of(HOSPITAL, MUNICIPALITY), "", ON,
                                                       null, null)))
                   .expectNoEvents()
                   .expectException(invalid("issue"));
        }
    }

    @Nested
    class Progress {
        @Test
        void anOpenConflictMovesOnTheLadder() {
            fixture.given(network(registered()))
                   .when(record(progressed(CONFLICT, 3)))
                   .expectEvents(progressed(CONFLICT, 3));
        }

        @Test
        void anUnknownConflictIsNotFound() {
            fixture.given(network(registered()))
                   .when(record(progressed(UUID.randomUUID(), 3)))
                   .expectNoEvents()
                   .expectException(notFound("conflictId"));
        }

        @Test
        void aResolvedConflictIsAConflict() {
            fixture.given(network(registered(), resolved(CONFLICT, ON.minusDays(1))))
                   .when(record(progressed(CONFLICT, 4)))
                   .expectNoEvents()
                   .expectException(conflict("conflictId"));
        }

        @Test
        void ladderStepZeroIsRefused() {
            fixture.given(network(registered()))
                   .when(record(progressed(CONFLICT, 0)))
                   .expectNoEvents()
                   .expectException(invalid("ladderStep"));
        }

        @Test
        void ladderStepSixIsRefused() {
            fixture.given(network(registered()))
                   .when(record(progressed(CONFLICT, 6)))
                   .expectNoEvents()
                   .expectException(invalid("ladderStep"));
        }

        @Test
        void aMissingInterventionIsRefused() {
            fixture.given(network(registered()))
                   .when(record(new ConflictProgressed(NETWORK, CONFLICT, 2, null, ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("intervention"));
        }
    }

    @Nested
    class Resolving {
        @Test
        void anOpenConflictIsResolved() {
            fixture.given(network(registered()))
                   .when(record(resolved(CONFLICT, ON)))
                   .expectEvents(resolved(CONFLICT, ON));
        }

        @Test
        void anUnknownConflictIsNotFound() {
            fixture.given(network())
                   .when(record(resolved(CONFLICT, ON)))
                   .expectNoEvents()
                   .expectException(notFound("conflictId"));
        }

        @Test
        void resolvingTwiceIsAConflict() {
            fixture.given(network(registered(), resolved(CONFLICT, ON)))
                   .when(record(resolved(CONFLICT, ON.plusDays(1))))
                   .expectNoEvents()
                   .expectException(conflict("conflictId"));
        }

        @Test
        void aBlankResolutionIsRefused() {
            fixture.given(network(registered()))
                   .when(record(new ConflictResolved(NETWORK, CONFLICT, " ", ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("resolution"));
        }
    }
}
