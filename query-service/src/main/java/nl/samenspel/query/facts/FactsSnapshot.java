package nl.samenspel.query.facts;

import java.util.List;

/**
 * Everything {@link NetworkFacts} knows about one network, as plain values: what the read model stores and what the
 * fold goes on from. A list missing from an older stored snapshot reads as empty.
 */
public record FactsSnapshot(NetworkInfo network,
                            List<PhaseStep> phases,
                            List<Partner> partners,
                            List<Representative> representatives,
                            List<RoleHeld> roles,
                            List<AmbitionVersion> ambitionVersions,
                            List<Endorsement> endorsements,
                            List<Interest> interests,
                            List<Agreement> agreements,
                            List<Contribution> contributions,
                            List<ValueClaim> valueClaims,
                            List<BalanceAssessment> balanceAssessments,
                            List<Evaluation> evaluations,
                            List<ImprovementAction> improvementActions,
                            List<TemperatureReading> temperatureReadings,
                            List<Conflict> conflicts,
                            List<Meeting> meetings,
                            List<MeetingCancellation> meetingCancellations,
                            List<SubCoalition> subCoalitions,
                            List<ContextChange> contextChanges,
                            List<AccountabilityRequest> accountabilityRequests,
                            List<Success> successes,
                            List<RegionalAnalysis> regionalAnalyses,
                            List<EffectiveHistory.Correction> corrections,
                            long effectiveEntries) {

    public FactsSnapshot {
        phases = Lists.copy(phases);
        partners = Lists.copy(partners);
        representatives = Lists.copy(representatives);
        roles = Lists.copy(roles);
        ambitionVersions = Lists.copy(ambitionVersions);
        endorsements = Lists.copy(endorsements);
        interests = Lists.copy(interests);
        agreements = Lists.copy(agreements);
        contributions = Lists.copy(contributions);
        valueClaims = Lists.copy(valueClaims);
        balanceAssessments = Lists.copy(balanceAssessments);
        evaluations = Lists.copy(evaluations);
        improvementActions = Lists.copy(improvementActions);
        temperatureReadings = Lists.copy(temperatureReadings);
        conflicts = Lists.copy(conflicts);
        meetings = Lists.copy(meetings);
        meetingCancellations = Lists.copy(meetingCancellations);
        subCoalitions = Lists.copy(subCoalitions);
        contextChanges = Lists.copy(contextChanges);
        accountabilityRequests = Lists.copy(accountabilityRequests);
        successes = Lists.copy(successes);
        regionalAnalyses = Lists.copy(regionalAnalyses);
        corrections = Lists.copy(corrections);
    }
}
