package nl.samenspel.command.network;

import nl.samenspel.kernel.agreement.AgreementKind;
import nl.samenspel.kernel.agreement.AgreementMade;
import nl.samenspel.kernel.agreement.AgreementOutcome;
import nl.samenspel.kernel.agreement.AgreementOutcomeRecorded;
import nl.samenspel.kernel.agreement.RuleTheme;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static nl.samenspel.command.network.RulesFixture.*;

/** The rules for agreements between partners and how they turned out. */
class AgreementRulesTest {
    private static final UUID AGREEMENT = UUID.randomUUID();

    private FixtureConfiguration<Network> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    static AgreementMade promise(UUID agreementId, List<UUID> partyIds, LocalDate on) {
        return new AgreementMade(NETWORK, agreementId, "Share discharge letters within a day", AgreementKind.PROMISE,
                                 null, partyIds, on.plusMonths(3), on, null, null);
    }

    static AgreementMade rule(AgreementKind kind, RuleTheme theme) {
        return new AgreementMade(NETWORK, AGREEMENT, "How we share information", kind, theme,
                                 List.of(HOSPITAL, MUNICIPALITY), null, ON, null, null);
    }

    static AgreementOutcomeRecorded outcome(UUID agreementId, UUID responsiblePartnerId, LocalDate on) {
        return new AgreementOutcomeRecorded(NETWORK, agreementId, AgreementOutcome.BROKEN, responsiblePartnerId, on,
                                            null, null);
    }

    @Nested
    class Made {
        @Test
        void partnersMakeAPromise() {
            AgreementMade entry = promise(AGREEMENT, List.of(HOSPITAL, GP_COOPERATIVE), ON);
            fixture.given(network())
                   .when(record(entry))
                   .expectEvents(entry);
        }

        @Test
        void aRuleAgreementNamesItsTheme() {
            fixture.given(network())
                   .when(record(rule(AgreementKind.RULE, RuleTheme.INFORMATION_SHARING)))
                   .expectEvents(rule(AgreementKind.RULE, RuleTheme.INFORMATION_SHARING));
        }

        @Test
        void anAgreementIdThatIsAlreadyUsedIsAConflict() {
            fixture.given(network(promise(AGREEMENT, List.of(HOSPITAL), FOUNDED)))
                   .when(record(promise(AGREEMENT, List.of(MUNICIPALITY), ON)))
                   .expectNoEvents()
                   .expectException(conflict("agreementId"));
        }

        @Test
        void aRuleAgreementWithoutThemeIsRefused() {
            fixture.given(network())
                   .when(record(rule(AgreementKind.RULE, null)))
                   .expectNoEvents()
                   .expectException(invalid("ruleTheme"));
        }

        @Test
        void aThemeOnAnAgreementThatIsNoRuleIsRefused() {
            fixture.given(network())
                   .when(record(rule(AgreementKind.GOVERNANCE, RuleTheme.DECISION_MAKING)))
                   .expectNoEvents()
                   .expectException(invalid("ruleTheme"));
        }

        @Test
        void anAgreementWithoutPartiesIsRefused() {
            fixture.given(network())
                   .when(record(promise(AGREEMENT, List.of(), ON)))
                   .expectNoEvents()
                   .expectException(invalid("partyIds"));
        }

        @Test
        void aPartyNamedTwiceIsRefused() {
            fixture.given(network())
                   .when(record(promise(AGREEMENT, List.of(HOSPITAL, HOSPITAL), ON)))
                   .expectNoEvents()
                   .expectException(invalid("partyIds"));
        }

        @Test
        void anUnknownPartyIsNotFound() {
            fixture.given(network())
                   .when(record(promise(AGREEMENT, List.of(HOSPITAL, STRANGER), ON)))
                   .expectNoEvents()
                   .expectException(notFound("partyIds[1]"));
        }

        @Test
        void aWithdrawnPartyIsAConflict() {
            fixture.given(network())
                   .when(record(promise(AGREEMENT, List.of(INSURER, HOSPITAL), ON)))
                   .expectNoEvents()
                   .expectException(conflict("partyIds[0]"));
        }

        @Test
        void aPartyThatHasNotJoinedYetIsAConflict() {
            fixture.given(network())
                   .when(record(promise(AGREEMENT, List.of(HOSPITAL, HOUSING), ON)))
                   .expectNoEvents()
                   .expectException(conflict("partyIds[1]"));
        }

