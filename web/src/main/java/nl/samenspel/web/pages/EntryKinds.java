package nl.samenspel.web.pages;

import java.util.List;
import java.util.Locale;

/**
 * The kinds of entry in the catalogue's order (domain §3.3), as the services name them: the type of a logged entry is
 * its class name ({@code TemperatureMeasured}), and filters take the wire name ({@code temperature-measured}). The
 * bundles name each kind as {@code entry.<type>} in both languages. The list serves the audit history's filter only:
 * that page reads the query-service alone, and the founding kind, which it must offer, is not an entry path of the
 * command-service's description the forms read the kinds from.
 */
final class EntryKinds {
    static final List<String> TYPES = List.of(
            "NetworkFounded", "PhaseChanged",
            "PartnerJoined", "PartnerParticipationChanged", "PartnerWithdrew",
            "RepresentativeAppointed", "RepresentativeDeparted", "NetworkRoleAssigned", "NetworkRoleEnded",
            "AmbitionStated", "AmbitionEndorsed", "InterestDeclared",
            "AgreementMade", "AgreementOutcomeRecorded",
            "ContributionRecorded", "ContributionStatusChanged", "ValueRealised", "BalanceAssessed",
            "EvaluationOpened", "EvaluationResponseRecorded", "EvaluationClosed", "ImprovementActionAgreed",
            "ImprovementActionCompleted",
            "TemperatureMeasured", "ConflictRegistered", "ConflictProgressed", "ConflictResolved",
            "MeetingHeld", "MeetingCancelled",
            "SubCoalitionFormed", "SubCoalitionChanged", "SubCoalitionDissolved", "RegionalAnalysisShared",
            "ContextChanged", "AccountabilityRequested", "SuccessAchieved", "HealthPolicyChanged",
            "EntryCorrected", "EntryRetracted");

    private EntryKinds() {
    }

    /** {@code TemperatureMeasured} → {@code temperature-measured}. */
    static String wireName(String type) {
        return type.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** {@code temperature-measured} → {@code TemperatureMeasured}. */
    static String type(String wireName) {
        StringBuilder type = new StringBuilder();
        for (String word : wireName.split("-")) {
            if (!word.isEmpty()) {
                type.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return type.toString();
    }

    /** The kind in the reader's language; the type spelled out when the bundles have no name for it. */
    static String label(Words words, String type) {
        if (type == null || type.isEmpty()) {
            return "";
        }
        String spaced = type.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return words.orElse("entry." + type, Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1));
    }
}
