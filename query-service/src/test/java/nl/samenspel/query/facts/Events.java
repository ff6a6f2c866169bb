package nl.samenspel.query.facts;

import nl.samenspel.kernel.agreement.AgreementKind;
import nl.samenspel.kernel.agreement.AgreementMade;
import nl.samenspel.kernel.agreement.AgreementOutcome;
import nl.samenspel.kernel.agreement.AgreementOutcomeRecorded;
import nl.samenspel.kernel.agreement.RuleTheme;
import nl.samenspel.kernel.ambition.AmbitionEndorsed;
import nl.samenspel.kernel.ambition.AmbitionStated;
import nl.samenspel.kernel.ambition.Disclosure;
import nl.samenspel.kernel.ambition.InterestDeclared;
import nl.samenspel.kernel.ambition.InterestScope;
import nl.samenspel.kernel.ambition.Stance;
import nl.samenspel.kernel.correction.EntryCorrected;
import nl.samenspel.kernel.correction.EntryRetracted;
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
import nl.samenspel.kernel.exchange.ValueQuestion;
import nl.samenspel.kernel.exchange.ValueRealised;
import nl.samenspel.kernel.meeting.Attendance;
import nl.samenspel.kernel.meeting.MeetingCancelled;
import nl.samenspel.kernel.meeting.MeetingHeld;
import nl.samenspel.kernel.meeting.MeetingKind;
import nl.samenspel.kernel.meeting.Modality;
import nl.samenspel.kernel.network.CollaborationForm;
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
import nl.samenspel.kernel.tension.Signal;
import nl.samenspel.kernel.tension.TemperatureMeasured;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Catalogue entries for hand-built histories, with every field a test does not care about filled in plainly. Also a
 * small log that hands out event ids ("e1", "e2", ...) the way the event store hands out message ids.
 */
public final class Events {
    public static final UUID NETWORK = UUID.fromString("00000000-0000-0000-0000-0000000000aa");

    private Events() {
    }

    public static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    /** A network's log under construction. */
    public static final class Log {
        private final java.util.ArrayList<LoggedEntry> entries = new java.util.ArrayList<>();

        /** Appends an entry and answers its event id. */
        public String add(NetworkEvent event) {
            String id = "e" + (entries.size() + 1);
            entries.add(new LoggedEntry(id, event));
            return id;
        }

        public List<LoggedEntry> entries() {
            return List.copyOf(entries);
        }

        public NetworkFacts fold() {
            return NetworkFacts.fold(entries());
        }

        public FactsView view(String today) {
            return new FactsView(fold().snapshot(), day(today));
        }
    }

    public static NetworkFounded founded(String name, String on) {
        return new NetworkFounded(NETWORK, name, "care", "Noord", CollaborationForm.NETWORK, "better care", day(on),
                                  null, null);
    }

    public static PhaseChanged phase(Phase phase, String on) {
        return new PhaseChanged(NETWORK, phase, "because", day(on), null, null);
    }

    public static PartnerJoined joined(UUID partner, String name, ParticipationLevel level, String on) {
        return new PartnerJoined(NETWORK, partner, name, "hospital", level, Set.of(Motive.MORAL, Motive.AFFECTIVE),
                                 day(on), null, null);
    }

    public static PartnerParticipationChanged participation(UUID partner, ParticipationLevel level, String on) {
        return new PartnerParticipationChanged(NETWORK, partner, level, day(on), null, null);
    }

    public static PartnerWithdrew withdrew(UUID partner, String reason, String on) {
        return new PartnerWithdrew(NETWORK, partner, reason, day(on), null, null);
    }

    public static RepresentativeAppointed appointed(UUID partner, String personRef, Level level, String role, String on) {
        return new RepresentativeAppointed(NETWORK, partner, personRef, level, role, day(on), null, null);
    }

    public static RepresentativeDeparted departed(UUID partner, String personRef, Level level, Handover handover,
                                                  String on) {
        return new RepresentativeDeparted(NETWORK, partner, personRef, level, handover, DepartureReason.NEW_ROLE, day(on),
                                          null, null);
    }

    public static NetworkRoleAssigned roleAssigned(LeadRole role, String personRef, UUID partner, String on) {
        return new NetworkRoleAssigned(NETWORK, role, personRef, partner, true, day(on), null, null);
    }

    public static NetworkRoleEnded roleEnded(LeadRole role, String personRef, UUID partner, String on) {
        return new NetworkRoleEnded(NETWORK, role, personRef, partner, day(on), null, null);
    }

    public static AmbitionStated ambition(int version, String statement, String on) {
        return new AmbitionStated(NETWORK, version, statement, day(on), null, null);
    }

    public static AmbitionEndorsed stance(UUID partner, Level level, int version, Stance stance, String on) {
        return new AmbitionEndorsed(NETWORK, partner, level, version, stance, day(on), null, null);
    }

    public static InterestDeclared interest(UUID partner, String summary, String on) {
        return new InterestDeclared(NETWORK, partner, InterestScope.ORGANISATIONAL, Motive.INSTRUMENTAL,
                                    Disclosure.SURFACED_LATE, summary, day(on), null, null);
    }

    public static AgreementMade agreement(UUID agreement, String title, List<UUID> parties, String dueOn, String on) {
        return new AgreementMade(NETWORK, agreement, title, AgreementKind.RULE, RuleTheme.FINANCING, parties,
                                 dueOn == null ? null : day(dueOn), day(on), null, null);
    }

