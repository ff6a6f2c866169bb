package nl.samenspel.command.network;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import nl.samenspel.command.network.NetworkState.PartnerFacts;
import nl.samenspel.kernel.agreement.AgreementKind;
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
import nl.samenspel.kernel.evaluation.Instrument;
import nl.samenspel.kernel.exchange.BalanceAssessed;
import nl.samenspel.kernel.exchange.ContributionRecorded;
import nl.samenspel.kernel.exchange.ContributionStatus;
import nl.samenspel.kernel.exchange.ContributionStatusChanged;
import nl.samenspel.kernel.exchange.ValueRealised;
import nl.samenspel.kernel.health.HealthPolicy;
import nl.samenspel.kernel.health.HealthPolicyChanged;
import nl.samenspel.kernel.history.Standing;
import nl.samenspel.kernel.meeting.Attendance;
import nl.samenspel.kernel.meeting.MeetingCancelled;
import nl.samenspel.kernel.meeting.MeetingHeld;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.PartnerJoined;
import nl.samenspel.kernel.network.PartnerParticipationChanged;
import nl.samenspel.kernel.network.PartnerWithdrew;
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
import nl.samenspel.kernel.tension.ConflictProgressed;
import nl.samenspel.kernel.tension.ConflictRegistered;
import nl.samenspel.kernel.tension.ConflictResolved;
import nl.samenspel.kernel.tension.TemperatureMeasured;
import nl.samenspel.kernel.validation.Checks;
import nl.samenspel.kernel.validation.FieldError;
import nl.samenspel.kernel.validation.RuleViolation;
import nl.samenspel.kernel.validation.Text;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of the event catalogue (domain.md 3.3) that decide whether an entry may join a network's history: its
 * shape (the annotations on the event record), its business date, and what it refers to — partners that are active
 * on that date, agreements, contributions, evaluations, conflicts and sub-coalitions of this network in the right
 * state. Every refusal names the field.
 */
final class EntryRules {
    private static final ValidatorFactory VALIDATORS = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = VALIDATORS.getValidator();
    private static final Map<Instrument, int[]> SCALES = Map.of(
            Instrument.FIVE_CONDITIONS, new int[]{5, 1, 5},
            Instrument.LEARNING_CLIMATE, new int[]{4, 1, 10},
            Instrument.NETWORK_VALUE, new int[]{8, 1, 5});

    private final NetworkState state;
    private final String prefix;

    private EntryRules(NetworkState state, String prefix) {
        this.state = state;
        this.prefix = prefix;
    }

    /** Checks {@code entry} against the network's state; field names get {@code prefix} (for a correction's replacement). */
    static void check(NetworkState state, NetworkEvent entry, LocalDate today, String prefix) {
        checkShape(entry, prefix);
        Checks.start().businessDate(prefix + "occurredOn", entry.occurredOn(), state.foundedOn, today).orThrow();
        new EntryRules(state, prefix).references(entry);
    }

    /** The annotations on the record: required fields, sizes, ranges. All broken ones are reported together. */
    static void checkShape(Object entry, String prefix) {
        Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(entry);
        if (!violations.isEmpty()) {
            List<FieldError> errors = violations.stream()
                    .map(v -> new FieldError(prefix + v.getPropertyPath().toString().replaceAll("\\.<[^>]+>", ""),
                                             v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field)).toList();
            throw new RuleViolation(RuleViolation.Kind.INVALID, errors);
        }
    }

