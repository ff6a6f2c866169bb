package nl.samenspel.command.network;

import nl.samenspel.kernel.agreement.AgreementKind;
import nl.samenspel.kernel.agreement.AgreementMade;
import nl.samenspel.kernel.agreement.AgreementOutcome;
import nl.samenspel.kernel.agreement.AgreementOutcomeRecorded;
import nl.samenspel.kernel.ambition.AmbitionEndorsed;
import nl.samenspel.kernel.ambition.AmbitionStated;
import nl.samenspel.kernel.ambition.Disclosure;
import nl.samenspel.kernel.ambition.InterestDeclared;
import nl.samenspel.kernel.ambition.InterestScope;
import nl.samenspel.kernel.ambition.Stance;
import nl.samenspel.kernel.correction.EntryCorrected;
import nl.samenspel.kernel.correction.EntryRetracted;
import nl.samenspel.kernel.correction.EntryTypes;
import nl.samenspel.kernel.evaluation.EvaluationClosed;
import nl.samenspel.kernel.evaluation.EvaluationOpened;
import nl.samenspel.kernel.evaluation.EvaluationResponseRecorded;
import nl.samenspel.kernel.evaluation.ImprovementActionAgreed;
import nl.samenspel.kernel.evaluation.ImprovementActionCompleted;
import nl.samenspel.kernel.evaluation.Instrument;
import nl.samenspel.kernel.exchange.BalanceAssessed;
import nl.samenspel.kernel.exchange.BalanceRating;
import nl.samenspel.kernel.exchange.BeneficiaryGroup;
import nl.samenspel.kernel.exchange.Capital;
import nl.samenspel.kernel.exchange.ContributionKind;
import nl.samenspel.kernel.exchange.ContributionRecorded;
import nl.samenspel.kernel.exchange.ContributionStatus;
import nl.samenspel.kernel.exchange.ContributionStatusChanged;
import nl.samenspel.kernel.exchange.Unit;
import nl.samenspel.kernel.exchange.ValueRealised;
import nl.samenspel.kernel.meeting.Attendance;
import nl.samenspel.kernel.meeting.MeetingCancelled;
import nl.samenspel.kernel.meeting.MeetingHeld;
import nl.samenspel.kernel.meeting.MeetingKind;
import nl.samenspel.kernel.meeting.Modality;
import nl.samenspel.kernel.network.Motive;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.NetworkFounded;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.network.PartnerJoined;
import nl.samenspel.kernel.network.PartnerParticipationChanged;
import nl.samenspel.kernel.network.PartnerWithdrew;
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
import nl.samenspel.kernel.tension.ConflictProgressed;
import nl.samenspel.kernel.tension.ConflictRegistered;
import nl.samenspel.kernel.tension.ConflictResolved;
import nl.samenspel.kernel.tension.Intervention;
import nl.samenspel.kernel.tension.TemperatureMeasured;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static nl.samenspel.command.network.RulesFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rules every kind of entry shares: it happens between the founding and today, belongs to this network, and keeps
 * its note within 2,000 characters. Each kind is tried with a valid sample against a network that already holds what
 * the samples refer to (all of it logged on the founding day).
 */
class EveryEntryRulesTest {
    private static final UUID AGREEMENT = UUID.randomUUID();
    private static final UUID CONTRIBUTION = UUID.randomUUID();
    private static final UUID EVALUATION = UUID.randomUUID();
    private static final UUID ACTION = UUID.randomUUID();
    private static final UUID CONFLICT = UUID.randomUUID();
    private static final UUID COALITION = UUID.randomUUID();
    private static final String PERSON = "person-19c0";

    /** A valid entry of each kind on a given date, against {@link #history()}. */
    private static final Map<Class<? extends NetworkEvent>, Function<LocalDate, NetworkEvent>> SAMPLES = samples();