    public static AgreementOutcomeRecorded outcome(UUID agreement, AgreementOutcome outcome, UUID responsible, String on) {
        return new AgreementOutcomeRecorded(NETWORK, agreement, outcome, responsible, day(on), null, null);
    }

    public static ContributionRecorded contribution(UUID contribution, UUID from, UUID to, String quantity, Unit unit,
                                                    String valueEur, ContributionStatus status, String on) {
        return new ContributionRecorded(NETWORK, contribution, from, to, ContributionKind.CAPACITY,
                                        new BigDecimal(quantity), unit, valueEur == null ? null : new BigDecimal(valueEur),
                                        Capital.SOCIAL, status, day(on), null, null);
    }

    public static ContributionStatusChanged contributionStatus(UUID contribution, ContributionStatus status, String on) {
        return new ContributionStatusChanged(NETWORK, contribution, status, day(on), null, null);
    }

    public static ValueRealised value(UUID beneficiary, Capital capital, String evidence, String on) {
        return new ValueRealised(NETWORK, beneficiary, beneficiary == null ? BeneficiaryGroup.RESIDENTS : null, capital,
                                 ValueQuestion.E1, "fewer readmissions", evidence, day(on), null, null);
    }

    public static BalanceAssessed balance(UUID partner, BalanceRating rating, String on) {
        return new BalanceAssessed(NETWORK, partner, rating, day(on), null, "as felt in " + on);
    }

    public static EvaluationOpened evaluation(UUID evaluation, Instrument instrument, String on) {
        return new EvaluationOpened(NETWORK, evaluation, instrument, "Yearly check", true, null, day(on), null, null);
    }

    public static EvaluationResponseRecorded response(UUID evaluation, UUID partner, Level level, boolean anonymous,
                                                      List<Integer> scores, String comment, String on) {
        return new EvaluationResponseRecorded(NETWORK, evaluation, partner, level, anonymous, scores, comment, day(on),
                                              null, null);
    }

    public static EvaluationClosed evaluationClosed(UUID evaluation, String on) {
        return new EvaluationClosed(NETWORK, evaluation, day(on), null, null);
    }

    public static ImprovementActionAgreed action(UUID action, UUID evaluation, UUID owner, String dueOn, String on) {
        return new ImprovementActionAgreed(NETWORK, action, evaluation, "Meet more often", owner, day(dueOn), day(on),
                                           null, null);
    }

    public static ImprovementActionCompleted actionCompleted(UUID action, String on) {
        return new ImprovementActionCompleted(NETWORK, action, day(on), null, null);
    }

    public static TemperatureMeasured temperature(List<UUID> pair, int level, Set<Signal> signals, String on) {
        return new TemperatureMeasured(NETWORK, pair, level, signals, day(on), null, null);
    }

    public static ConflictRegistered conflict(UUID conflict, List<UUID> parties, String on) {
        return new ConflictRegistered(NETWORK, conflict, parties, "who pays for the night shift", day(on), null, null);
    }

    public static ConflictProgressed ladder(UUID conflict, int step, Intervention intervention, String on) {
        return new ConflictProgressed(NETWORK, conflict, step, intervention, day(on), null, null);
    }

    public static ConflictResolved resolved(UUID conflict, String how, String on) {
        return new ConflictResolved(NETWORK, conflict, how, day(on), null, null);
    }

    public static MeetingHeld meeting(UUID meeting, MeetingKind kind, List<Attendance> attendance, String on) {
        return new MeetingHeld(NETWORK, meeting, kind, Modality.IN_PERSON, "steering group", attendance, day(on), null,
                               null);
    }

    public static MeetingCancelled cancelled(UUID partner, String purpose, String on) {
        return new MeetingCancelled(NETWORK, partner, purpose, day(on), null, null);
    }

    public static SubCoalitionFormed coalitionFormed(UUID coalition, String name, List<UUID> members, String on) {
        return new SubCoalitionFormed(NETWORK, coalition, name, "night care", members, day(on), null, null);
    }

    public static SubCoalitionChanged coalitionChanged(UUID coalition, String name, List<UUID> members, String on) {
        return new SubCoalitionChanged(NETWORK, coalition, name, "night care", members, day(on), null, null);
    }

    public static SubCoalitionDissolved coalitionDissolved(UUID coalition, String on) {
        return new SubCoalitionDissolved(NETWORK, coalition, day(on), null, null);
    }

    public static RegionalAnalysisShared analysis(String title, List<UUID> endorsing, String on) {
        return new RegionalAnalysisShared(NETWORK, title, List.of("CBS figures"), List.of("resident interviews"),
                                          endorsing, day(on), null, null);
    }

    public static ContextChanged context(ContextKind kind, UUID partner, Direction direction, String on) {
        return new ContextChanged(NETWORK, kind, partner, direction, "insurer changes funding", day(on), null, null);
    }

    public static AccountabilityRequested accountability(String requester, List<UUID> partners, boolean aligned,
                                                         String on) {
        return new AccountabilityRequested(NETWORK, requester, partners, aligned, day(on), null, null);
    }

    public static SuccessAchieved success(String title, String on) {
        return new SuccessAchieved(NETWORK, SuccessKind.GRANT, title, day(on), null, null);
    }

    public static EntryCorrected corrected(String target, NetworkEvent replacement, String on) {
        return new EntryCorrected(NETWORK, target, "logged wrongly", replacement, day(on), null, null);
    }

    public static EntryRetracted retracted(String target, String on) {
        return new EntryRetracted(NETWORK, target, "never happened", day(on), null, null);
    }
}