        @Test
        void aBlankTitleIsRefused() {
            fixture.given(network())
                   .when(record(new AgreementMade(NETWORK, AGREEMENT, " ", AgreementKind.PROMISE, null,
                                                  List.of(HOSPITAL), null, ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("title"));
        }

        @Test
        void aTitleOverTwoHundredCharactersIsRefused() {
            fixture.given(network())
                   .when(record(new AgreementMade(NETWORK, AGREEMENT, text(201), AgreementKind.PROMISE, null,
                                                  List.of(HOSPITAL), null, ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("title"));
        }

        @Test
        void aMissingKindIsRefused() {
            fixture.given(network())
                   .when(record(new AgreementMade(NETWORK, AGREEMENT, "Title", null, null, List.of(HOSPITAL), null, ON,
                                                  null, null)))
                   .expectNoEvents()
                   .expectException(invalid("kind"));
        }

        @Test
        void aDueDateBeforeTheAgreementWasMadeIsRefused() {
            fixture.given(network())
                   .when(record(new AgreementMade(NETWORK, AGREEMENT, "Title", AgreementKind.PROMISE, null,
                                                  List.of(HOSPITAL), ON.minusDays(1), ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("dueOn"));
        }

        /** A due date decades ahead is a typed year (+10000-01-01 was taken), not a promise. */
        @Test
        void aDueDateMoreThanFiftyYearsAheadIsRefused() {
            for (LocalDate due : List.of(ON.plusYears(50).plusDays(1), LocalDate.of(10000, 1, 1))) {
                fixture.given(network())
                       .when(record(new AgreementMade(NETWORK, AGREEMENT, "Title", AgreementKind.PROMISE, null,
                                                      List.of(HOSPITAL), due, ON, null, null)))
                       .expectNoEvents()
                       .expectException(invalid("dueOn"));
            }
            AgreementMade fifty = new AgreementMade(NETWORK, AGREEMENT, "Title", AgreementKind.PROMISE, null,
                                                    List.of(HOSPITAL), ON.plusYears(50), ON, null, null);
            fixture.given(network()).when(record(fifty)).expectEvents(fifty);
        }

        @Test
        void aDueDateOnTheDayTheAgreementIsMadeIsAccepted() {
            AgreementMade sameDay = new AgreementMade(NETWORK, AGREEMENT, "Title", AgreementKind.PROMISE, null,
                                                      List.of(HOSPITAL), ON, ON, null, null);
            fixture.given(network())
                   .when(record(sameDay))
                   .expectEvents(sameDay);
        }
    }

    @Nested
    class Outcomes {
        @Test
        void anOutcomeIsRecordedWithAResponsibleParty() {
            fixture.given(network(promise(AGREEMENT, List.of(HOSPITAL, GP_COOPERATIVE), FOUNDED)))
                   .when(record(outcome(AGREEMENT, GP_COOPERATIVE, ON)))
                   .expectEvents(outcome(AGREEMENT, GP_COOPERATIVE, ON));
        }

        @Test
        void anUnknownAgreementIsNotFound() {
            fixture.given(network(promise(AGREEMENT, List.of(HOSPITAL), FOUNDED)))
                   .when(record(outcome(UUID.randomUUID(), HOSPITAL, ON)))
                   .expectNoEvents()
                   .expectException(notFound("agreementId"));
        }

        @Test
        void aResponsiblePartnerThatIsNoPartyIsRefused() {
            fixture.given(network(promise(AGREEMENT, List.of(HOSPITAL, GP_COOPERATIVE), FOUNDED)))
                   .when(record(outcome(AGREEMENT, MUNICIPALITY, ON)))
                   .expectNoEvents()
                   .expectException(invalid("responsiblePartnerId"));
        }

        @Test
        void anUnknownResponsiblePartnerIsNotFound() {
            fixture.given(network(promise(AGREEMENT, List.of(HOSPITAL), FOUNDED)))
                   .when(record(outcome(AGREEMENT, STRANGER, ON)))
                   .expectNoEvents()
                   .expectException(notFound("responsiblePartnerId"));
        }

        @Test
        void aResponsiblePartyThatWithdrewIsAConflict() {
            fixture.given(network(promise(AGREEMENT, List.of(HOSPITAL, INSURER), FOUNDED)))
                   .when(record(outcome(AGREEMENT, INSURER, ON)))
                   .expectNoEvents()
                   .expectException(conflict("responsiblePartnerId"));
        }

        @Test
        void anOutcomeOfAWithdrawnPartyMayBeRecordedForADateBeforeItWithdrew() {
            fixture.given(network(promise(AGREEMENT, List.of(HOSPITAL, INSURER), FOUNDED)))
                   .when(record(outcome(AGREEMENT, INSURER, WITHDRAWN.minusDays(1))))
                   .expectEvents(outcome(AGREEMENT, INSURER, WITHDRAWN.minusDays(1)));
        }

        @Test
        void aMissingOutcomeIsRefused() {
            fixture.given(network(promise(AGREEMENT, List.of(HOSPITAL), FOUNDED)))
                   .when(record(new AgreementOutcomeRecorded(NETWORK, AGREEMENT, null, HOSPITAL, ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("outcome"));
        }
    }
}
