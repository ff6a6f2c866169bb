package nl.samenspel.kernel.correction;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
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
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.validation.Name;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An earlier entry of this network was mistaken and is replaced by {@code replacement}, an entry of the same kind.
 * Events are never edited: the history keeps both, views apply the correction, and "as known at" a moment before it
 * shows what was believed then. The replacement names its kind in {@code entryType}.
 */
public record EntryCorrected(@NotNull UUID networkId,
                             @NotBlank @Size(max = 100) @Name String targetEventId,
                             @NotBlank @Size(max = 2000) String reason,
                             @NotNull @Valid
                             @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY,
                                     property = "entryType")
                             @JsonSubTypes({
        @JsonSubTypes.Type(value = nl.samenspel.kernel.health.HealthPolicyChanged.class, name = "health-policy-changed"),
        @JsonSubTypes.Type(value = NetworkFounded.class, name = "network-founded"),
        @JsonSubTypes.Type(value = PartnerJoined.class, name = "partner-joined"),
        @JsonSubTypes.Type(value = PartnerWithdrew.class, name = "partner-withdrew"),
        @JsonSubTypes.Type(value = PhaseChanged.class, name = "phase-changed"),
        @JsonSubTypes.Type(value = PartnerParticipationChanged.class, name = "partner-participation-changed"),
        @JsonSubTypes.Type(value = RepresentativeAppointed.class, name = "representative-appointed"),
        @JsonSubTypes.Type(value = RepresentativeDeparted.class, name = "representative-departed"),
        @JsonSubTypes.Type(value = NetworkRoleAssigned.class, name = "network-role-assigned"),
        @JsonSubTypes.Type(value = NetworkRoleEnded.class, name = "network-role-ended"),
        @JsonSubTypes.Type(value = AmbitionStated.class, name = "ambition-stated"),
        @JsonSubTypes.Type(value = AmbitionEndorsed.class, name = "ambition-endorsed"),
        @JsonSubTypes.Type(value = InterestDeclared.class, name = "interest-declared"),
        @JsonSubTypes.Type(value = AgreementMade.class, name = "agreement-made"),
        @JsonSubTypes.Type(value = AgreementOutcomeRecorded.class, name = "agreement-outcome-recorded"),
        @JsonSubTypes.Type(value = ContributionRecorded.class, name = "contribution-recorded"),
        @JsonSubTypes.Type(value = ContributionStatusChanged.class, name = "contribution-status-changed"),
        @JsonSubTypes.Type(value = ValueRealised.class, name = "value-realised"),
        @JsonSubTypes.Type(value = BalanceAssessed.class, name = "balance-assessed"),
        @JsonSubTypes.Type(value = EvaluationOpened.class, name = "evaluation-opened"),
        @JsonSubTypes.Type(value = EvaluationResponseRecorded.class, name = "evaluation-response-recorded"),
        @JsonSubTypes.Type(value = EvaluationClosed.class, name = "evaluation-closed"),
        @JsonSubTypes.Type(value = ImprovementActionAgreed.class, name = "improvement-action-agreed"),
        @JsonSubTypes.Type(value = ImprovementActionCompleted.class, name = "improvement-action-completed"),
        @JsonSubTypes.Type(value = TemperatureMeasured.class, name = "temperature-measured"),
        @JsonSubTypes.Type(value = ConflictRegistered.class, name = "conflict-registered"),
        @JsonSubTypes.Type(value = ConflictProgressed.class, name = "conflict-progressed"),
        @JsonSubTypes.Type(value = ConflictResolved.class, name = "conflict-resolved"),
        @JsonSubTypes.Type(value = MeetingHeld.class, name = "meeting-held"),
        @JsonSubTypes.Type(value = MeetingCancelled.class, name = "meeting-cancelled"),
        @JsonSubTypes.Type(value = SubCoalitionFormed.class, name = "sub-coalition-formed"),
        @JsonSubTypes.Type(value = SubCoalitionChanged.class, name = "sub-coalition-changed"),
        @JsonSubTypes.Type(value = SubCoalitionDissolved.class, name = "sub-coalition-dissolved"),
        @JsonSubTypes.Type(value = RegionalAnalysisShared.class, name = "regional-analysis-shared"),
        @JsonSubTypes.Type(value = ContextChanged.class, name = "context-changed"),
        @JsonSubTypes.Type(value = AccountabilityRequested.class, name = "accountability-requested"),
        @JsonSubTypes.Type(value = SuccessAchieved.class, name = "success-achieved")
                             })
                             NetworkEvent replacement,
                             @NotNull LocalDate occurredOn,
                             Source source,
                             @Size(max = 2000) String note) implements NetworkEvent {
}
