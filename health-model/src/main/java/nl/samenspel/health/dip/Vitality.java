package nl.samenspel.health.dip;

import nl.samenspel.health.Fact;
import nl.samenspel.health.Indicator;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.LoggedEntry;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.NetworkState;
import nl.samenspel.health.Status;
import nl.samenspel.health.state.Agreements;
import nl.samenspel.health.state.LeadRoles;
import nl.samenspel.health.state.NetworkFacts;
import nl.samenspel.kernel.agreement.AgreementMade;
import nl.samenspel.kernel.agreement.RuleTheme;
import nl.samenspel.kernel.structure.RegionalAnalysisShared;
import nl.samenspel.kernel.structure.SubCoalitionChanged;
import nl.samenspel.kernel.structure.SubCoalitionDissolved;
import nl.samenspel.kernel.structure.SubCoalitionFormed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * H7, vitality: which of the four ingredients of a vital network (vier ingrediënten) are in place, score 0–4
 * (domain.md §5.5). They are also what a network needs for a restart after a dip.
 *
 * <ol>
 *   <li>{@code sharedPicture}: a regional analysis shared in the last {@code vitality.analysisMonths} months with at
 *       least one quantitative and one qualitative source, endorsed by at least {@code vitality.endorsementShare} of
 *       the partners active now (endorsers who withdrew no longer count);</li>
 *   <li>{@code foundation}: rule agreements in force (see {@link Agreements}) cover the five foundation themes;</li>
 *   <li>{@code subCoalitions}: at least one sub-coalition not dissolved and with at least two active members, and with
 *       more than {@code vitality.subCoalitionPartners} (4) active partners none whose (latest) members include
 *       every active partner;</li>
 *   <li>{@code sharedLeadership}: the lead roles held now are held by at least {@code vitality.leadershipPeople} (3)
 *       people from at least {@code vitality.leadershipPartners} (2) partners.</li>
 * </ol>
 *
 * <p>Figures: {@code score} (0–4), {@code ingredients} (map of the four names above → boolean), {@code missing}
 * (list of names), {@code foundationThemesCovered} (0–5), {@code missingFoundationThemes} (list of theme names),
 * {@code analysisEndorsementShare} (double, best qualifying analysis; absent without one), {@code activeSubCoalitions}
 * (int), {@code leadPeople} and {@code leadPartners} (int).
 *
 * <p>Status: a score of at least {@code vitality.okScore} (4) OK, at least {@code vitality.watchScore} (2) WATCH,
 * lower ALERT (domain.md gives no thresholds; these defaults are a choice); NA without an active partner.
 */
public final class Vitality implements Indicator {
    public static final String ID = "H7";
    public static final List<String> INGREDIENTS = List.of("sharedPicture", "foundation", "subCoalitions", "sharedLeadership");
    static final List<RuleTheme> FOUNDATION = List.of(RuleTheme.PARTICIPATION, RuleTheme.FINANCING,
                                                      RuleTheme.INFORMATION_SHARING, RuleTheme.LEARNING,
                                                      RuleTheme.EFFECT_MONITORING);
    private static final String NAME = "Vitality (four ingredients)";

    /** A sub-coalition that has not been dissolved: its members as last formed or changed, and that entry. */
    public record SubCoalition(List<UUID> memberIds, Fact<?> lastChange) {
    }