    private FixtureConfiguration<Network> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    /**
     * The network with one of everything the samples refer to, all logged on the founding day. The partner the samples
     * withdraw (the GP cooperative) is named by none of it: a withdrawal on a day another entry has the partner
     * active is refused.
     */
    static List<Object> history() {
        return network(
                new RepresentativeAppointed(NETWORK, HOSPITAL, PERSON, Level.BOARD, null, FOUNDED, null, null),
                new NetworkRoleAssigned(NETWORK, LeadRole.CHAIR, PERSON, HOSPITAL, true, FOUNDED, null, null),
                new AmbitionStated(NETWORK, 1, "Care close to home", FOUNDED, null, null),
                new AgreementMade(NETWORK, AGREEMENT, "Share letters", AgreementKind.PROMISE, null,
                                  List.of(HOSPITAL, MUNICIPALITY), null, FOUNDED, null, null),
                new ContributionRecorded(NETWORK, CONTRIBUTION, MUNICIPALITY, null, ContributionKind.MONEY,
                                         new BigDecimal("10000"), Unit.EUR, null, Capital.ECONOMIC,
                                         ContributionStatus.PLEDGED, FOUNDED, null, null),
                new EvaluationOpened(NETWORK, EVALUATION, Instrument.FIVE_CONDITIONS, "Baseline", true, null, FOUNDED,
                                     null, null),
                new ImprovementActionAgreed(NETWORK, ACTION, null, "Agenda upfront", HOSPITAL, FOUNDED.plusMonths(1),
                                            FOUNDED, null, null),
                new ConflictRegistered(NETWORK, CONFLICT, List.of(HOSPITAL, MUNICIPALITY), "night shift", FOUNDED,
                                       null, null),
                new SubCoalitionFormed(NETWORK, COALITION, "Discharge", null, List.of(HOSPITAL, MUNICIPALITY),
                                       FOUNDED, null, null));
    }

