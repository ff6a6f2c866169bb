package nl.samenspel.command.network;

import nl.samenspel.kernel.exchange.BalanceAssessed;
import nl.samenspel.kernel.exchange.BalanceRating;
import nl.samenspel.kernel.exchange.BeneficiaryGroup;
import nl.samenspel.kernel.exchange.Capital;
import nl.samenspel.kernel.exchange.ContributionKind;
import nl.samenspel.kernel.exchange.ContributionRecorded;
import nl.samenspel.kernel.exchange.ContributionStatus;
import nl.samenspel.kernel.exchange.ContributionStatusChanged;
import nl.samenspel.kernel.exchange.Unit;
import nl.samenspel.kernel.exchange.ValueQuestion;
import nl.samenspel.kernel.exchange.ValueRealised;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import static nl.samenspel.command.network.RulesFixture.*;

/** The rules for give and take: contributions, realised value with its evidence, and perceived balance. */
class ExchangeRulesTest {
    static final UUID CONTRIBUTION = UUID.randomUUID();

    private FixtureConfiguration<Network> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    static ContributionRecorded contribution(UUID from, UUID to, BigDecimal quantity, ContributionStatus status) {
        return new ContributionRecorded(NETWORK, CONTRIBUTION, from, to, ContributionKind.CAPACITY, quantity,
                                        Unit.HOURS, new BigDecimal("4500"), Capital.SOCIAL, status, ON, null, null);
    }

    static ContributionRecorded pledged(UUID from) {
        return contribution(from, null, new BigDecimal("60"), ContributionStatus.PLEDGED);
    }

    static ContributionRecorded pledgedBefore() {
        return new ContributionRecorded(NETWORK, CONTRIBUTION, HOSPITAL, null, ContributionKind.MONEY,
                                        new BigDecimal("25000"), Unit.EUR, null, Capital.ECONOMIC,
                                        ContributionStatus.PLEDGED, FOUNDED, null, null);
    }

    static ContributionStatusChanged statusChanged(UUID contributionId, ContributionStatus status, LocalDate on) {
        return new ContributionStatusChanged(NETWORK, contributionId, status, on, null, null);
    }

    static ValueRealised value(UUID partnerId, BeneficiaryGroup group, Capital capital, ValueQuestion question,
                               String evidence) {
        return new ValueRealised(NETWORK, partnerId, group, capital, question,
                                 "fewer readmissions after the joint discharge protocol", evidence, ON, null, null);
    }

    static BalanceAssessed balance(UUID partnerId, LocalDate on) {
        return new BalanceAssessed(NETWORK, partnerId, BalanceRating.UNFAIR, on, null, "we carry the coordination");
    }

    @Nested
    class Contributions {
        @Test
        void aPartnerPledgesToTheNetwork() {
            fixture.given(network())
                   .when(record(pledged(HOSPITAL)))
                   .expectEvents(pledged(HOSPITAL));
        }

        @Test
        void aPartnerDeliversToAnotherPartner() {
            ContributionRecorded entry = contribution(HOSPITAL, GP_COOPERATIVE, new BigDecimal("12.5"),
                                                      ContributionStatus.DELIVERED);
            fixture.given(network())
                   .when(record(entry))
                   .expectEvents(entry);
        }

        @Test
        void aContributionIdThatIsAlreadyUsedIsAConflict() {
            fixture.given(network(pledgedBefore()))
                   .when(record(pledged(MUNICIPALITY)))
                   .expectNoEvents()
                   .expectException(conflict("contributionId"));
        }

        @Test
        void anUnknownGiverIsNotFound() {
            fixture.given(network())
                   .when(record(pledged(STRANGER)))
                   .expectNoEvents()
                   .expectException(notFound("fromPartnerId"));
        }

        @Test
        void aGiverThatWithdrewIsAConflict() {
            fixture.given(network())
                   .when(record(pledged(INSURER)))
                   .expectNoEvents()
                   .expectException(conflict("fromPartnerId"));
        }

        @Test
        void aPartnerContributingToItselfIsRefused() {
            fixture.given(network())
                   .when(record(contribution(HOSPITAL, HOSPITAL, BigDecimal.TEN, ContributionStatus.DELIVERED)))
                   .expectNoEvents()
                   .expectException(invalid("toPartnerId"));
        }

        @Test
        void anUnknownReceiverIsNotFound() {
            fixture.given(network())
                   .when(record(contribution(HOSPITAL, STRANGER, BigDecimal.TEN, ContributionStatus.DELIVERED)))
                   .expectNoEvents()
                   .expectException(notFound("toPartnerId"));
        }

        @Test
        void aReceiverThatHasNotJoinedYetIsAConflict() {
            fixture.given(network())
                   .when(record(contribution(HOSPITAL, HOUSING, BigDecimal.TEN, ContributionStatus.DELIVERED)))
                   .expectNoEvents()
                   .expectException(conflict("toPartnerId"));
        }