    private void references(NetworkEvent entry) {
        LocalDate on = entry.occurredOn();
        if (entry instanceof PartnerJoined e) {
            if (state.partner(e.partnerId()).isPresent()) {
                throw conflict("partnerId", "this partner already joined the network");
            }
            String name = Text.nameKey(e.name());
            state.partners().stream().filter(p -> p.activeNow() && Text.nameKey(p.name()).equals(name))
                          .findFirst().ifPresent(p -> {
                              throw conflict("name", "another active partner of this network is already called '"
                                      + p.name() + "'");
                          });
        } else if (entry instanceof PartnerWithdrew e) {
            PartnerFacts partner = known("partnerId", e.partnerId());
            if (!partner.activeNow()) {
                throw conflict("partnerId", "this partner already withdrew on " + partner.withdrawnOn());
            }
            if (on.isBefore(partner.joinedOn())) {
                throw invalid("occurredOn", "lies before the partner joined on " + partner.joinedOn());
            }
        } else if (entry instanceof PartnerParticipationChanged e) {
            active("partnerId", e.partnerId(), on);
        } else if (entry instanceof RepresentativeAppointed e) {
            active("partnerId", e.partnerId(), on);
            if (state.inPostOnOrAfter(e.partnerId(), e.level(), e.personRef(), on)) {
                throw conflict("personRef", "already represents this partner at this level");
            }
        } else if (entry instanceof RepresentativeDeparted e) {
            active("partnerId", e.partnerId(), on);
            Standing.Post post = state.openPost(e.partnerId(), e.level(), e.personRef()).orElseThrow(
                    () -> notFound("personRef", "is not a current representative of this partner at this level"));
            notBefore(on, post.appointedOn(), "the representative was appointed");
        } else if (entry instanceof NetworkRoleAssigned e) {
            active("partnerId", e.partnerId(), on);
            if (state.holdsOnOrAfter(e.role(), e.personRef(), e.partnerId(), on)) {
                throw conflict("role", "this person already holds this role");
            }
        } else if (entry instanceof NetworkRoleEnded e) {
            active("partnerId", e.partnerId(), on);
            Standing.Term term = state.openTerm(e.role(), e.personRef(), e.partnerId()).orElseThrow(
                    () -> notFound("role", "this person does not hold this role for this partner"));
            notBefore(on, term.since(), "the role was assigned");
        } else if (entry instanceof AmbitionStated e) {
            // Not simply "latest + 1": a correction of an older version is checked without that version.
            if (state.ambitionVersions.contains(e.version())) {
                throw conflict("version", "version " + e.version() + " was already stated; correct it, or state version "
                        + (state.latestAmbitionVersion() + 1));
            }
            if (e.version() > state.latestAmbitionVersion() + 1) {
                throw conflict("version", "must be " + (state.latestAmbitionVersion() + 1) + ", the next version");
            }
        } else if (entry instanceof AmbitionEndorsed e) {
            active("partnerId", e.partnerId(), on);
            if (!state.ambitionVersions.contains(e.ambitionVersion())) {
                throw notFound("ambitionVersion", "no ambition version " + e.ambitionVersion() + " was stated");
            }
        } else if (entry instanceof InterestDeclared e) {
            active("partnerId", e.partnerId(), on);
        } else if (entry instanceof AgreementMade e) {
            fresh("agreementId", state.agreements.containsKey(e.agreementId()));
            dueAfter(e.dueOn(), on);
            if (e.kind() == AgreementKind.RULE && e.ruleTheme() == null) {
                throw invalid("ruleTheme", "is required for a rule agreement");
            }
            if (e.kind() != AgreementKind.RULE && e.ruleTheme() != null) {
                throw invalid("ruleTheme", "belongs only to rule agreements");
            }
            activeAll("partyIds", e.partyIds(), on);
        } else if (entry instanceof AgreementOutcomeRecorded e) {
            NetworkState.AgreementFacts agreement = state.agreements.get(e.agreementId());
            if (agreement == null) {
                throw notFound("agreementId", "no agreement with this id in this network");
            }
            active("responsiblePartnerId", e.responsiblePartnerId(), on);
            if (!agreement.partyIds().contains(e.responsiblePartnerId())) {
                throw invalid("responsiblePartnerId", "must be one of the agreement's parties");
            }
        } else if (entry instanceof ContributionRecorded e) {
            fresh("contributionId", state.contributions.containsKey(e.contributionId()));
            active("fromPartnerId", e.fromPartnerId(), on);
            if (e.toPartnerId() != null) {
                if (e.toPartnerId().equals(e.fromPartnerId())) {
                    throw invalid("toPartnerId", "must differ from fromPartnerId (leave it out for the network)");
                }
                active("toPartnerId", e.toPartnerId(), on);
            }
            if (e.status() == ContributionStatus.WITHDRAWN) {
                throw invalid("status", "must be pledged or delivered");
            }
        } else if (entry instanceof ContributionStatusChanged e) {
            ContributionStatus current = state.contributions.get(e.contributionId());
            if (current == null) {
                throw notFound("contributionId", "no contribution with this id in this network");
            }
            if (e.status() == ContributionStatus.PLEDGED) {
                throw invalid("status", "must be delivered or withdrawn");
            }
            if (current == ContributionStatus.WITHDRAWN || current == e.status()) {
                throw conflict("status", "the contribution is already " + current.name().toLowerCase());
            }
        } else if (entry instanceof ValueRealised e) {
            if ((e.beneficiaryPartnerId() == null) == (e.beneficiaryGroup() == null)) {
                throw invalid("beneficiaryPartnerId", "name either a beneficiary partner or a beneficiary group");
            }
            if (e.beneficiaryPartnerId() != null) {
                active("beneficiaryPartnerId", e.beneficiaryPartnerId(), on);
            }
            if (e.questionId() != null && !e.questionId().name().startsWith(e.capital().name().substring(0, 1))) {
                throw invalid("questionId", "question " + e.questionId() + " does not belong to the "
                        + e.capital().name().toLowerCase() + " capital");
            }
        } else if (entry instanceof BalanceAssessed e) {
            active("partnerId", e.partnerId(), on);
        } else if (entry instanceof EvaluationOpened e) {
            fresh("evaluationId", state.evaluations.containsKey(e.evaluationId()));
            if (e.subCoalitionId() != null && !state.activeCoalitions.containsKey(e.subCoalitionId())) {
                throw notFound("subCoalitionId", "no sub-coalition with this id in this network");
            }
        } else if (entry instanceof EvaluationResponseRecorded e) {
            NetworkState.EvaluationFacts evaluation = openEvaluation(e.evaluationId());
            active("respondentPartnerId", e.respondentPartnerId(), on);
            int[] scale = SCALES.get(evaluation.instrument());
            if (e.scores().size() != scale[0]) {
                throw invalid("scores", "needs " + scale[0] + " scores for this instrument, got " + e.scores().size());
            }
            for (int i = 0; i < e.scores().size(); i++) {
                int score = e.scores().get(i);
                if (score < scale[1] || score > scale[2]) {
                    throw invalid("scores[" + i + "]", "must be between " + scale[1] + " and " + scale[2]);
                }
            }
        } else if (entry instanceof EvaluationClosed e) {
            openEvaluation(e.evaluationId());
        } else if (entry instanceof ImprovementActionAgreed e) {
            fresh("actionId", state.improvementActions.containsKey(e.actionId()));
            dueAfter(e.dueOn(), on);
            if (e.evaluationId() != null && !state.evaluations.containsKey(e.evaluationId())) {
                throw notFound("evaluationId", "no evaluation with this id in this network");
            }
            active("ownerPartnerId", e.ownerPartnerId(), on);
        } else if (entry instanceof ImprovementActionCompleted e) {
            Boolean done = state.improvementActions.get(e.actionId());
            if (done == null) {
                throw notFound("actionId", "no improvement action with this id in this network");
            }
            if (done) {
                throw conflict("actionId", "this improvement action was already completed");
            }
            notBeforeStart(on, e.actionId(), "the improvement action was agreed");
        } else if (entry instanceof TemperatureMeasured e) {
            if (e.pair() != null) {
                if (e.pair().get(0).equals(e.pair().get(1))) {
                    throw invalid("pair", "names two different partners (leave it out for the whole network)");
                }
                activeAll("pair", e.pair(), on);
            }
        } else if (entry instanceof ConflictRegistered e) {
            fresh("conflictId", state.openConflicts.containsKey(e.conflictId()));
            activeAll("partyIds", e.partyIds(), on);
        } else if (entry instanceof ConflictProgressed e) {
            openConflict(e.conflictId());
        } else if (entry instanceof ConflictResolved e) {
            openConflict(e.conflictId());
        } else if (entry instanceof MeetingHeld e) {
            fresh("meetingId", state.meetings.contains(e.meetingId()));
            Set<Attendance> seen = new HashSet<>();
            for (int i = 0; i < e.attendance().size(); i++) {
                Attendance attendance = e.attendance().get(i);
                if (!seen.add(attendance)) {
                    throw invalid("attendance[" + i + "]", "lists the same partner and level twice");
                }
                active("attendance[" + i + "].partnerId", attendance.partnerId(), on);
            }
        } else if (entry instanceof MeetingCancelled e) {
            active("cancelledByPartnerId", e.cancelledByPartnerId(), on);
        } else if (entry instanceof SubCoalitionFormed e) {
            fresh("coalitionId", state.activeCoalitions.containsKey(e.coalitionId()));
            activeAll("memberIds", e.memberIds(), on);
        } else if (entry instanceof SubCoalitionChanged e) {
            activeCoalition(e.coalitionId());
            activeAll("memberIds", e.memberIds(), on);
        } else if (entry instanceof SubCoalitionDissolved e) {
            activeCoalition(e.coalitionId());
        } else if (entry instanceof RegionalAnalysisShared e) {
            if (e.endorsingPartnerIds() != null) {
                activeAll("endorsingPartnerIds", e.endorsingPartnerIds(), on);
            }
        } else if (entry instanceof ContextChanged e) {
            if (e.partnerId() != null) {
                active("partnerId", e.partnerId(), on);
            }
        } else if (entry instanceof AccountabilityRequested e) {
            activeAll("partnerIds", e.partnerIds(), on);
        } else if (entry instanceof HealthPolicyChanged e) {
            for (Map.Entry<String, Double> override : e.overrides().entrySet()) {
                HealthPolicy.problem(override.getKey(), override.getValue()).ifPresent(problem -> {
                    throw invalid("overrides." + override.getKey(), problem);
                });
            }
        }
    }

