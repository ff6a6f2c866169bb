package nl.samenspel.kernel.correction;

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
import nl.samenspel.kernel.meeting.MeetingCancelled;
import nl.samenspel.kernel.meeting.MeetingHeld;
import nl.samenspel.kernel.network.NetworkFounded;
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
import nl.samenspel.kernel.health.HealthPolicyChanged;
import nl.samenspel.kernel.network.NetworkEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static nl.samenspel.kernel.correction.EntryGroup.*;

/**
 * The event catalogue (v1): every kind of entry a coordinator can log, by its wire name (as in
 * {@code POST /api/networks/{id}/entries/{type}}), with its group and the field that holds the id of what it creates,
 * if any. The JSON type of a correction's replacement, the API description, the import columns and the web forms all
 * derive from this list: a new kind of entry is added here, beside its record, its rules and the folds that read it.
 */
public final class EntryTypes {

    /** One kind of entry. */
    public record EntryType(EntryGroup group, Class<? extends NetworkEvent> eventClass, String wireName,
                            String createdIdField) {
        /** A correction can replace an entry of this kind; corrections themselves are not corrected but retracted. */
        public boolean correctable() {
            return group != EntryGroup.CORRECTIONS;
        }
    }

    private static final List<EntryType> ALL = List.of(
            entry(NETWORK, NetworkFounded.class, "network-founded", "networkId"),
            entry(NETWORK, PhaseChanged.class, "phase-changed", null),
            entry(NETWORK, HealthPolicyChanged.class, "health-policy-changed", null),
            entry(PARTNERS, PartnerJoined.class, "partner-joined", "partnerId"),
            entry(PARTNERS, PartnerParticipationChanged.class, "partner-participation-changed", null),
            entry(PARTNERS, PartnerWithdrew.class, "partner-withdrew", null),
            entry(PEOPLE, RepresentativeAppointed.class, "representative-appointed", null),
            entry(PEOPLE, RepresentativeDeparted.class, "representative-departed", null),
            entry(PEOPLE, NetworkRoleAssigned.class, "network-role-assigned", null),
            entry(PEOPLE, NetworkRoleEnded.class, "network-role-ended", null),
            entry(AMBITION, AmbitionStated.class, "ambition-stated", null),
            entry(AMBITION, AmbitionEndorsed.class, "ambition-endorsed", null),
            entry(AMBITION, InterestDeclared.class, "interest-declared", null),
            entry(AGREEMENTS, AgreementMade.class, "agreement-made", "agreementId"),
            entry(AGREEMENTS, AgreementOutcomeRecorded.class, "agreement-outcome-recorded", null),
            entry(EXCHANGE, ContributionRecorded.class, "contribution-recorded", "contributionId"),
            entry(EXCHANGE, ContributionStatusChanged.class, "contribution-status-changed", null),
            entry(EXCHANGE, ValueRealised.class, "value-realised", null),
            entry(EXCHANGE, BalanceAssessed.class, "balance-assessed", null),
            entry(EVALUATIONS, EvaluationOpened.class, "evaluation-opened", "evaluationId"),
            entry(EVALUATIONS, EvaluationResponseRecorded.class, "evaluation-response-recorded", null),
            entry(EVALUATIONS, EvaluationClosed.class, "evaluation-closed", null),
            entry(EVALUATIONS, ImprovementActionAgreed.class, "improvement-action-agreed", "actionId"),
            entry(EVALUATIONS, ImprovementActionCompleted.class, "improvement-action-completed", null),
            entry(TENSION, TemperatureMeasured.class, "temperature-measured", null),
            entry(TENSION, ConflictRegistered.class, "conflict-registered", "conflictId"),
            entry(TENSION, ConflictProgressed.class, "conflict-progressed", null),
            entry(TENSION, ConflictResolved.class, "conflict-resolved", null),
            entry(MEETINGS, MeetingHeld.class, "meeting-held", "meetingId"),
            entry(MEETINGS, MeetingCancelled.class, "meeting-cancelled", null),
            entry(STRUCTURE, SubCoalitionFormed.class, "sub-coalition-formed", "coalitionId"),
            entry(STRUCTURE, SubCoalitionChanged.class, "sub-coalition-changed", null),
            entry(STRUCTURE, SubCoalitionDissolved.class, "sub-coalition-dissolved", null),
            entry(STRUCTURE, RegionalAnalysisShared.class, "regional-analysis-shared", null),
            entry(STRUCTURE, ContextChanged.class, "context-changed", null),
            entry(STRUCTURE, AccountabilityRequested.class, "accountability-requested", null),
            entry(STRUCTURE, SuccessAchieved.class, "success-achieved", null),
            entry(CORRECTIONS, EntryCorrected.class, "entry-corrected", null),
            entry(CORRECTIONS, EntryRetracted.class, "entry-retracted", null));

    private static final Map<String, EntryType> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<?>, EntryType> BY_CLASS = new LinkedHashMap<>();

    static {
        for (EntryType type : ALL) {
            BY_NAME.put(type.wireName(), type);
            BY_CLASS.put(type.eventClass(), type);
        }
    }

    private EntryTypes() {
    }

    private static EntryType entry(EntryGroup group, Class<? extends NetworkEvent> eventClass, String wireName,
                                   String createdIdField) {
        return new EntryType(group, eventClass, wireName, createdIdField);
    }

    /** Every kind, grouped and ordered as in the catalogue. */
    public static List<EntryType> all() {
        return ALL;
    }

    /** The kinds a correction can replace. */
    public static List<EntryType> correctable() {
        return ALL.stream().filter(EntryType::correctable).toList();
    }

    public static Optional<EntryType> byWireName(String wireName) {
        return Optional.ofNullable(BY_NAME.get(wireName));
    }

    public static EntryType of(Class<?> eventClass) {
        EntryType type = BY_CLASS.get(eventClass);
        if (type == null) {
            throw new IllegalArgumentException("Not in the event catalogue: " + eventClass.getName());
        }
        return type;
    }
}