    private static Map<Class<? extends NetworkEvent>, Function<LocalDate, NetworkEvent>> samples() {
        Map<Class<? extends NetworkEvent>, Function<LocalDate, NetworkEvent>> samples = new LinkedHashMap<>();
        samples.put(PartnerJoined.class, on -> joined(UUID.randomUUID(), "Thuiszorg Oost", on));
        samples.put(PartnerWithdrew.class, on -> withdrew(GP_COOPERATIVE, on));
        samples.put(PhaseChanged.class, on -> new PhaseChanged(NETWORK, Phase.EXECUTION, null, on, null, null));
        samples.put(nl.samenspel.kernel.health.HealthPolicyChanged.class,
                    on -> new nl.samenspel.kernel.health.HealthPolicyChanged(NETWORK, Map.of("evaluation.cadenceDays", 180.0),
                                                                             on, null, null));
        samples.put(PartnerParticipationChanged.class,
                    on -> new PartnerParticipationChanged(NETWORK, HOSPITAL, ParticipationLevel.PARTICIPANT, on, null,
                                                          null));
        samples.put(RepresentativeAppointed.class,
                    on -> new RepresentativeAppointed(NETWORK, MUNICIPALITY, "person-2", Level.MANAGEMENT, null, on,
                                                      null, null));
        samples.put(RepresentativeDeparted.class,
                    on -> new RepresentativeDeparted(NETWORK, HOSPITAL, PERSON, Level.BOARD, Handover.DONE,
                                                     DepartureReason.LEFT_ORGANISATION, on, null, null));
        samples.put(NetworkRoleAssigned.class,
                    on -> new NetworkRoleAssigned(NETWORK, LeadRole.COORDINATOR, "person-3", MUNICIPALITY, false, on,
                                                  null, null));
        samples.put(NetworkRoleEnded.class,
                    on -> new NetworkRoleEnded(NETWORK, LeadRole.CHAIR, PERSON, HOSPITAL, on, null, null));
        samples.put(AmbitionStated.class, on -> new AmbitionStated(NETWORK, 2, "Healthy ageing", on, null, null));
        samples.put(AmbitionEndorsed.class,
                    on -> new AmbitionEndorsed(NETWORK, GP_COOPERATIVE, Level.BOARD, 1, Stance.DOUBTS, on, null, null));
        samples.put(InterestDeclared.class,
                    on -> new InterestDeclared(NETWORK, MUNICIPALITY, InterestScope.COLLECTIVE, Motive.MORAL,
                                               Disclosure.OPEN, "fewer people in crisis", on, null, null));
        samples.put(AgreementMade.class,
                    on -> new AgreementMade(NETWORK, UUID.randomUUID(), "Monthly steering group",
                                            AgreementKind.GOVERNANCE, null, List.of(HOSPITAL), null, on, null, null));
        samples.put(AgreementOutcomeRecorded.class,
                    on -> new AgreementOutcomeRecorded(NETWORK, AGREEMENT, AgreementOutcome.KEPT, MUNICIPALITY, on,
                                                       null, null));
        samples.put(ContributionRecorded.class,
                    on -> new ContributionRecorded(NETWORK, UUID.randomUUID(), HOSPITAL, GP_COOPERATIVE,
                                                   ContributionKind.KNOWLEDGE, new BigDecimal("3"), Unit.DAYS, null,
                                                   Capital.CULTURAL, ContributionStatus.DELIVERED, on, null, null));
        samples.put(ContributionStatusChanged.class,
                    on -> new ContributionStatusChanged(NETWORK, CONTRIBUTION, ContributionStatus.DELIVERED, on, null,
                                                        null));
        samples.put(ValueRealised.class,
                    on -> new ValueRealised(NETWORK, null, BeneficiaryGroup.RESIDENTS, Capital.SOCIAL, null,
                                            "neighbours look after each other", "interviews", on, null, null));
        samples.put(BalanceAssessed.class,
                    on -> new BalanceAssessed(NETWORK, HOSPITAL, BalanceRating.BALANCED, on, null, null));
        samples.put(EvaluationOpened.class,
                    on -> new EvaluationOpened(NETWORK, UUID.randomUUID(), Instrument.NETWORK_VALUE, "Value", false,
                                               COALITION, on, null, null));
        samples.put(EvaluationResponseRecorded.class,
                    on -> new EvaluationResponseRecorded(NETWORK, EVALUATION, MUNICIPALITY, Level.BOARD, true,
                                                         List.of(1, 2, 3, 4, 5), null, on, null, null));
        samples.put(EvaluationClosed.class, on -> new EvaluationClosed(NETWORK, EVALUATION, on, null, null));
        samples.put(ImprovementActionAgreed.class,
                    on -> new ImprovementActionAgreed(NETWORK, UUID.randomUUID(), EVALUATION, "Shorter meetings",
                                                      GP_COOPERATIVE, on.plusMonths(1), on, null, null));
        samples.put(ImprovementActionCompleted.class,
                    on -> new ImprovementActionCompleted(NETWORK, ACTION, on, null, null));
        samples.put(TemperatureMeasured.class,
                    on -> new TemperatureMeasured(NETWORK, List.of(HOSPITAL, GP_COOPERATIVE), 2, Set.of(), on, null,
                                                  null));
        samples.put(ConflictRegistered.class,
                    on -> new ConflictRegistered(NETWORK, UUID.randomUUID(), List.of(GP_COOPERATIVE, MUNICIPALITY),
                                                 "referral rules", on, null, null));
        samples.put(ConflictProgressed.class,
                    on -> new ConflictProgressed(NETWORK, CONFLICT, 2, Intervention.CONVERSATION, on, null, null));
        samples.put(ConflictResolved.class,
                    on -> new ConflictResolved(NETWORK, CONFLICT, "agreed rota", on, null, null));
        samples.put(MeetingHeld.class,
                    on -> new MeetingHeld(NETWORK, UUID.randomUUID(), MeetingKind.FORMAL, Modality.HYBRID,
                                          "Steering group", List.of(new Attendance(HOSPITAL, Level.BOARD)), on, null,
                                          null));
        samples.put(MeetingCancelled.class,
                    on -> new MeetingCancelled(NETWORK, HOSPITAL, "Steering group", on, null, null));
        samples.put(SubCoalitionFormed.class,
                    on -> new SubCoalitionFormed(NETWORK, UUID.randomUUID(), "Prevention", null,
                                                 List.of(MUNICIPALITY, GP_COOPERATIVE), on, null, null));
        samples.put(SubCoalitionChanged.class,
                    on -> new SubCoalitionChanged(NETWORK, COALITION, "Discharge", null,
                                                  List.of(HOSPITAL, GP_COOPERATIVE, MUNICIPALITY), on, null, null));
        samples.put(SubCoalitionDissolved.class, on -> new SubCoalitionDissolved(NETWORK, COALITION, on, null, null));
        samples.put(RegionalAnalysisShared.class,
                    on -> new RegionalAnalysisShared(NETWORK, "Region in figures", List.of("health monitor"),
                                                     List.of("interviews"), List.of(HOSPITAL, MUNICIPALITY), on, null,
                                                     null));
        samples.put(ContextChanged.class,
                    on -> new ContextChanged(NETWORK, ContextKind.REGULATORY, null, Direction.POSITIVE, "new act", on,
                                             null, null));
        samples.put(AccountabilityRequested.class,
                    on -> new AccountabilityRequested(NETWORK, "council", List.of(MUNICIPALITY), true, on, null, null));
        samples.put(SuccessAchieved.class,
                    on -> new SuccessAchieved(NETWORK, SuccessKind.MILESTONE, "First joint discharge", on, null, null));
        return samples;
    }