    /** The sub-coalitions not dissolved so far, in the order they were formed, as part of the network state. */
    public static final NetworkState.Part<Map<UUID, SubCoalition>> SUB_COALITIONS = NetworkState.Part.of(
            List.of(SubCoalitionFormed.class, SubCoalitionChanged.class, SubCoalitionDissolved.class),
            () -> new NetworkState.Fold<>() {
                private final Map<UUID, SubCoalition> current = new LinkedHashMap<>();

                @Override
                public void apply(LoggedEntry entry) {
                    if (entry.event() instanceof SubCoalitionFormed f) {
                        current.put(f.coalitionId(), new SubCoalition(f.memberIds(), new Fact<>(entry, f)));
                    } else if (entry.event() instanceof SubCoalitionChanged c && current.containsKey(c.coalitionId())) {
                        current.put(c.coalitionId(), new SubCoalition(c.memberIds(), new Fact<>(entry, c)));
                    } else if (entry.event() instanceof SubCoalitionDissolved d) {
                        current.remove(d.coalitionId());
                    }
                }

                @Override
                public Map<UUID, SubCoalition> snapshot() {
                    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(current));
                }
            });

    @Override
    public String id() {
        return ID;
    }

    @Override
    public IndicatorValue evaluate(MonthContext month) {
        Set<UUID> active = month.activePartners();
        if (active.isEmpty()) {
            return IndicatorValue.notApplicable(ID, NAME);
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        List<String> evidence = new ArrayList<>();

        // 1. shared picture of the region
        double bestShare = -1;
        String bestAnalysis = null;
        for (Fact<RegionalAnalysisShared> a : month.withinMonths(RegionalAnalysisShared.class,
                                                                 (int) Math.round(month.setting("vitality.analysisMonths")))) {
            RegionalAnalysisShared analysis = a.event();
            if (isEmpty(analysis.quantitativeSources()) || isEmpty(analysis.qualitativeSources())) {
                continue;
            }
            // the distinct active partners among the endorsers
            Set<UUID> endorsers = new HashSet<>();
            if (analysis.endorsingPartnerIds() != null) {
                for (UUID partner : analysis.endorsingPartnerIds()) {
                    if (active.contains(partner)) {
                        endorsers.add(partner);
                    }
                }
            }
            double share = (double) endorsers.size() / active.size();
            if (share >= bestShare) {
                bestShare = share;
                bestAnalysis = a.id();
            }
        }
        boolean picture = bestAnalysis != null && bestShare >= month.setting("vitality.endorsementShare");
        if (picture) {
            evidence.add(bestAnalysis);
        }

        // 2. foundation of rules of play
        List<String> missingThemes = new ArrayList<>();
        for (RuleTheme theme : FOUNDATION) {
            List<Fact<AgreementMade>> rules = Agreements.rulesInForce(month, month.end(), theme);
            if (rules.isEmpty()) {
                missingThemes.add(themeName(theme));
            } else {
                rules.forEach(r -> evidence.add(r.id()));
            }
        }
        boolean foundation = missingThemes.isEmpty();

        // 3. sub-coalitions with energy, not the whole network again
        // A sub-coalition left with fewer than two active members no longer works on anything together. One loop over
        // the sub-coalitions, in the state's order: every month reads every one not dissolved.
        List<Fact<?>> coalitionEvents = new ArrayList<>();
        boolean anyWhole = false;
        for (SubCoalition coalition : month.state(SUB_COALITIONS).values()) {
            List<UUID> memberIds = coalition.memberIds();
            int activeMembers = 0;
            for (int i = 0; i < memberIds.size() && activeMembers < 2; i++) {
                if (active.contains(memberIds.get(i))) {
                    activeMembers++;
                }
            }
            if (activeMembers < 2) {
                continue;
            }
            coalitionEvents.add(coalition.lastChange());
            anyWhole |= memberIds.size() >= active.size() && new HashSet<>(memberIds).containsAll(active);
        }
        int activeCoalitions = coalitionEvents.size();
        boolean wholeNetwork = active.size() > month.days("vitality.subCoalitionPartners") && anyWhole;
        boolean coalitions = activeCoalitions > 0 && !wholeNetwork;
        if (coalitions) {
            coalitionEvents.forEach(f -> evidence.add(f.id()));
        }

        // 4. leadership granted to and shared by a team
        List<LeadRoles.Held> roles = LeadRoles.active(month);
        long people = roles.stream().map(LeadRoles.Held::personRef).distinct().count();
        long partners = roles.stream().map(LeadRoles.Held::partnerId).distinct().count();
        boolean shared = people >= month.setting("vitality.leadershipPeople")
                && partners >= month.setting("vitality.leadershipPartners");
        if (shared) {
            roles.forEach(r -> evidence.add(r.eventId()));
        }

        Map<String, Object> ingredients = new LinkedHashMap<>();
        ingredients.put("sharedPicture", picture);
        ingredients.put("foundation", foundation);
        ingredients.put("subCoalitions", coalitions);
        ingredients.put("sharedLeadership", shared);
        List<String> missing = ingredients.entrySet().stream().filter(e -> !((Boolean) e.getValue()))
                                          .map(Map.Entry::getKey).toList();
        int score = INGREDIENTS.size() - missing.size();

        figures.put("score", score);
        figures.put("ingredients", Collections.unmodifiableMap(ingredients));
        figures.put("missing", missing);
        figures.put("foundationThemesCovered", FOUNDATION.size() - missingThemes.size());
        figures.put("missingFoundationThemes", List.copyOf(missingThemes));
        if (bestAnalysis != null) {
            figures.put("analysisEndorsementShare", bestShare);
        }
        figures.put("activeSubCoalitions", activeCoalitions);
        figures.put("leadPeople", (int) people);
        figures.put("leadPartners", (int) partners);
        Status status = score >= month.setting("vitality.okScore") ? Status.OK
                : score >= month.setting("vitality.watchScore") ? Status.WATCH : Status.ALERT;
        return new IndicatorValue(ID, NAME, status, Collections.unmodifiableMap(figures), NetworkFacts.evidence(evidence));
    }

    static String themeName(RuleTheme theme) {
        return theme.name().toLowerCase().replace('_', '-');
    }

    private static boolean isEmpty(List<String> sources) {
        return sources == null || sources.stream().noneMatch(s -> s != null && !s.isBlank());
    }
}
