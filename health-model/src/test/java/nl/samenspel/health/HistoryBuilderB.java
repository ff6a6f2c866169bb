package nl.samenspel.health;

import nl.samenspel.kernel.agreement.AgreementKind;
import nl.samenspel.kernel.agreement.AgreementMade;
import nl.samenspel.kernel.agreement.AgreementOutcome;
import nl.samenspel.kernel.agreement.AgreementOutcomeRecorded;
import nl.samenspel.kernel.agreement.RuleTheme;
import nl.samenspel.kernel.ambition.AmbitionEndorsed;
import nl.samenspel.kernel.ambition.Stance;
import nl.samenspel.kernel.correction.EntryCorrected;
import nl.samenspel.kernel.correction.EntryRetracted;
import nl.samenspel.kernel.evaluation.ImprovementActionCompleted;
import nl.samenspel.kernel.exchange.BalanceAssessed;
import nl.samenspel.kernel.exchange.BalanceRating;
import nl.samenspel.kernel.exchange.Capital;
import nl.samenspel.kernel.exchange.ContributionKind;
import nl.samenspel.kernel.exchange.ContributionRecorded;
import nl.samenspel.kernel.exchange.ContributionStatus;
import nl.samenspel.kernel.exchange.ContributionStatusChanged;
import nl.samenspel.kernel.exchange.Unit;
import nl.samenspel.kernel.exchange.ValueRealised;
import nl.samenspel.kernel.health.HealthPolicyChanged;
import nl.samenspel.kernel.meeting.Attendance;
import nl.samenspel.kernel.meeting.MeetingCancelled;
import nl.samenspel.kernel.meeting.MeetingHeld;
import nl.samenspel.kernel.meeting.MeetingKind;
import nl.samenspel.kernel.meeting.Modality;
import nl.samenspel.kernel.network.CollaborationForm;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.NetworkFounded;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.network.PartnerJoined;
import nl.samenspel.kernel.network.PartnerParticipationChanged;
import nl.samenspel.kernel.network.PartnerWithdrew;
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
import nl.samenspel.kernel.tension.Signal;
import nl.samenspel.kernel.tension.TemperatureMeasured;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Hand-built network histories for the dip, people and tension indicators: partners, agreements, sub-coalitions and
 * conflicts are named by short keys ("A", "rule-1", ...) that map to stable UUIDs, every logging method answers the
 * entry's id (the evidence), and entries are recorded in call order, so a later call with an earlier date is a
 * back-dated entry. {@link #draft} builds an event without logging it, as the replacement of a correction.
 */
public final class HistoryBuilderB {
    public static final UUID NETWORK = UUID.fromString("00000000-0000-0000-0000-0000000000b0");
    private final List<LoggedEntry> log = new ArrayList<>();
    private NetworkEvent drafted;
    private boolean drafting;

    private HistoryBuilderB() {
    }

    public static HistoryBuilderB foundedOn(String date) {
        HistoryBuilderB b = new HistoryBuilderB();
        b.add(new NetworkFounded(NETWORK, "Zorgnetwerk Proef", "care", "Noord", CollaborationForm.NETWORK, "opgave",
                                 d(date), null, null));
        return b;
    }

    /** A network whose partners (keys) all join on the founding day. */
    public static HistoryBuilderB withPartners(String founded, String... partners) {
        HistoryBuilderB b = foundedOn(founded);
        for (String p : partners) {
            b.join(p, founded);
        }
        return b;
    }

    /**
     * Partners A, B and C deliver one contribution each every month of the first half of 2025 (steady energy), and
     * from 20 June three dip drivers are active (D1 and D3: a negative funding change; D5: an unaligned request): a
     * July without productive entries puts the network in a dip.
     */
    public static HistoryBuilderB steadyThenThreeDrivers() {
        HistoryBuilderB b = withPartners("2025-01-01", "A", "B", "C");
        for (int month = 1; month <= 6; month++) {
            b.delivered("A", "2025-0" + month + "-10");
            b.delivered("B", "2025-0" + month + "-11");
            b.delivered("C", "2025-0" + month + "-12");
        }
        b.context(ContextKind.FUNDING, Direction.NEGATIVE, "2025-06-20");
        b.accountability(false, "2025-06-21");
        return b;
    }

    public static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    /** The stable id of a key (partner, agreement, coalition, conflict, contribution). */
    public static UUID id(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    public static String name(String partner) {
        return "Partner " + partner;
    }

    // ---- the model ---------------------------------------------------------------------------------------------------

    /** The dip, people and tension block of the catalogue, exactly as registered. */
    public static HealthModel model() {
        return new HealthModel(Catalogue.dipPeopleAndTensionIndicators(), Catalogue.dipPeopleAndTensionAlerts());
    }

    public HealthTimeline timeline(String evaluationDate) {
        return model().timeline(log, d(evaluationDate));
    }

    /** The month's health, the timeline evaluated at the end of that month. */
    public MonthHealth month(String yearMonth) {
        YearMonth month = YearMonth.parse(yearMonth);
        return timeline(month.atEndOfMonth().toString()).latest();
    }

    public IndicatorValue indicator(String id, String yearMonth) {
        return month(yearMonth).indicator(id);
    }

    public java.util.Optional<Alert> alert(String id, String yearMonth) {
        return month(yearMonth).alerts().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public List<LoggedEntry> log() {
        return List.copyOf(log);
    }

    /** The id of the first logged entry of a kind that matches. */
    public <T> String idOf(Class<T> type, java.util.function.Predicate<T> which) {
        return log.stream().filter(e -> type.isInstance(e.event()) && which.test(type.cast(e.event())))
                  .map(LoggedEntry::eventId).findFirst().orElseThrow();
    }

    /** The id of the entry logged last. */
    public String lastId() {
        return log.get(log.size() - 1).eventId();
    }

    // ---- logging -----------------------------------------------------------------------------------------------------

    public String add(NetworkEvent event) {
        if (drafting) {
            drafted = event;
            return null;
        }
        String eventId = "ev-" + (log.size() + 1);
        log.add(new LoggedEntry(eventId, log.size() + 1L, Instant.parse("2030-01-01T00:00:00Z").plusSeconds(log.size()),
                                event));
        return eventId;
    }

    /** The event a step would log, without logging it (for corrections). */
    public NetworkEvent draft(Consumer<HistoryBuilderB> step) {
        drafting = true;
        try {
            step.accept(this);
            return drafted;
        } finally {
            drafting = false;
        }
    }

    public String correct(String targetId, NetworkEvent replacement, String on) {
        return add(new EntryCorrected(NETWORK, targetId, "mistake", replacement, d(on), null, null));
    }

    public String retract(String targetId, String on) {
        return add(new EntryRetracted(NETWORK, targetId, "mistake", d(on), null, null));
    }

    public String policy(String on, Map<String, Double> overrides) {
        return add(new HealthPolicyChanged(NETWORK, overrides, d(on), null, null));
    }

    public String join(String partner, String on) {
        return join(partner, ParticipationLevel.CORE, on);
    }

    public String join(String partner, ParticipationLevel level, String on) {
        return add(new PartnerJoined(NETWORK, id(partner), name(partner), "care provider", level, Set.of(), d(on), null, null));
    }

    public String withdraw(String partner, String on) {
        return add(new PartnerWithdrew(NETWORK, id(partner), "left", d(on), null, null));
    }

    public String participation(String partner, ParticipationLevel level, String on) {
        return add(new PartnerParticipationChanged(NETWORK, id(partner), level, d(on), null, null));
    }

    public String appoint(String partner, String person, Level level, String on) {
        return add(new RepresentativeAppointed(NETWORK, id(partner), person, level, "representative", d(on), null, null));
    }

    public String depart(String partner, String person, Level level, Handover handover, String on) {
        return add(new RepresentativeDeparted(NETWORK, id(partner), person, level, handover,
                                              DepartureReason.LEFT_ORGANISATION, d(on), null, null));
    }

    public String role(LeadRole role, String person, String partner, String on) {
        return add(new NetworkRoleAssigned(NETWORK, role, person, id(partner), true, d(on), null, null));
    }

    public String roleEnded(LeadRole role, String person, String partner, String on) {
        return add(new NetworkRoleEnded(NETWORK, role, person, id(partner), d(on), null, null));
    }

    public static Attendance at(String partner, Level level) {
        return new Attendance(id(partner), level);
    }

    public String meeting(String on, MeetingKind kind, Modality modality, Attendance... attendance) {
        return add(new MeetingHeld(NETWORK, UUID.randomUUID(), kind, modality, "overleg", List.of(attendance), d(on),
                                   null, null));
    }

    /** A formal in-person meeting of the given partners at management level. */
    public String meeting(String on, String... partners) {
        return meeting(on, MeetingKind.FORMAL, Modality.IN_PERSON,
                       Arrays.stream(partners).map(p -> at(p, Level.MANAGEMENT)).toArray(Attendance[]::new));
    }

    public String cancelMeeting(String partner, String on) {
        return add(new MeetingCancelled(NETWORK, id(partner), "overleg", d(on), null, null));
    }

    public String agreement(String key, AgreementKind kind, RuleTheme theme, String on, String... parties) {
        List<UUID> ids = parties.length == 0 ? List.of(id("A")) : Arrays.stream(parties).map(HistoryBuilderB::id).toList();
        return add(new AgreementMade(NETWORK, id(key), key, kind, theme, ids, null, d(on), null, null));
    }

    public String rule(String key, RuleTheme theme, String on) {
        return agreement(key, AgreementKind.RULE, theme, on);
    }

    public String outcome(String key, AgreementOutcome outcome, String responsible, String on) {
        return add(new AgreementOutcomeRecorded(NETWORK, id(key), outcome, id(responsible), d(on), null, null));
    }

    public String delivered(String from, String on) {
        return contribution("c-" + UUID.randomUUID(), from, ContributionStatus.DELIVERED, on);
    }

    public String contribution(String key, String from, ContributionStatus status, String on) {
        return add(new ContributionRecorded(NETWORK, id(key), id(from), null, ContributionKind.CAPACITY, BigDecimal.TEN,
                                            Unit.HOURS, null, Capital.SOCIAL, status, d(on), null, null));
    }

    public String contributionStatus(String key, ContributionStatus status, String on) {
        return add(new ContributionStatusChanged(NETWORK, id(key), status, d(on), null, null));
    }

    public String value(String on) {
        return add(new ValueRealised(NETWORK, null, nl.samenspel.kernel.exchange.BeneficiaryGroup.RESIDENTS, Capital.SOCIAL,
                                     null, "better hand-overs", "minutes of the evaluation", d(on), null, null));
    }

    public String improvementCompleted(String on) {
        return add(new ImprovementActionCompleted(NETWORK, UUID.randomUUID(), d(on), null, null));
    }

    public String analysis(String on, boolean quantitative, boolean qualitative, String... endorsers) {
        return add(new RegionalAnalysisShared(NETWORK, "regioanalyse", quantitative ? List.of("CBS") : List.of(),
                                              qualitative ? List.of("interviews") : List.of(),
                                              Arrays.stream(endorsers).map(HistoryBuilderB::id).toList(), d(on), null, null));
    }

    public String subCoalition(String key, String on, String... members) {
        return add(new SubCoalitionFormed(NETWORK, id(key), key, "issue",
                                          Arrays.stream(members).map(HistoryBuilderB::id).toList(), d(on), null, null));
    }

    public String subCoalitionChanged(String key, String on, String... members) {
        return add(new SubCoalitionChanged(NETWORK, id(key), key, "issue",
                                           Arrays.stream(members).map(HistoryBuilderB::id).toList(), d(on), null, null));
    }

    public String subCoalitionDissolved(String key, String on) {
        return add(new SubCoalitionDissolved(NETWORK, id(key), d(on), null, null));
    }

    public String context(ContextKind kind, Direction direction, String on) {
        return add(new ContextChanged(NETWORK, kind, null, direction, "change", d(on), null, null));
    }

    public String accountability(boolean aligned, String on) {
        return add(new AccountabilityRequested(NETWORK, "ministry", List.of(id("A")), aligned, d(on), null, null));
    }

    public String success(String on) {
        return add(new SuccessAchieved(NETWORK, SuccessKind.GRANT, "grant won", d(on), null, null));
    }

    public String endorse(String partner, Stance stance, String on) {
        return add(new AmbitionEndorsed(NETWORK, id(partner), Level.BOARD, 1, stance, d(on), null, null));
    }

    public String balance(String partner, BalanceRating rating, String on) {
        return add(new BalanceAssessed(NETWORK, id(partner), rating, d(on), null, null));
    }

    /** A network-wide thermometer reading. */
    public String temperature(int level, String on, Signal... signals) {
        return add(new TemperatureMeasured(NETWORK, null, level, signals(signals), d(on), null, null));
    }

    /** A thermometer reading for a pair of partners. */
    public String pairTemperature(String a, String b, int level, String on, Signal... signals) {
        return add(new TemperatureMeasured(NETWORK, List.of(id(a), id(b)), level, signals(signals), d(on), null, null));
    }

    public String conflict(String key, String on, String... parties) {
        return add(new ConflictRegistered(NETWORK, id(key), Arrays.stream(parties).map(HistoryBuilderB::id).toList(),
                                          "issue", d(on), null, null));
    }

    public String conflictStep(String key, int step, String on) {
        return add(new ConflictProgressed(NETWORK, id(key), step, Intervention.CONVERSATION, d(on), null, null));
    }

    public String conflictResolved(String key, String on) {
        return add(new ConflictResolved(NETWORK, id(key), "agreed", d(on), null, null));
    }

    private static Set<Signal> signals(Signal... signals) {
        return signals.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(signals));
    }
}