    static Stream<Named<Function<LocalDate, NetworkEvent>>> kinds() {
        return SAMPLES.entrySet().stream()
                      .map(e -> Named.of(EntryTypes.of(e.getKey()).wireName(), e.getValue()));
    }

    /** The sample on {@code on}, with one component replaced. */
    private static NetworkEvent with(Function<LocalDate, NetworkEvent> sample, LocalDate on, String component,
                                     Object value) {
        NetworkEvent entry = sample.apply(on);
        RecordComponent[] components = entry.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getName().equals(component) ? value
                                                                       : components[i].getAccessor().invoke(entry);
            }
            return entry.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyKindOfEntryIsTried() {
        Set<String> kinds = EntryTypes.all().stream()
                                      .map(EntryTypes.EntryType::eventClass)
                                      .filter(type -> type != NetworkFounded.class && type != EntryCorrected.class
                                              && type != EntryRetracted.class)
                                      .map(type -> EntryTypes.of(type).wireName())
                                      .collect(Collectors.toCollection(TreeSet::new));
        Set<String> tried = SAMPLES.keySet().stream().map(type -> EntryTypes.of(type).wireName())
                                   .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(kinds, tried);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anEntryOnTheFoundingDayIsAccepted(Function<LocalDate, NetworkEvent> sample) {
        NetworkEvent entry = sample.apply(FOUNDED);
        fixture.given(history())
               .when(record(entry))
               .expectEvents(entry);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anEntryDatedTodayIsAccepted(Function<LocalDate, NetworkEvent> sample) {
        NetworkEvent entry = sample.apply(TODAY);
        fixture.given(history())
               .when(record(entry))
               .expectEvents(entry);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anEntryDatedBeforeTheFoundingIsRefused(Function<LocalDate, NetworkEvent> sample) {
        fixture.given(history())
               .when(record(sample.apply(FOUNDED.minusDays(1))))
               .expectNoEvents()
               .expectException(invalid("occurredOn"));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anEntryDatedInTheFutureIsRefused(Function<LocalDate, NetworkEvent> sample) {
        fixture.given(history())
               .when(record(sample.apply(TODAY.plusDays(1))))
               .expectNoEvents()
               .expectException(invalid("occurredOn"));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anEntryWithoutDateIsRefused(Function<LocalDate, NetworkEvent> sample) {
        fixture.given(history())
               .when(record(with(sample, ON, "occurredOn", null)))
               .expectNoEvents()
               .expectException(invalid("occurredOn"));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anEntryOfAnotherNetworkIsRefused(Function<LocalDate, NetworkEvent> sample) {
        fixture.given(history())
               .when(record(with(sample, ON, "networkId", UUID.randomUUID())))
               .expectNoEvents()
               .expectException(invalid("networkId"));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aNoteOverTwoThousandCharactersIsRefused(Function<LocalDate, NetworkEvent> sample) {
        fixture.given(history())
               .when(record(with(sample, ON, "note", text(2_001))))
               .expectNoEvents()
               .expectException(invalid("note"));
    }
}