        @Test
        void aContributionRecordedAsWithdrawnIsRefused() {
            fixture.given(network())
                   .when(record(contribution(HOSPITAL, null, BigDecimal.TEN, ContributionStatus.WITHDRAWN)))
                   .expectNoEvents()
                   .expectException(invalid("status"));
        }

        @Test
        void aQuantityOfZeroIsRefused() {
            fixture.given(network())
                   .when(record(contribution(HOSPITAL, null, BigDecimal.ZERO, ContributionStatus.PLEDGED)))
                   .expectNoEvents()
                   .expectException(invalid("quantity"));
        }

        @Test
        void aNegativeQuantityIsRefused() {
            fixture.given(network())
                   .when(record(contribution(HOSPITAL, null, new BigDecimal("-3"), ContributionStatus.PLEDGED)))
                   .expectNoEvents()
                   .expectException(invalid("quantity"));
        }

        @Test
        void aNegativeEstimatedValueIsRefused() {
            fixture.given(network())
                   .when(record(new ContributionRecorded(NETWORK, CONTRIBUTION, HOSPITAL, null,
                                                         ContributionKind.KNOWLEDGE, BigDecimal.ONE, Unit.DAYS,
                                                         new BigDecimal("-1"), Capital.CULTURAL,
                                                         ContributionStatus.DELIVERED, ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("estimatedValueEur"));
        }

        @Test
        void anEstimatedValueOfZeroIsAccepted() {
            ContributionRecorded entry = new ContributionRecorded(NETWORK, CONTRIBUTION, HOSPITAL, null,
                                                                  ContributionKind.FACILITIES, BigDecimal.ONE,
                                                                  Unit.ITEMS, BigDecimal.ZERO, Capital.SOCIAL,
                                                                  ContributionStatus.DELIVERED, ON, null, null);
            fixture.given(network())
                   .when(record(entry))
                   .expectEvents(entry);
        }

        @Test
        void aMissingUnitIsRefused() {
            fixture.given(network())
                   .when(record(new ContributionRecorded(NETWORK, CONTRIBUTION, HOSPITAL, null,
                                                         ContributionKind.MONEY, BigDecimal.TEN, null, null,
                                                         Capital.ECONOMIC, ContributionStatus.PLEDGED, ON, null,
                                                         null)))
                   .expectNoEvents()
                   .expectException(invalid("unit"));
        }

        @Test
        void aMissingCapitalIsRefused() {
            fixture.given(network())
                   .when(record(new ContributionRecorded(NETWORK, CONTRIBUTION, HOSPITAL, null,
                                                         ContributionKind.MONEY, BigDecimal.TEN, Unit.EUR, null, null,
                                                         ContributionStatus.PLEDGED, ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("capital"));
        }
    }

    @Nested
    class StatusChanges {
        @Test
        void aPledgeIsDelivered() {
            fixture.given(network(pledgedBefore()))
                   .when(record(statusChanged(CONTRIBUTION, ContributionStatus.DELIVERED, ON)))
                   .expectEvents(statusChanged(CONTRIBUTION, ContributionStatus.DELIVERED, ON));
        }

        @Test
        void aPledgeIsWithdrawn() {
            fixture.given(network(pledgedBefore()))
                   .when(record(statusChanged(CONTRIBUTION, ContributionStatus.WITHDRAWN, ON)))
                   .expectEvents(statusChanged(CONTRIBUTION, ContributionStatus.WITHDRAWN, ON));
        }

        @Test
        void anUnknownContributionIsNotFound() {
            fixture.given(network(pledgedBefore()))
                   .when(record(statusChanged(UUID.randomUUID(), ContributionStatus.DELIVERED, ON)))
                   .expectNoEvents()
                   .expectException(notFound("contributionId"));
        }

        @Test
        void goingBackToPledgedIsRefused() {
            fixture.given(network(pledgedBefore()))
                   .when(record(statusChanged(CONTRIBUTION, ContributionStatus.PLEDGED, ON)))
                   .expectNoEvents()
                   .expectException(invalid("status"));
        }

        @Test
        void deliveringTwiceIsAConflict() {
            fixture.given(network(pledgedBefore(), statusChanged(CONTRIBUTION, ContributionStatus.DELIVERED, ON)))
                   .when(record(statusChanged(CONTRIBUTION, ContributionStatus.DELIVERED, ON.plusDays(1))))
                   .expectNoEvents()
                   .expectException(conflict("status"));
        }

        @Test
        void aWithdrawnContributionCannotBeDeliveredAnymore() {
            fixture.given(network(pledgedBefore(), statusChanged(CONTRIBUTION, ContributionStatus.WITHDRAWN, ON)))
                   .when(record(statusChanged(CONTRIBUTION, ContributionStatus.DELIVERED, ON.plusDays(1))))
                   .expectNoEvents()
                   .expectException(conflict("status"));
        }

        @Test
        void aMissingStatusIsRefused() {
            fixture.given(network(pledgedBefore()))
                   .when(record(statusChanged(CONTRIBUTION, null, ON)))
                   .expectNoEvents()
                   .expectException(invalid("status"));
        }
    }

    @Nested
    class RealisedValue {
        @Test
        void valueForAGroupIsRecordedWithItsEvidence() {
            ValueRealised entry = value(null, BeneficiaryGroup.RESIDENTS, Capital.ECONOMIC, ValueQuestion.E1,
                                        "readmission figures 2024 against 2023");
            fixture.given(network())
                   .when(record(entry))
                   .expectEvents(entry);
        }

        @Test
        void valueForAPartnerIsRecordedWithItsEvidence() {
            ValueRealised entry = value(GP_COOPERATIVE, null, Capital.CULTURAL, ValueQuestion.C2, "case reviews");
            fixture.given(network())
                   .when(record(entry))
                   .expectEvents(entry);
        }

        @Test
        void aBlankEvidenceIsRefused() {
            fixture.given(network())
                   .when(record(value(null, BeneficiaryGroup.REGION, Capital.SOCIAL, null, "  ")))
                   .expectNoEvents()
                   .expectException(invalid("evidence"));
        }

        @Test
        void aMissingEvidenceIsRefused() {
            fixture.given(network())
                   .when(record(value(null, BeneficiaryGroup.REGION, Capital.SOCIAL, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("evidence"));
        }

        @Test
        void anEvidenceOverTwoThousandCharactersIsRefused() {
            fixture.given(network())
                   .when(record(value(null, BeneficiaryGroup.REGION, Capital.SOCIAL, null, text(2_001))))
                   .expectNoEvents()
                   .expectException(invalid("evidence"));
        }

        @Test
        void aBlankDescriptionIsRefused() {
            fixture.given(network())
                   .when(record(new ValueRealised(NETWORK, null, BeneficiaryGroup.SOCIETY, Capital.SOCIAL, null, "",
                                                  "survey", ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("description"));
        }

        @Test
        void aMissingCapitalIsRefused() {
            fixture.given(network())
                   .when(record(value(null, BeneficiaryGroup.REGION, null, null, "survey")))
                   .expectNoEvents()
                   .expectException(invalid("capital"));
        }

        @Test
        void bothABeneficiaryPartnerAndAGroupIsRefused() {
            fixture.given(network())
                   .when(record(value(HOSPITAL, BeneficiaryGroup.PARTNERS, Capital.SOCIAL, null, "survey")))
                   .expectNoEvents()
                   .expectException(invalid("beneficiaryPartnerId"));
        }

        @Test
        void noBeneficiaryAtAllIsRefused() {
            fixture.given(network())
                   .when(record(value(null, null, Capital.SOCIAL, null, "survey")))
                   .expectNoEvents()
                   .expectException(invalid("beneficiaryPartnerId"));
        }

        @Test
        void anUnknownBeneficiaryPartnerIsNotFound() {
            fixture.given(network())
                   .when(record(value(STRANGER, null, Capital.SOCIAL, null, "survey")))
                   .expectNoEvents()
                   .expectException(notFound("beneficiaryPartnerId"));
        }

        @Test
        void aBeneficiaryPartnerThatWithdrewIsAConflict() {
            fixture.given(network())
                   .when(record(value(INSURER, null, Capital.ECONOMIC, null, "claims data")))
                   .expectNoEvents()
                   .expectException(conflict("beneficiaryPartnerId"));
        }

        @Test
        void aQuestionOfAnotherCapitalIsRefused() {
            fixture.given(network())
                   .when(record(value(null, BeneficiaryGroup.PROFESSIONALS, Capital.ECONOMIC, ValueQuestion.S2,
                                      "survey")))
                   .expectNoEvents()
                   .expectException(invalid("questionId"));
        }
    }

    @Nested
    class Balance {
        @Test
        void aPartnerAssessesTheBalance() {
            fixture.given(network())
                   .when(record(balance(MUNICIPALITY, ON)))
                   .expectEvents(balance(MUNICIPALITY, ON));
        }

        @Test
        void anUnknownPartnerIsNotFound() {
            fixture.given(network())
                   .when(record(balance(STRANGER, ON)))
                   .expectNoEvents()
                   .expectException(notFound("partnerId"));
        }

        @Test
        void aPartnerThatWithdrewIsAConflict() {
            fixture.given(network())
                   .when(record(balance(INSURER, ON)))
                   .expectNoEvents()
                   .expectException(conflict("partnerId"));
        }

        @Test
        void aMissingRatingIsRefused() {
            fixture.given(network())
                   .when(record(new BalanceAssessed(NETWORK, MUNICIPALITY, null, ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("rating"));
        }
    }
}
