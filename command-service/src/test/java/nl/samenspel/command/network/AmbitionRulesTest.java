package nl.samenspel.command.network;

import nl.samenspel.kernel.ambition.AmbitionEndorsed;
import nl.samenspel.kernel.ambition.AmbitionStated;
import nl.samenspel.kernel.ambition.Disclosure;
import nl.samenspel.kernel.ambition.InterestDeclared;
import nl.samenspel.kernel.ambition.InterestScope;
import nl.samenspel.kernel.ambition.Stance;
import nl.samenspel.kernel.network.Motive;
import nl.samenspel.kernel.people.Level;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static nl.samenspel.command.network.RulesFixture.*;

/** The rules for stating the shared ambition, partners' stances on it, and the interests they declare. */
class AmbitionRulesTest {
    private FixtureConfiguration<Network> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    static AmbitionStated stated(int version, LocalDate on) {
        return new AmbitionStated(NETWORK, version, "Older residents live at home longer, in good health", on, null,
                                  null);
    }

    static AmbitionEndorsed endorsed(UUID partnerId, int version, LocalDate on) {
        return new AmbitionEndorsed(NETWORK, partnerId, Level.BOARD, version, Stance.ENDORSES, on, null, null);
    }

    static InterestDeclared interest(UUID partnerId, LocalDate on) {
        return new InterestDeclared(NETWORK, partnerId, InterestScope.ORGANISATIONAL, Motive.INSTRUMENTAL,
                                    Disclosure.SURFACED_LATE, "fewer readmissions of frail elderly", on, null, null);
    }

    @Nested
    class Statements {
        @Test
        void theFirstAmbitionIsVersionOne() {
            fixture.given(network())
                   .when(record(stated(1, ON)))
                   .expectEvents(stated(1, ON));
        }

        @Test
        void aNewWordingIsTheNextVersion() {
            fixture.given(network(stated(1, FOUNDED)))
                   .when(record(stated(2, ON)))
                   .expectEvents(stated(2, ON));
        }

        @Test
        void skippingAVersionIsAConflict() {
            fixture.given(network(stated(1, FOUNDED)))
                   .when(record(stated(3, ON)))
                   .expectNoEvents()
                   .expectException(conflict("version"));
        }

        @Test
        void statingAnExistingVersionAgainIsAConflict() {
            fixture.given(network(stated(1, FOUNDED), stated(2, FOUNDED.plusDays(1))))
                   .when(record(stated(2, ON)))
                   .expectNoEvents()
                   .expectException(conflict("version"));
        }

        @Test
        void versionZeroIsRefused() {
            fixture.given(network())
                   .when(record(stated(0, ON)))
                   .expectNoEvents()
                   .expectException(invalid("version"));
        }

        @Test
        void aBlankStatementIsRefused() {
            fixture.given(network())
                   .when(record(new AmbitionStated(NETWORK, 1, "  ", ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("statement"));
        }

        @Test
        void aStatementOverFourThousandCharactersIsRefused() {
            fixture.given(network())
                   .when(record(new AmbitionStated(NETWORK, 1, text(4_001), ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("statement"));
        }
    }

    @Nested
    class Endorsements {
        @Test
        void aPartnerTakesAStanceOnAStatedVersion() {
            fixture.given(network(stated(1, FOUNDED)))
                   .when(record(endorsed(HOSPITAL, 1, ON)))
                   .expectEvents(endorsed(HOSPITAL, 1, ON));
        }

        @Test
        void aStanceOnAnEarlierVersionIsAccepted() {
            fixture.given(network(stated(1, FOUNDED), stated(2, FOUNDED.plusDays(1))))
                   .when(record(endorsed(HOSPITAL, 1, ON)))
                   .expectEvents(endorsed(HOSPITAL, 1, ON));
        }

        @Test
        void aVersionThatWasNeverStatedIsNotFound() {
            fixture.given(network(stated(1, FOUNDED)))
                   .when(record(endorsed(HOSPITAL, 2, ON)))
                   .expectNoEvents()
                   .expectException(notFound("ambitionVersion"));
        }

        @Test
        void aStanceBeforeAnyAmbitionIsNotFound() {
            fixture.given(network())
                   .when(record(endorsed(HOSPITAL, 1, ON)))
                   .expectNoEvents()
                   .expectException(notFound("ambitionVersion"));
        }

        @Test
        void anUnknownPartnerIsNotFound() {
            fixture.given(network(stated(1, FOUNDED)))
                   .when(record(endorsed(STRANGER, 1, ON)))
                   .expectNoEvents()
                   .expectException(notFound("partnerId"));
        }

        @Test
        void aWithdrawnPartnerIsAConflict() {
            fixture.given(network(stated(1, FOUNDED)))
                   .when(record(endorsed(INSURER, 1, ON)))
                   .expectNoEvents()
                   .expectException(conflict("partnerId"));
        }

        @Test
        void aMissingStanceIsRefused() {
            fixture.given(network(stated(1, FOUNDED)))
                   .when(record(new AmbitionEndorsed(NETWORK, HOSPITAL, Level.BOARD, 1, null, ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("stance"));
        }

        @Test
        void aMissingLevelIsRefused() {
            fixture.given(network(stated(1, FOUNDED)))
                   .when(record(new AmbitionEndorsed(NETWORK, HOSPITAL, null, 1, Stance.DOUBTS, ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("level"));
        }
    }

    @Nested
    class Interests {
        @Test
        void aPartnerDeclaresAnInterest() {
            fixture.given(network())
                   .when(record(interest(GP_COOPERATIVE, ON)))
                   .expectEvents(interest(GP_COOPERATIVE, ON));
        }

        @Test
        void anUnknownPartnerIsNotFound() {
            fixture.given(network())
                   .when(record(interest(STRANGER, ON)))
                   .expectNoEvents()
                   .expectException(notFound("partnerId"));
        }

        @Test
        void aPartnerThatHasNotJoinedYetIsAConflict() {
            fixture.given(network())
                   .when(record(interest(HOUSING, ON)))
                   .expectNoEvents()
                   .expectException(conflict("partnerId"));
        }

        @Test
        void aBlankSummaryIsRefused() {
            fixture.given(network())
                   .when(record(new InterestDeclared(NETWORK, HOSPITAL, InterestScope.COLLECTIVE, Motive.MORAL,
                                                     Disclosure.OPEN, "", ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("summary"));
        }

        @Test
        void aMissingDisclosureIsRefused() {
            fixture.given(network())
                   .when(record(new InterestDeclared(NETWORK, HOSPITAL, InterestScope.COLLECTIVE, Motive.MORAL, null,
                                                     "shared data", ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("disclosure"));
        }
    }
}