    /** A due date is on or after the date of the entry that sets it. */
    private void dueAfter(LocalDate dueOn, LocalDate on) {
        if (dueOn != null && dueOn.isBefore(on)) {
            throw invalid("dueOn", "lies before the entry's date " + on + " (occurredOn)");
        }
    }

    /** An end (a departure, an ended role, a completion) does not lie before the start it ends. */
    private void notBeforeStart(LocalDate on, Object started, String what) {
        state.startedOn(started).ifPresent(start -> notBefore(on, start, what));
    }

    private void notBefore(LocalDate on, LocalDate start, String what) {
        if (on.isBefore(start)) {
            throw invalid("occurredOn", "lies before " + what + " on " + start);
        }
    }

    private PartnerFacts known(String field, UUID partnerId) {
        return state.partner(partnerId).orElseThrow(() -> notFound(field, "no partner with this id in this network"));
    }

    /** A partner of this network that was active on the entry's date. */
    private void active(String field, UUID partnerId, LocalDate on) {
        PartnerFacts partner = known(field, partnerId);
        if (!partner.activeOn(on)) {
            throw conflict(field, partner.withdrawnOn() != null && !on.isBefore(partner.withdrawnOn())
                    ? "partner " + partner.name() + " withdrew on " + partner.withdrawnOn()
                    : "partner " + partner.name() + " only joined on " + partner.joinedOn());
        }
    }

