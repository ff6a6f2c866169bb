package nl.samenspel.query.facts;

import nl.samenspel.kernel.agreement.AgreementMade;
import nl.samenspel.kernel.agreement.AgreementOutcomeRecorded;
import nl.samenspel.kernel.ambition.AmbitionEndorsed;
import nl.samenspel.kernel.ambition.AmbitionStated;
import nl.samenspel.kernel.ambition.InterestDeclared;
import nl.samenspel.kernel.evaluation.EvaluationClosed;
import nl.samenspel.kernel.evaluation.EvaluationOpened;
import nl.samenspel.kernel.evaluation.EvaluationResponseRecorded;
import nl.samenspel.kernel.evaluation.ImprovementActionAgreed;
import nl.samenspel.kernel.evaluation.ImprovementActionCompleted;
import nl.samenspel.kernel.exchange.BalanceAssessed;
import nl.samenspel.kernel.exchange.ContributionRecorded;
import nl.samenspel.kernel.exchange.ContributionStatusChanged;
import nl.samenspel.kernel.exchange.ValueRealised;
import nl.samenspel.kernel.history.Standing;
import nl.samenspel.kernel.meeting.MeetingCancelled;
import nl.samenspel.kernel.meeting.MeetingHeld;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.NetworkFounded;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.network.PartnerJoined;
import nl.samenspel.kernel.network.PartnerParticipationChanged;
import nl.samenspel.kernel.network.PartnerWithdrew;
import nl.samenspel.kernel.network.PhaseChanged;
import nl.samenspel.kernel.people.NetworkRoleAssigned;
import nl.samenspel.kernel.people.NetworkRoleEnded;
import nl.samenspel.kernel.people.RepresentativeAppointed;
import nl.samenspel.kernel.people.RepresentativeDeparted;
import nl.samenspel.kernel.structure.AccountabilityRequested;
import nl.samenspel.kernel.structure.ContextChanged;
import nl.samenspel.kernel.structure.RegionalAnalysisShared;
import nl.samenspel.kernel.structure.SubCoalitionChanged;
import nl.samenspel.kernel.structure.SubCoalitionDissolved;
import nl.samenspel.kernel.structure.SubCoalitionFormed;
import nl.samenspel.kernel.structure.SuccessAchieved;
import nl.samenspel.kernel.tension.ConflictProgressed;
import nl.samenspel.kernel.tension.ConflictRegistered;
import nl.samenspel.kernel.tension.ConflictResolved;
import nl.samenspel.kernel.tension.TemperatureMeasured;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The raw facts of one network that a network page shows, folded from its log: partners and their representatives,
 * roles, ambition, agreements, give and take, evaluations, tension, meetings, structure and context.
 *
 * <p>A pure fold, free of storage and framework: {@link #fold(List)} applies the corrections in a log
 * ({@link EffectiveHistory}) and folds the entries that count; {@link #apply(LoggedEntry)} adds one more entry that is
 * not a correction. Folding a log in one go and folding it entry by entry give the same facts, as long as every
 * correction goes through {@link #fold(List)} (a correction can change any earlier entry, so it needs the log).
 *
 * <p>Facts that name something the log does not know (an outcome of an agreement that was retracted, say) are left
 * out rather than guessed at; partners and people stay named by id, so views can show them even after they left.
 */
public final class NetworkFacts {
    private NetworkInfo network;
    private final List<PhaseStep> phases = new ArrayList<>();
    private final List<Partner> partners = new ArrayList<>();
    private final List<Representative> representatives = new ArrayList<>();
    private final List<RoleHeld> roles = new ArrayList<>();
    private final List<AmbitionVersion> ambitionVersions = new ArrayList<>();
    private final List<Endorsement> endorsements = new ArrayList<>();
    private final List<Interest> interests = new ArrayList<>();
    private final List<Agreement> agreements = new ArrayList<>();
    private final List<Contribution> contributions = new ArrayList<>();
    private final List<ValueClaim> valueClaims = new ArrayList<>();
    private final List<BalanceAssessment> balanceAssessments = new ArrayList<>();
    private final List<Evaluation> evaluations = new ArrayList<>();
    private final List<ImprovementAction> improvementActions = new ArrayList<>();
    private final List<TemperatureReading> temperatureReadings = new ArrayList<>();
    private final List<Conflict> conflicts = new ArrayList<>();
    private final List<Meeting> meetings = new ArrayList<>();
    private final List<MeetingCancellation> meetingCancellations = new ArrayList<>();
    private final List<SubCoalition> subCoalitions = new ArrayList<>();
    private final List<ContextChange> contextChanges = new ArrayList<>();
    private final List<AccountabilityRequest> accountabilityRequests = new ArrayList<>();
    private final List<Success> successes = new ArrayList<>();
    private final List<RegionalAnalysis> regionalAnalyses = new ArrayList<>();
    private final List<EffectiveHistory.Correction> corrections = new ArrayList<>();
    private long effectiveEntries;

    private NetworkFacts() {
    }

    /** The facts of a network of which nothing is logged yet. */
    public static NetworkFacts empty() {
        return new NetworkFacts();
    }

    /** The facts of a network's whole log (in log order), with every correction and retraction in it applied. */
    public static NetworkFacts fold(List<LoggedEntry> log) {
        EffectiveHistory history = EffectiveHistory.of(log);
        NetworkFacts facts = new NetworkFacts();
        List<LoggedEntry> people = new ArrayList<>();
        for (LoggedEntry entry : history.entries()) {
            if (isPartnersAndPeople(entry.event())) {
                people.add(entry);
                facts.effectiveEntries++;
            } else {
                facts.apply(entry);
            }
        }
        facts.foldPartnersAndPeople(people);
        facts.corrections.addAll(history.corrections());
        return facts;
    }

    /** Goes on from facts folded earlier. */
    public static NetworkFacts restore(FactsSnapshot snapshot) {
        NetworkFacts facts = new NetworkFacts();
        facts.network = snapshot.network();
        facts.phases.addAll(snapshot.phases());
        facts.partners.addAll(snapshot.partners());
        facts.representatives.addAll(snapshot.representatives());
        facts.roles.addAll(snapshot.roles());
        facts.ambitionVersions.addAll(snapshot.ambitionVersions());
        facts.endorsements.addAll(snapshot.endorsements());
        facts.interests.addAll(snapshot.interests());
        facts.agreements.addAll(snapshot.agreements());
        facts.contributions.addAll(snapshot.contributions());
        facts.valueClaims.addAll(snapshot.valueClaims());
        facts.balanceAssessments.addAll(snapshot.balanceAssessments());
        facts.evaluations.addAll(snapshot.evaluations());
        facts.improvementActions.addAll(snapshot.improvementActions());
        facts.temperatureReadings.addAll(snapshot.temperatureReadings());
        facts.conflicts.addAll(snapshot.conflicts());
        facts.meetings.addAll(snapshot.meetings());
        facts.meetingCancellations.addAll(snapshot.meetingCancellations());
        facts.subCoalitions.addAll(snapshot.subCoalitions());
        facts.contextChanges.addAll(snapshot.contextChanges());
        facts.accountabilityRequests.addAll(snapshot.accountabilityRequests());
        facts.successes.addAll(snapshot.successes());
        facts.regionalAnalyses.addAll(snapshot.regionalAnalyses());
        facts.corrections.addAll(snapshot.corrections());
        facts.effectiveEntries = snapshot.effectiveEntries();
        return facts;
    }

    public FactsSnapshot snapshot() {
        return new FactsSnapshot(network, phases, partners, representatives, roles, ambitionVersions, endorsements,
                                 interests, agreements, contributions, valueClaims, balanceAssessments, evaluations,
                                 improvementActions, temperatureReadings, conflicts, meetings, meetingCancellations,
                                 subCoalitions, contextChanges, accountabilityRequests, successes, regionalAnalyses,
                                 corrections, effectiveEntries);
    }

    public void apply(LoggedEntry entry) {
        apply(entry.eventId(), entry.event());
    }

    /**
     * Adds one entry that states a fact. A correction or retraction is refused: it can change any earlier entry, so
     * it is applied by folding the log again ({@link #fold(List)}).
     */
    public void apply(String eventId, NetworkEvent event) {
        if (EffectiveHistory.isCorrection(event)) {
            throw new IllegalArgumentException("A correction needs the log it corrects; fold the log instead");
        }
        effectiveEntries++;
        if (event instanceof NetworkFounded e) {
            network = new NetworkInfo(e.name(), e.sector(), e.region(), e.collaborationForm(),
                                      e.societalTask(), e.foundedOn(), eventId);
        } else if (event instanceof PhaseChanged e) {
            phases.add(new PhaseStep(e.phase(), e.rationale(), e.occurredOn(), eventId));
        } else if (isPartnersAndPeople(event)) {
            List<LoggedEntry> people = partnersAndPeople(snapshot());
            people.add(new LoggedEntry(eventId, event));
            foldPartnersAndPeople(people);
        } else if (event instanceof AmbitionStated || event instanceof AmbitionEndorsed
                || event instanceof InterestDeclared || event instanceof AgreementMade
                || event instanceof AgreementOutcomeRecorded) {
            applyAmbitionAndAgreements(eventId, event);
        } else if (event instanceof ContributionRecorded || event instanceof ContributionStatusChanged
                || event instanceof ValueRealised || event instanceof BalanceAssessed) {
            applyGiveAndTake(eventId, event);
        } else if (event instanceof EvaluationOpened || event instanceof EvaluationResponseRecorded
                || event instanceof EvaluationClosed || event instanceof ImprovementActionAgreed
                || event instanceof ImprovementActionCompleted) {
            applyEvaluations(eventId, event);
        } else if (event instanceof TemperatureMeasured || event instanceof ConflictRegistered
                || event instanceof ConflictProgressed || event instanceof ConflictResolved
                || event instanceof MeetingHeld || event instanceof MeetingCancelled) {
            applyTensionAndMeetings(eventId, event);
        } else {
            applyStructureAndContext(eventId, event);
        }
    }

    private static boolean isPartnersAndPeople(NetworkEvent event) {
        return event instanceof PartnerJoined || event instanceof PartnerParticipationChanged
                || event instanceof PartnerWithdrew || event instanceof RepresentativeAppointed
                || event instanceof RepresentativeDeparted || event instanceof NetworkRoleAssigned
                || event instanceof NetworkRoleEnded;
    }

    /**
     * Partners, representatives and roles as the shared definition ({@link Standing}) reads them: in business order,
     * whatever order the entries arrived in. An entry logged late can change how appointments and departures pair up,
     * so the three lists are folded again from all partner and people entries each time one comes in.
     */
    private void foldPartnersAndPeople(List<LoggedEntry> entries) {
        Standing standing = Standing.of(entries, LoggedEntry::eventId, LoggedEntry::event);
        partners.clear();
        for (Standing.Membership m : standing.partners()) {
            PartnerJoined joined = m.joined();
            List<Partner.LevelChange> levels = m.levels().stream()
                    .map(c -> new Partner.LevelChange(c.level(), c.since(), c.eventId())).toList();
            partners.add(new Partner(m.partnerId(), joined.name(), joined.partnerType(), m.level(), levels,
                                     joined.motives(), m.joinedOn(), m.withdrawnOn(),
                                     m.withdrawal() == null ? null : m.withdrawal().reason(), m.joinedEventId()));
        }
        representatives.clear();
        for (Standing.Post p : standing.posts()) {
            RepresentativeAppointed a = p.appointment();
            RepresentativeDeparted d = p.departure();
            representatives.add(new Representative(p.partnerId(), p.personRef(), p.level(), a == null ? null : a.role(),
                                                   p.appointedOn(), p.departedOn(), d == null ? null : d.handover(),
                                                   d == null ? null : d.reason(), p.appointedEventId(),
                                                   p.departedEventId()));
        }
        roles.clear();
        for (Standing.Term t : standing.terms()) {
            NetworkRoleAssigned a = t.assignment();
            roles.add(new RoleHeld(t.role(), t.personRef(), t.partnerId(),
                                   a != null && Boolean.TRUE.equals(a.grantedByNetwork()), t.since(), t.endedOn(),
                                   t.assignedEventId(), t.endEventId()));
        }
    }

    /** Who stands where in the network on any date, read from stored facts. */
    static Standing standing(FactsSnapshot facts) {
        return Standing.of(partnersAndPeople(facts), LoggedEntry::eventId, LoggedEntry::event);
    }

    /**
     * The partner and people entries that stored facts were folded from, written out again from the facts (a
     * withdrawal keeps no event id of its own, so it gets one made from the joining's): what a late entry is folded
     * with, since stored facts keep no log.
     */
    private static List<LoggedEntry> partnersAndPeople(FactsSnapshot facts) {
        List<LoggedEntry> entries = new ArrayList<>();
        for (Partner p : facts.partners()) {
            ParticipationLevel joinedAs = p.participationHistory().stream()
                    .filter(c -> Objects.equals(c.eventId(), p.eventId())).map(Partner.LevelChange::level)
                    .findFirst().orElse(p.participationLevel());
            entries.add(new LoggedEntry(p.eventId(), new PartnerJoined(null, p.partnerId(), p.name(), p.partnerType(),
                                                                       joinedAs, p.motives(), p.joinedOn(), null, null)));
            p.participationHistory().stream().filter(c -> !Objects.equals(c.eventId(), p.eventId()))
             .forEach(c -> entries.add(new LoggedEntry(c.eventId(), new PartnerParticipationChanged(
                     null, p.partnerId(), c.level(), c.since(), null, null))));
            if (p.withdrawnOn() != null) {
                entries.add(new LoggedEntry("withdrawal-of-" + p.eventId(), new PartnerWithdrew(
                        null, p.partnerId(), p.withdrawalReason(), p.withdrawnOn(), null, null)));
            }
        }
        for (Representative r : facts.representatives()) {
            if (r.appointedOn() != null) {
                entries.add(new LoggedEntry(r.eventId(), new RepresentativeAppointed(
                        null, r.partnerId(), r.personRef(), r.level(), r.role(), r.appointedOn(), null, null)));
            }
            if (r.departedOn() != null) {
                entries.add(new LoggedEntry(r.departureEventId(), new RepresentativeDeparted(
                        null, r.partnerId(), r.personRef(), r.level(), r.handover(), r.departureReason(), r.departedOn(),
                        null, null)));
            }
        }
        for (RoleHeld r : facts.roles()) {
            if (r.since() != null) {
                entries.add(new LoggedEntry(r.eventId(), new NetworkRoleAssigned(
                        null, r.role(), r.personRef(), r.partnerId(), r.grantedByNetwork(), r.since(), null, null)));
            }
            if (r.endedOn() != null) {
                entries.add(new LoggedEntry(r.endEventId(), new NetworkRoleEnded(
                        null, r.role(), r.personRef(), r.partnerId(), r.endedOn(), null, null)));
            }
        }
        return entries;
    }

    private void applyAmbitionAndAgreements(String eventId, NetworkEvent event) {
        if (event instanceof AmbitionStated e) {
            AmbitionVersion version = new AmbitionVersion(e.version(), e.statement(), e.occurredOn(), eventId);
            if (!update(ambitionVersions, v -> Objects.equals(v.version(), e.version()), v -> version)) {
                ambitionVersions.add(version);
            }
        } else if (event instanceof AmbitionEndorsed e) {
            endorsements.add(new Endorsement(e.partnerId(), e.level(), e.ambitionVersion(), e.stance(), e.occurredOn(),
                                             eventId));
        } else if (event instanceof InterestDeclared e) {
            interests.add(new Interest(e.partnerId(), e.scope(), e.motive(), e.disclosure(), e.summary(),
                                       e.occurredOn(), eventId));
        } else if (event instanceof AgreementMade e) {
            Agreement made = new Agreement(e.agreementId(), e.title(), e.kind(), e.ruleTheme(), e.partyIds(),
                                           e.dueOn(), e.occurredOn(), List.of(), eventId);
            if (!update(agreements, a -> Objects.equals(a.agreementId(), e.agreementId()), a -> made)) {
                agreements.add(made);
            }
        } else if (event instanceof AgreementOutcomeRecorded e) {
            update(agreements, a -> Objects.equals(a.agreementId(), e.agreementId()),
                   a -> a.withOutcome(new Agreement.Outcome(e.outcome(), e.responsiblePartnerId(), e.occurredOn(),
                                                            eventId)));
        }
    }

    private void applyGiveAndTake(String eventId, NetworkEvent event) {
        if (event instanceof ContributionRecorded e) {
            contributions.add(new Contribution(
                    e.contributionId(), e.fromPartnerId(), e.toPartnerId(), e.kind(), e.quantity(), e.unit(),
                    e.estimatedValueEur(), e.capital(), e.status(), e.occurredOn(),
                    List.of(new Contribution.StatusChange(e.status(), e.occurredOn(), eventId)), eventId));
        } else if (event instanceof ContributionStatusChanged e) {
            update(contributions, c -> Objects.equals(c.contributionId(), e.contributionId()),
                   c -> c.withStatus(new Contribution.StatusChange(e.status(), e.occurredOn(), eventId)));
        } else if (event instanceof ValueRealised e) {
            valueClaims.add(new ValueClaim(e.beneficiaryPartnerId(), e.beneficiaryGroup(), e.capital(), e.questionId(),
                                           e.description(), e.evidence(), e.occurredOn(), eventId));
        } else if (event instanceof BalanceAssessed e) {
            balanceAssessments.add(new BalanceAssessment(e.partnerId(), e.rating(), e.note(), e.occurredOn(), eventId));
        }
    }

    private void applyEvaluations(String eventId, NetworkEvent event) {
        if (event instanceof EvaluationOpened e) {
            evaluations.add(new Evaluation(e.evaluationId(), e.instrument(), e.title(), Boolean.TRUE.equals(e.joint()),
                                           e.subCoalitionId(), e.occurredOn(), null, List.of(), List.of(), eventId));
        } else if (event instanceof EvaluationResponseRecorded e) {
            List<Integer> scores = e.scores() == null ? List.of() : e.scores();
            if (Boolean.TRUE.equals(e.anonymous())) {
                // Who answered, at which level and when is dropped here, so that no read model ever holds it.
                update(evaluations, v -> Objects.equals(v.evaluationId(), e.evaluationId()),
                       v -> v.withAnonymousAnswer(new Evaluation.AnonymousAnswer(scores, e.comment())));
            } else {
                update(evaluations, v -> Objects.equals(v.evaluationId(), e.evaluationId()),
                       v -> v.withResponse(new Evaluation.Response(e.respondentPartnerId(), e.level(), scores,
                                                                   e.comment(), e.occurredOn(), eventId)));
            }
        } else if (event instanceof EvaluationClosed e) {
            update(evaluations, v -> Objects.equals(v.evaluationId(), e.evaluationId()), v -> v.closed(e.occurredOn()));
        } else if (event instanceof ImprovementActionAgreed e) {
            improvementActions.add(new ImprovementAction(e.actionId(), e.evaluationId(), e.title(), e.ownerPartnerId(),
                                                         e.dueOn(), e.occurredOn(), null, eventId));
        } else if (event instanceof ImprovementActionCompleted e) {
            update(improvementActions, a -> Objects.equals(a.actionId(), e.actionId()), a -> a.completedOn(e.occurredOn()));
        }
    }

    private void applyTensionAndMeetings(String eventId, NetworkEvent event) {
        if (event instanceof TemperatureMeasured e) {
            boolean network = e.pair() == null || e.pair().isEmpty();
            List<UUID> pair = network ? null
                    : e.pair().stream().sorted(Comparator.comparing(UUID::toString)).toList();
            temperatureReadings.add(new TemperatureReading(network ? TemperatureReading.NETWORK : TemperatureReading.PAIR,
                                                           pair, e.level(), e.signals(), e.occurredOn(), eventId));
        } else if (event instanceof ConflictRegistered e) {
            conflicts.add(new Conflict(e.conflictId(), e.partyIds(), e.issue(), e.occurredOn(), List.of(), null, null,
                                       eventId));
        } else if (event instanceof ConflictProgressed e) {
            update(conflicts, c -> Objects.equals(c.conflictId(), e.conflictId()),
                   c -> c.progressed(new Conflict.LadderStep(e.ladderStep(), e.intervention(), e.occurredOn(), eventId)));
        } else if (event instanceof ConflictResolved e) {
            update(conflicts, c -> Objects.equals(c.conflictId(), e.conflictId()), c -> c.resolved(e.occurredOn(), e.resolution()));
        } else if (event instanceof MeetingHeld e) {
            meetings.add(new Meeting(e.meetingId(), e.kind(), e.modality(), e.purpose(), e.attendance(), e.occurredOn(),
                                     eventId));
        } else if (event instanceof MeetingCancelled e) {
            meetingCancellations.add(new MeetingCancellation(e.cancelledByPartnerId(), e.purpose(), e.occurredOn(),
                                                             eventId));
        }
    }

    private void applyStructureAndContext(String eventId, NetworkEvent event) {
        if (event instanceof SubCoalitionFormed e) {
            subCoalitions.add(SubCoalition.formed(e.coalitionId(), new SubCoalition.Composition(
                    e.name(), e.issue(), e.memberIds(), e.occurredOn(), eventId)));
        } else if (event instanceof SubCoalitionChanged e) {
            update(subCoalitions, s -> Objects.equals(s.coalitionId(), e.coalitionId()),
                   s -> s.changed(new SubCoalition.Composition(e.name(), e.issue(), e.memberIds(), e.occurredOn(),
                                                               eventId)));
        } else if (event instanceof SubCoalitionDissolved e) {
            update(subCoalitions, s -> Objects.equals(s.coalitionId(), e.coalitionId()), s -> s.dissolved(e.occurredOn()));
        } else if (event instanceof RegionalAnalysisShared e) {
            regionalAnalyses.add(new RegionalAnalysis(e.title(), e.quantitativeSources(), e.qualitativeSources(),
                                                      e.endorsingPartnerIds(), e.occurredOn(), eventId));
        } else if (event instanceof ContextChanged e) {
            contextChanges.add(new ContextChange(e.kind(), e.partnerId(), e.direction(), e.summary(), e.occurredOn(),
                                                 eventId));
        } else if (event instanceof AccountabilityRequested e) {
            accountabilityRequests.add(new AccountabilityRequest(e.requester(), e.partnerIds(),
                                                                 Boolean.TRUE.equals(e.alignedWithOtherRequests()),
                                                                 e.occurredOn(), eventId));
        } else if (event instanceof SuccessAchieved e) {
            successes.add(new Success(e.kind(), e.title(), e.occurredOn(), eventId));
        } else {
            // A kind of entry this fold does not know (a newer catalogue) states nothing it could show.
            effectiveEntries--;
        }
    }

    /** Replaces the most recent element that matches; false when none does. */
    private static <T> boolean update(List<T> list, Predicate<T> match, UnaryOperator<T> change) {
        for (int i = list.size() - 1; i >= 0; i--) {
            if (match.test(list.get(i))) {
                list.set(i, Objects.requireNonNull(change.apply(list.get(i))));
                return true;
            }
        }
        return false;
    }

    public NetworkInfo network() {
        return network;
    }

    /** How many entries the facts were folded from, after corrections. */
    public long effectiveEntries() {
        return effectiveEntries;
    }
}
