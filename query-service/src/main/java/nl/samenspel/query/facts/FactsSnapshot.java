package nl.samenspel.query.facts;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything {@link NetworkFacts} knows about one network, as plain values: what the read model stores and what the
 * fold goes on from. A list missing from an older stored snapshot reads as empty.
 *
 * <p>Each list is a {@link Part}: the read model stores and reads the lists one by one, so that an entry rewrites only
 * the lists it changed and a page reads only the lists it shows.
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

    /** One list of the snapshot, named as the record names it. */
    public enum Part {
        PHASES("phases", PhaseStep.class, FactsSnapshot::phases),
        PARTNERS("partners", Partner.class, FactsSnapshot::partners),
        REPRESENTATIVES("representatives", Representative.class, FactsSnapshot::representatives),
        ROLES("roles", RoleHeld.class, FactsSnapshot::roles),
        AMBITION_VERSIONS("ambitionVersions", AmbitionVersion.class, FactsSnapshot::ambitionVersions),
        ENDORSEMENTS("endorsements", Endorsement.class, FactsSnapshot::endorsements),
        INTERESTS("interests", Interest.class, FactsSnapshot::interests),
        AGREEMENTS("agreements", Agreement.class, FactsSnapshot::agreements),
        CONTRIBUTIONS("contributions", Contribution.class, FactsSnapshot::contributions),
        VALUE_CLAIMS("valueClaims", ValueClaim.class, FactsSnapshot::valueClaims),
        BALANCE_ASSESSMENTS("balanceAssessments", BalanceAssessment.class, FactsSnapshot::balanceAssessments),
        EVALUATIONS("evaluations", Evaluation.class, FactsSnapshot::evaluations),
        IMPROVEMENT_ACTIONS("improvementActions", ImprovementAction.class, FactsSnapshot::improvementActions),
        TEMPERATURE_READINGS("temperatureReadings", TemperatureReading.class, FactsSnapshot::temperatureReadings),
        CONFLICTS("conflicts", Conflict.class, FactsSnapshot::conflicts),
        MEETINGS("meetings", Meeting.class, FactsSnapshot::meetings),
        MEETING_CANCELLATIONS("meetingCancellations", MeetingCancellation.class, FactsSnapshot::meetingCancellations),
        SUB_COALITIONS("subCoalitions", SubCoalition.class, FactsSnapshot::subCoalitions),
        CONTEXT_CHANGES("contextChanges", ContextChange.class, FactsSnapshot::contextChanges),
        ACCOUNTABILITY_REQUESTS("accountabilityRequests", AccountabilityRequest.class, FactsSnapshot::accountabilityRequests),
        SUCCESSES("successes", Success.class, FactsSnapshot::successes),
        REGIONAL_ANALYSES("regionalAnalyses", RegionalAnalysis.class, FactsSnapshot::regionalAnalyses),
        CORRECTIONS("corrections", EffectiveHistory.Correction.class, FactsSnapshot::corrections);

        private final String listName;
        private final Class<?> elementType;
        private final Function<FactsSnapshot, List<?>> list;

        Part(String listName, Class<?> elementType, Function<FactsSnapshot, List<?>> list) {
            this.listName = listName;
            this.elementType = elementType;
            this.list = list;
        }

        public String listName() {
            return listName;
        }

        public Class<?> elementType() {
            return elementType;
        }

        /** This list of {@code facts}. */
        public List<?> of(FactsSnapshot facts) {
            return list.apply(facts);
        }
    }

    /** A snapshot of the given lists; a part not given is empty. */
    public static FactsSnapshot of(NetworkInfo network, Map<Part, ? extends List<?>> lists, long effectiveEntries) {
        return new FactsSnapshot(network,
                                 list(lists, Part.PHASES),
                                 list(lists, Part.PARTNERS),
                                 list(lists, Part.REPRESENTATIVES),
                                 list(lists, Part.ROLES),
                                 list(lists, Part.AMBITION_VERSIONS),
                                 list(lists, Part.ENDORSEMENTS),
                                 list(lists, Part.INTERESTS),
                                 list(lists, Part.AGREEMENTS),
                                 list(lists, Part.CONTRIBUTIONS),
                                 list(lists, Part.VALUE_CLAIMS),
                                 list(lists, Part.BALANCE_ASSESSMENTS),
                                 list(lists, Part.EVALUATIONS),
                                 list(lists, Part.IMPROVEMENT_ACTIONS),
                                 list(lists, Part.TEMPERATURE_READINGS),
                                 list(lists, Part.CONFLICTS),
                                 list(lists, Part.MEETINGS),
                                 list(lists, Part.MEETING_CANCELLATIONS),
                                 list(lists, Part.SUB_COALITIONS),
                                 list(lists, Part.CONTEXT_CHANGES),
                                 list(lists, Part.ACCOUNTABILITY_REQUESTS),
                                 list(lists, Part.SUCCESSES),
                                 list(lists, Part.REGIONAL_ANALYSES),
                                 list(lists, Part.CORRECTIONS),
                                 effectiveEntries);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Map<Part, ? extends List<?>> lists, Part part) {
        return (List<T>) lists.get(part);
    }
}
