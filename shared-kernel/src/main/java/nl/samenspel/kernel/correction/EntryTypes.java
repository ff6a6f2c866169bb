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

/**
 * The event catalogue (v1): every kind of entry a coordinator can log, by its wire name (as in
 * {@code POST /api/networks/{id}/entries/{type}}), with the field that holds the id of what it creates, if any.
 */
public final class EntryTypes {

    /** One kind of entry. */
    public record EntryType(Class<? extends NetworkEvent> eventClass, String wireName, String createdIdField) {
    }

    private static final List<EntryType> ALL = List.of(
            entry(NetworkFounded.class, "network-founded", "networkId"),
            entry(PartnerJoined.class, "partner-joined", "partnerId"),
            entry(PartnerWithdrew.class, "partner-withdrew", null),
            entry(PhaseChanged.class, "phase-changed", null),
            entry(PartnerParticipationChanged.class, "partner-participation-changed", null),
            entry(RepresentativeAppointed.class, "representative-appointed", null),
            entry(RepresentativeDeparted.class, "representative-departed", null),
            entry(NetworkRoleAssigned.class, "network-role-assigned", null),
            entry(NetworkRoleEnded.class, "network-role-ended", null),
            entry(AmbitionStated.class, "ambition-stated", null),
            entry(AmbitionEndorsed.class, "ambition-endorsed", null),
            entry(InterestDeclared.class, "interest-declared", null),
            entry(AgreementMade.class, "agreement-made", "agreementId"),
            entry(AgreementOutcomeRecorded.class, "agreement-outcome-recorded", null),
            entry(ContributionRecorded.class, "contribution-recorded", "contributionId"),
            entry(ContributionStatusChanged.class, "contribution-status-changed", null),
            entry(ValueRealised.class, "value-realised", null),
            entry(BalanceAssessed.class, "balance-assessed", null),
            entry(EvaluationOpened.class, "evaluation-opened", "evaluationId"),
            entry(EvaluationResponseRecorded.class, "evaluation-response-recorded", null),
            entry(EvaluationClosed.class, "evaluation-closed", null),
            entry(ImprovementActionAgreed.class, "improvement-action-agreed", "actionId"),
            entry(ImprovementActionCompleted.class, "improvement-action-completed", null),
            entry(TemperatureMeasured.class, "temperature-measured", null),
            entry(ConflictRegistered.class, "conflict-registered", "conflictId"),
            entry(ConflictProgressed.class, "conflict-progressed", null),
            entry(ConflictResolved.class, "conflict-resolved", null),
            entry(MeetingHeld.class, "meeting-held", "meetingId"),
            entry(MeetingCancelled.class, "meeting-cancelled", null),
            entry(SubCoalitionFormed.class, "sub-coalition-formed", "coalitionId"),
            entry(SubCoalitionChanged.class, "sub-coalition-changed", null),
            entry(SubCoalitionDissolved.class, "sub-coalition-dissolved", null),
            entry(RegionalAnalysisShared.class, "regional-analysis-shared", null),
            entry(ContextChanged.class, "context-changed", null),
            entry(AccountabilityRequested.class, "accountability-requested", null),
            entry(SuccessAchieved.class, "success-achieved", null),
            entry(HealthPolicyChanged.class, "health-policy-changed", null),
            entry(EntryCorrected.class, "entry-corrected", null),
            entry(EntryRetracted.class, "entry-retracted", null));

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

    private static EntryType entry(Class<? extends NetworkEvent> eventClass, String wireName, String createdIdField) {
        return new EntryType(eventClass, wireName, createdIdField);
    }

    public static List<EntryType> all() {
        return ALL;
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