    private void activeAll(String field, Collection<UUID> partnerIds, LocalDate on) {
        List<UUID> ids = List.copyOf(partnerIds);
        if (new HashSet<>(ids).size() != ids.size()) {
            throw invalid(field, "names a partner more than once");
        }
        for (int i = 0; i < ids.size(); i++) {
            active(field + "[" + i + "]", ids.get(i), on);
        }
    }

    private void fresh(String field, boolean exists) {
        if (exists) {
            throw conflict(field, "an entry with this id already exists");
        }
    }

    private NetworkState.EvaluationFacts openEvaluation(UUID evaluationId) {
        NetworkState.EvaluationFacts evaluation = state.evaluations.get(evaluationId);
        if (evaluation == null) {
            throw notFound("evaluationId", "no evaluation with this id in this network");
        }
        if (!evaluation.open()) {
            throw conflict("evaluationId", "this evaluation is closed");
        }
        return evaluation;
    }

    private void openConflict(UUID conflictId) {
        Boolean open = state.openConflicts.get(conflictId);
        if (open == null) {
            throw notFound("conflictId", "no conflict with this id in this network");
        }
        if (!open) {
            throw conflict("conflictId", "this conflict was resolved");
        }
    }

    private void activeCoalition(UUID coalitionId) {
        Boolean active = state.activeCoalitions.get(coalitionId);
        if (active == null) {
            throw notFound("coalitionId", "no sub-coalition with this id in this network");
        }
        if (!active) {
            throw conflict("coalitionId", "this sub-coalition was dissolved");
        }
    }

    private RuleViolation invalid(String field, String message) {
        return RuleViolation.invalid(prefix + field, message);
    }

    private RuleViolation notFound(String field, String message) {
        return RuleViolation.notFound(prefix + field, message);
    }

    private RuleViolation conflict(String field, String message) {
        return RuleViolation.conflict(prefix + field, message);
    }
}
