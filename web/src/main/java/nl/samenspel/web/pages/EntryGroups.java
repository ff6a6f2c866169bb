package nl.samenspel.web.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The groups of the catalogue as domain §3.3 lists them, in that order, each with the wire names of its kinds. A kind
 * the services add without a group here still gets a form, listed under "other" (the catalogue test fails on it, so it
 * does not stay there).
 */
public final class EntryGroups {
    public static final String OTHER = "other";

    public static final Map<String, List<String>> GROUPS = groups();

    private EntryGroups() {
    }

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("network", List.of("phase-changed", "health-policy-changed"));
        groups.put("partners", List.of("partner-joined", "partner-participation-changed", "partner-withdrew"));
        groups.put("people", List.of("representative-appointed", "representative-departed", "network-role-assigned",
                                     "network-role-ended"));
        groups.put("ambition", List.of("ambition-stated", "ambition-endorsed", "interest-declared"));
        groups.put("agreements", List.of("agreement-made", "agreement-outcome-recorded"));
        groups.put("exchange", List.of("contribution-recorded", "contribution-status-changed", "value-realised",
                                       "balance-assessed"));
        groups.put("evaluations", List.of("evaluation-opened", "evaluation-response-recorded", "evaluation-closed",
                                          "improvement-action-agreed", "improvement-action-completed"));
        groups.put("tension", List.of("temperature-measured", "conflict-registered", "conflict-progressed",
                                      "conflict-resolved"));
        groups.put("meetings", List.of("meeting-held", "meeting-cancelled"));
        groups.put("structure", List.of("sub-coalition-formed", "sub-coalition-changed", "sub-coalition-dissolved",
                                        "regional-analysis-shared", "context-changed", "accountability-requested",
                                        "success-achieved"));
        groups.put("corrections", List.of("entry-corrected", "entry-retracted"));
        return java.util.Collections.unmodifiableMap(groups);
    }

    /** The group of a kind, or {@link #OTHER}. */
    public static String of(String wireName) {
        return GROUPS.entrySet().stream().filter(g -> g.getValue().contains(wireName)).map(Map.Entry::getKey)
                     .findFirst().orElse(OTHER);
    }
}
