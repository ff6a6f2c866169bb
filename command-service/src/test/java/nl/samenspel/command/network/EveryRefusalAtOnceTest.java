package nl.samenspel.command.network;

import nl.samenspel.kernel.agreement.AgreementKind;
import nl.samenspel.kernel.agreement.AgreementMade;
import nl.samenspel.kernel.agreement.RuleTheme;
import nl.samenspel.kernel.evaluation.EvaluationOpened;
import nl.samenspel.kernel.evaluation.EvaluationResponseRecorded;
import nl.samenspel.kernel.evaluation.Instrument;
import nl.samenspel.kernel.exchange.Capital;
import nl.samenspel.kernel.exchange.ContributionKind;
import nl.samenspel.kernel.exchange.ContributionRecorded;
import nl.samenspel.kernel.exchange.ContributionStatus;
import nl.samenspel.kernel.exchange.Unit;
import nl.samenspel.kernel.health.HealthPolicyChanged;
import nl.samenspel.kernel.meeting.Attendance;
import nl.samenspel.kernel.meeting.MeetingHeld;
import nl.samenspel.kernel.meeting.MeetingKind;
import nl.samenspel.kernel.meeting.Modality;
import nl.samenspel.kernel.people.Level;
import nl.samenspel.kernel.validation.RuleViolation;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.samenspel.command.network.RulesFixture.*;

/**
 * An entry that breaks several rules of what it refers to is refused once, naming every field at fault, so that a
 * coordinator puts the form or the import row right in one go instead of meeting a new refusal after each fix. The
 * answer keeps the kind (400, 404, 409) of the first rule broken, in the order the fields are checked.
 */
class EveryRefusalAtOnceTest {
    private FixtureConfiguration<Network> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    @Test
    void aContributionFromAWithdrawnPartnerOfMoneyInHoursAlreadyWithdrawnNamesAllThree() {
        ContributionRecorded entry = new ContributionRecorded(NETWORK, UUID.randomUUID(), INSURER, null,
                                                              ContributionKind.MONEY, new BigDecimal("40"), Unit.HOURS,
                                                              null, Capital.ECONOMIC, ContributionStatus.WITHDRAWN, ON,
                                                              null, null);
        fixture.given(network()).when(record(entry)).expectNoEvents()
               .expectException(violationNamingAll(RuleViolation.Kind.CONFLICT, "fromPartnerId", "unit", "status"));
    }

    @Test
    void anAgreementWithAThemeItCannotHaveAndTwoPartiesNotActiveNamesEach() {
        AgreementMade entry = new AgreementMade(NETWORK, UUID.randomUUID(), "Share discharge letters",
                                                AgreementKind.PROMISE, RuleTheme.values()[0],
                                                List.of(INSURER, HOSPITAL, HOUSING), ON.plusMonths(1), ON, null, null);
        fixture.given(network()).when(record(entry)).expectNoEvents()
               .expectException(violationNamingAll(RuleViolation.Kind.INVALID, "ruleTheme", "partyIds[0]", "partyIds[2]"));
    }

    @Test
    void aMeetingAttendedByTwoPartnersNotActiveNamesBoth() {
        MeetingHeld entry = new MeetingHeld(NETWORK, UUID.randomUUID(), MeetingKind.FORMAL, Modality.IN_PERSON,
                                            "Steering group", List.of(new Attendance(INSURER, Level.BOARD),
                                                                      new Attendance(HOSPITAL, Level.BOARD),
                                                                      new Attendance(STRANGER, Level.BOARD)),
                                            ON, null, null);
        fixture.given(network()).when(record(entry)).expectNoEvents()
               .expectException(violationNamingAll(RuleViolation.Kind.CONFLICT, "attendance[0].partnerId",
                                                   "attendance[2].partnerId"));
    }

    @Test
    void aResponseFromALatePartnerWithTwoScoresOffTheScaleNamesAllThree() {
        UUID evaluation = UUID.randomUUID();
        EvaluationResponseRecorded entry = new EvaluationResponseRecorded(
                NETWORK, evaluation, HOUSING, Level.MANAGEMENT, false, List.of(4, 0, 5, 6, 2), null, ON, null, null);
        fixture.given(network(new EvaluationOpened(NETWORK, evaluation, Instrument.FIVE_CONDITIONS, "Yearly", true,
                                                   null, FOUNDED, null, null)))
               .when(record(entry)).expectNoEvents()
               .expectException(violationNamingAll(RuleViolation.Kind.CONFLICT, "respondentPartnerId", "scores[1]",
                                                   "scores[3]"));
    }

    @Test
    void aPolicyWithTwoValuesOutOfRangeNamesBoth() {
        Map<String, Double> overrides = new LinkedHashMap<>();
        overrides.put("people.windowMonths", 0.0);
        overrides.put("capitals.economicShare", 1.5);
        fixture.given(network()).when(record(new HealthPolicyChanged(NETWORK, overrides, ON, null, null)))
               .expectNoEvents()
               .expectException(violationNamingAll(RuleViolation.Kind.INVALID, "overrides.people.windowMonths",
                                                   "overrides.capitals.economicShare"));
    }
}
