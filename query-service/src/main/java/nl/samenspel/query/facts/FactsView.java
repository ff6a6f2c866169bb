package nl.samenspel.query.facts;

import nl.samenspel.kernel.agreement.AgreementKind;
import nl.samenspel.kernel.agreement.AgreementOutcome;
import nl.samenspel.kernel.agreement.RuleTheme;
import nl.samenspel.kernel.evaluation.Instrument;
import nl.samenspel.kernel.history.Standing;
import nl.samenspel.kernel.network.Motive;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.network.Phase;
import nl.samenspel.kernel.people.DepartureReason;
import nl.samenspel.kernel.people.Handover;
import nl.samenspel.kernel.people.LeadRole;
import nl.samenspel.kernel.people.Level;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The facts of one network as a network page reads them on a given day: in business-date order, with what follows
 * from the date (open, overdue, active), and with the privacy rules of §8 applied:
 * <ul>
 *     <li>people appear with reference and name only in the views made {@code withPeople}; the others show roles and
 *     levels only;</li>
 *     <li>anonymous evaluation answers never carry respondent, level, date or event id, and are shown one by one only
 *     when an evaluation has at least {@value #ANONYMOUS_MINIMUM} of them; otherwise only their number.</li>
 * </ul>
 */
public final class FactsView {
    /** Views never show fewer anonymous answers than this separately (§8). */
    public static final int ANONYMOUS_MINIMUM = 3;

    private final FactsSnapshot facts;
    private final LocalDate today;
    private Standing standing;

    public FactsView(FactsSnapshot facts, LocalDate today) {
        this.facts = Objects.requireNonNull(facts);
        this.today = Objects.requireNonNull(today);
    }

    // ------------------------------------------------------------------------------------------- view shapes

    /** A partner with its representatives per level of the figure eight. */
    public record PartnerView(UUID partnerId, String name, String partnerType, ParticipationLevel participationLevel,
                              List<Partner.LevelChange> participationHistory, Set<Motive> motives, LocalDate joinedOn,
                              LocalDate withdrawnOn, String withdrawalReason, boolean active,
                              List<LevelRepresentatives> representatives, String eventId) {
    }

    /** The current and the past representatives of one partner at one level. */
    public record LevelRepresentatives(Level level, int currentCount, List<RepresentativeView> current,
                                       List<RepresentativeView> past) {
    }

    /** A representative; {@code personRef} and {@code displayName} only in views with people. */
    public record RepresentativeView(String personRef, String displayName, String role, LocalDate appointedOn,
                                     LocalDate departedOn, Handover handover, DepartureReason departureReason,
                                     String eventId, String departureEventId) {
    }

    public record RolesView(List<RoleView> active, List<RoleView> ended) {
    }

    /** A network role; {@code personRef} and {@code displayName} only in views with people. */
    public record RoleView(LeadRole role, String personRef, String displayName, UUID partnerId,
                           boolean grantedByNetwork, LocalDate since, LocalDate endedOn, boolean active, String eventId,
                           String endEventId) {
    }

    /**
     * The ambition: its versions, the current one (the highest version), every partner's latest stance per level,
     * and all stances taken.
     */
    public record AmbitionView(Integer currentVersion, String currentStatement, List<AmbitionVersion> versions,
                               List<Endorsement> latestStances, List<Endorsement> endorsements) {
    }

    public record AgreementView(UUID agreementId, String title, AgreementKind kind, RuleTheme ruleTheme,
                                List<UUID> partyIds, LocalDate dueOn, LocalDate madeOn, AgreementOutcome outcome,
                                List<Agreement.Outcome> outcomes, boolean open, boolean overdue, String eventId) {
    }

    /** Every partner's latest balance rating, and all ratings. */
    public record BalanceView(List<BalanceAssessment> latest, List<BalanceAssessment> history) {
    }

    public record EvaluationView(UUID evaluationId, Instrument instrument, String title, boolean joint,
                                 UUID subCoalitionId, LocalDate openedOn, LocalDate closedOn, boolean open,
                                 int responseCount, List<Evaluation.Response> responses, AnonymousView anonymous,
                                 String eventId) {
    }

    /** The anonymous answers of one evaluation: always their number, the answers only when there are enough. */
    public record AnonymousView(int count, boolean shown, List<Evaluation.AnonymousAnswer> answers) {
    }

    public record ActionView(UUID actionId, UUID evaluationId, String title, UUID ownerPartnerId, LocalDate dueOn,
                             LocalDate agreedOn, LocalDate completedOn, boolean completed, boolean overdue,
                             String eventId) {
    }

    /** The latest reading per scope (the network, each pair), and all readings. */
    public record TemperatureView(List<TemperatureReading> latest, List<TemperatureReading> readings) {
    }

    public record ConflictView(UUID conflictId, List<UUID> partyIds, String issue, LocalDate registeredOn,
                               Integer ladderStep, List<Conflict.LadderStep> ladder, boolean open,
                               LocalDate resolvedOn, String resolution, String eventId) {
    }

    public record MeetingsView(List<Meeting> held, List<MeetingCancellation> cancellations) {
    }

    public record SubCoalitionView(UUID coalitionId, String name, String issue, List<UUID> memberIds,
                                   LocalDate formedOn, LocalDate dissolvedOn, boolean active,
                                   List<SubCoalition.Composition> history, String eventId) {
    }

    /** Where the network stands and what happens around it. */
    public record ContextView(Phase phase, List<PhaseStep> phaseHistory, List<ContextChange> changes,
                              List<AccountabilityRequest> accountabilityRequests, List<Success> successes,
                              List<RegionalAnalysis> regionalAnalyses) {
    }

    // ------------------------------------------------------------------------------------------- views

    public LocalDate today() {
        return today;
    }

    public NetworkInfo network() {
        return facts.network();
    }

    /** The phase with the latest business date, or null when no phase was logged. */
    public Phase phase() {
        return Chronology.latest(facts.phases(), PhaseStep::occurredOn).map(PhaseStep::phase).orElse(null);
    }

    public List<PhaseStep> phaseHistory() {
        return Chronology.sorted(facts.phases(), PhaseStep::occurredOn);
    }

    /** Partners with their representatives as roles and levels only. */
    public List<PartnerView> partners() {
        return partners(null);
    }

    /** Partners with their representatives named. */
    public List<PartnerView> partnersWithPeople(PersonNames names) {
        return partners(Objects.requireNonNull(names));
    }

    private List<PartnerView> partners(PersonNames names) {
        return Chronology.sorted(facts.partners(), Partner::joinedOn).stream().map(p -> new PartnerView(
                p.partnerId(), p.name(), p.partnerType(), p.participationLevel(),
                Chronology.sorted(p.participationHistory(), Partner.LevelChange::since), p.motives(), p.joinedOn(),
                p.withdrawnOn(), p.withdrawalReason(), p.active(), representativesOf(p.partnerId(), names),
                p.eventId())).toList();
    }

    private List<LevelRepresentatives> representativesOf(UUID partnerId, PersonNames names) {
        return Stream.of(Level.values()).map(level -> {
            List<Representative> atLevel = facts.representatives().stream()
                                                .filter(r -> Objects.equals(r.partnerId(), partnerId) && r.level() == level)
                                                .toList();
            List<RepresentativeView> current = Chronology.sorted(atLevel, Representative::appointedOn).stream()
                                                         .filter(Representative::current)
                                                         .map(r -> representative(r, names)).toList();
            List<RepresentativeView> past = Chronology.sorted(atLevel, Representative::departedOn).stream()
                                                      .filter(r -> !r.current())
                                                      .map(r -> representative(r, names)).toList();
            return new LevelRepresentatives(level, current.size(), current, past);
        }).toList();
    }

    private static RepresentativeView representative(Representative r, PersonNames names) {
        return new RepresentativeView(names == null ? null : r.personRef(),
                                      names == null ? null : names.displayName(r.personRef()), r.role(),
                                      r.appointedOn(), r.departedOn(), r.handover(), r.departureReason(), r.eventId(),
                                      r.departureEventId());
    }

    /** The partners active on {@code date}, as the whole platform reads it ({@link Standing}). */
    public Set<UUID> activePartnersOn(LocalDate date) {
        return standing().activeOn(date);
    }

    /** The representatives in post on {@code date}, as the whole platform reads it ({@link Standing}). */
    public List<Standing.Post> inPostOn(LocalDate date) {
        return standing().inPostOn(date);
    }

    /** The network roles held on {@code date}, as the whole platform reads it ({@link Standing}). */
    public List<Standing.Term> rolesHeldOn(LocalDate date) {
        return standing().heldOn(date);
    }

    private Standing standing() {
        if (standing == null) {
            standing = NetworkFacts.standing(facts);
        }
        return standing;
    }

    /** Network roles as roles of partners only. */
    public RolesView roles() {
        return roles(null);
    }

    /** Network roles with the people who hold them named. */
    public RolesView rolesWithPeople(PersonNames names) {
        return roles(Objects.requireNonNull(names));
    }

    private RolesView roles(PersonNames names) {
        List<RoleView> all = Chronology.sorted(facts.roles(), RoleHeld::since).stream().map(r -> new RoleView(
                r.role(), names == null ? null : r.personRef(), names == null ? null : names.displayName(r.personRef()),
                r.partnerId(), r.grantedByNetwork(), r.since(), r.endedOn(), r.active(), r.eventId(), r.endEventId()))
                                       .toList();
        return new RolesView(all.stream().filter(RoleView::active).toList(),
                             all.stream().filter(r -> !r.active()).toList());
    }

    /** Every person reference the people views would name. */
    public Set<String> personRefs() {
        Set<String> refs = new TreeSet<>();
        facts.representatives().stream().map(Representative::personRef).filter(Objects::nonNull).forEach(refs::add);
        facts.roles().stream().map(RoleHeld::personRef).filter(Objects::nonNull).forEach(refs::add);
        return refs;
    }

    public AmbitionView ambition() {
        List<AmbitionVersion> versions = facts.ambitionVersions().stream()
                                              .sorted(Comparator.comparing(AmbitionVersion::version,
                                                                           Comparator.nullsFirst(Comparator.naturalOrder())))
                                              .toList();
        AmbitionVersion current = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        Map<String, Endorsement> latest = new LinkedHashMap<>();
        for (Endorsement e : Chronology.sorted(facts.endorsements(), Endorsement::occurredOn)) {
            latest.put(e.partnerId() + "/" + e.level(), e);
        }
        return new AmbitionView(current == null ? null : current.version(), current == null ? null : current.statement(),
                                versions, List.copyOf(latest.values()),
                                Chronology.sorted(facts.endorsements(), Endorsement::occurredOn));
    }

    public List<Interest> interests() {
        return Chronology.sorted(facts.interests(), Interest::occurredOn);
    }

    public List<AgreementView> agreements() {
        return Chronology.sorted(facts.agreements(), Agreement::madeOn).stream().map(a -> new AgreementView(
                a.agreementId(), a.title(), a.kind(), a.ruleTheme(), a.partyIds(), a.dueOn(), a.madeOn(),
                a.outcome().orElse(null), Chronology.sorted(a.outcomes(), Agreement.Outcome::occurredOn), a.open(),
                a.overdueOn(today), a.eventId())).toList();
    }

    public List<Contribution> contributions() {
        return Chronology.sorted(facts.contributions(), Contribution::recordedOn);
    }

    public List<ValueClaim> valueClaims() {
        return Chronology.sorted(facts.valueClaims(), ValueClaim::occurredOn);
    }

    public BalanceView balance() {
        List<BalanceAssessment> history = Chronology.sorted(facts.balanceAssessments(), BalanceAssessment::occurredOn);
        Map<UUID, BalanceAssessment> latest = new LinkedHashMap<>();
        history.forEach(b -> latest.put(b.partnerId(), b));
        return new BalanceView(List.copyOf(latest.values()), history);
    }

    public List<EvaluationView> evaluations() {
        return Chronology.sorted(facts.evaluations(), Evaluation::openedOn).stream().map(this::evaluation).toList();
    }

    private EvaluationView evaluation(Evaluation e) {
        int anonymousCount = e.anonymousAnswers().size();
        boolean shown = anonymousCount >= ANONYMOUS_MINIMUM;
        // In a fixed order unrelated to when they came in, so that the order cannot hint at who answered.
        List<Evaluation.AnonymousAnswer> answers = shown
                ? e.anonymousAnswers().stream().sorted(Comparator.comparing(Object::toString)).toList()
                : null;
        return new EvaluationView(e.evaluationId(), e.instrument(), e.title(), e.joint(), e.subCoalitionId(),
                                  e.openedOn(), e.closedOn(), e.open(), e.responses().size() + anonymousCount,
                                  Chronology.sorted(e.responses(), Evaluation.Response::occurredOn),
                                  new AnonymousView(anonymousCount, shown, answers), e.eventId());
    }

    public List<ActionView> improvementActions() {
        return Chronology.sorted(facts.improvementActions(), ImprovementAction::agreedOn).stream()
                         .map(a -> new ActionView(a.actionId(), a.evaluationId(), a.title(), a.ownerPartnerId(),
                                                  a.dueOn(), a.agreedOn(), a.completedOn(), a.completed(),
                                                  a.overdueOn(today), a.eventId()))
                         .toList();
    }

    public TemperatureView temperature() {
        List<TemperatureReading> readings = Chronology.sorted(facts.temperatureReadings(), TemperatureReading::occurredOn);
        Map<String, TemperatureReading> latest = new LinkedHashMap<>();
        readings.forEach(r -> latest.put(r.scopeKey(), r));
        return new TemperatureView(List.copyOf(latest.values()), readings);
    }

    public List<ConflictView> conflicts() {
        return Chronology.sorted(facts.conflicts(), Conflict::registeredOn).stream().map(c -> new ConflictView(
                c.conflictId(), c.partyIds(), c.issue(), c.registeredOn(), c.currentStep(),
                Chronology.sorted(c.ladder(), Conflict.LadderStep::occurredOn), c.open(), c.resolvedOn(),
                c.resolution(), c.eventId())).toList();
    }

    public MeetingsView meetings() {
        return new MeetingsView(Chronology.sorted(facts.meetings(), Meeting::heldOn),
                                Chronology.sorted(facts.meetingCancellations(), MeetingCancellation::occurredOn));
    }

    public List<SubCoalitionView> subCoalitions() {
        return Chronology.sorted(facts.subCoalitions(), SubCoalition::formedOn).stream().map(s -> new SubCoalitionView(
                s.coalitionId(), s.name(), s.issue(), s.memberIds(), s.formedOn(), s.dissolvedOn(), s.active(),
                Chronology.sorted(s.history(), SubCoalition.Composition::since), s.eventId())).toList();
    }

    public ContextView context() {
        return new ContextView(phase(), phaseHistory(),
                               Chronology.sorted(facts.contextChanges(), ContextChange::occurredOn),
                               Chronology.sorted(facts.accountabilityRequests(), AccountabilityRequest::occurredOn),
                               Chronology.sorted(facts.successes(), Success::occurredOn),
                               Chronology.sorted(facts.regionalAnalyses(), RegionalAnalysis::occurredOn));
    }

    /** Every correction and retraction in the log, in log order, with whether it applies. */
    public List<EffectiveHistory.Correction> corrections() {
        return facts.corrections();
    }
}
