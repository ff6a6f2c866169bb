package nl.samenspel.health.sharing;

import nl.samenspel.health.Fact;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.state.NetworkFacts;
import nl.samenspel.health.evaluation.Evaluations;
import nl.samenspel.health.evaluation.Evaluations.Evaluation;
import nl.samenspel.health.evaluation.ItemScores;
import nl.samenspel.health.sharing.Contributions.Contribution;
import nl.samenspel.kernel.evaluation.Instrument;
import nl.samenspel.kernel.exchange.Capital;
import nl.samenspel.kernel.exchange.ValueQuestion;
import nl.samenspel.kernel.exchange.ValueRealised;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The value a network shows in each of the three capitals over the last {@code capitals.windowMonths} months:
 * evidenced value claims, delivered contributions tagged with the capital, and the network-value questions of the
 * latest network-value evaluation with responses.
 *
 * <p>A claim counts when its evidence ("what do we base this on?") is filled in and it does not name a beneficiary
 * partner that has withdrawn.
 */
final class CapitalProfile {
    private final Map<Capital, List<Fact<ValueRealised>>> claims = new EnumMap<>(Capital.class);
    private final Map<Capital, List<Contribution>> contributions = new EnumMap<>(Capital.class);
    private final Optional<Evaluation> networkValue;

    private CapitalProfile(MonthContext month) {
        int windowMonths = (int) Math.round(month.setting("capitals.windowMonths"));
        for (Capital capital : Capital.values()) {
            claims.put(capital, new ArrayList<>());
            contributions.put(capital, new ArrayList<>());
        }
        for (Fact<ValueRealised> claim : month.withinMonths(ValueRealised.class, windowMonths)) {
            ValueRealised v = claim.event();
            boolean evidenced = v.evidence() != null && !v.evidence().isBlank();
            boolean beneficiaryGone = v.beneficiaryPartnerId() != null
                                      && !month.roster().isActive(v.beneficiaryPartnerId(), month.end());
            if (evidenced && !beneficiaryGone) {
                claims.get(v.capital()).add(claim);
            }
        }
        for (Contribution c : Contributions.deliveredWithin(month, windowMonths)) {
            contributions.get(c.event().capital()).add(c);
        }
        List<Evaluation> evaluations = Evaluations.withResponses(month, Instrument.NETWORK_VALUE);
        networkValue = evaluations.isEmpty() ? Optional.empty() : Optional.of(evaluations.get(evaluations.size() - 1));
    }

    /** The month's profile, built once and shared by H12 and A15 (it is read-only once built). */
    static CapitalProfile of(MonthContext month) {
        return month.derived("sharing.capitalProfile", CapitalProfile::new);
    }

    static Capital capitalOf(ValueQuestion question) {
        return switch (question) {
            case E1, E2, E3 -> Capital.ECONOMIC;
            case S1, S2, S3 -> Capital.SOCIAL;
            case C1, C2 -> Capital.CULTURAL;
        };
    }

    List<Fact<ValueRealised>> claims(Capital capital) {
        return claims.get(capital);
    }

    List<Fact<ValueRealised>> allClaims() {
        List<Fact<ValueRealised>> all = new ArrayList<>();
        claims.values().forEach(all::addAll);
        all.sort(Comparator.comparing((Fact<ValueRealised> f) -> f.on()).thenComparingLong(f -> f.entry().sequence()));
        return all;
    }

    int claimCount() {
        return claims.values().stream().mapToInt(List::size).sum();
    }

    List<Contribution> contributions(Capital capital) {
        return contributions.get(capital);
    }

    /** Capitals with at least one evidenced claim (0–3). */
    int coverage() {
        return (int) claims.values().stream().filter(list -> !list.isEmpty()).count();
    }

    List<Capital> missing() {
        return claims.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
    }

    /** Economic claims ÷ all claims; empty without claims. */
    Optional<Double> economicShare() {
        int all = claimCount();
        return all == 0 ? Optional.empty() : Optional.of((double) claims(Capital.ECONOMIC).size() / all);
    }

    Optional<Evaluation> networkValue() {
        return networkValue;
    }

    /** The scores of one network-value question in the latest network-value evaluation. */
    Optional<ItemScores> question(ValueQuestion question) {
        return networkValue.map(e -> e.item(question.ordinal(), question.name())).filter(s -> !s.isEmpty());
    }

    /** Mean of every score given to the capital's questions in the latest network-value evaluation. */
    Optional<Double> questionMean(Capital capital) {
        List<Integer> scores = new ArrayList<>();
        for (ValueQuestion q : ValueQuestion.values()) {
            if (capitalOf(q) == capital) {
                question(q).ifPresent(s -> scores.addAll(s.scores()));
            }
        }
        return scores.isEmpty() ? Optional.empty() : Optional.of(new ItemScores(Labels.of(capital), scores).mean());
    }

    /**
     * One-sided value (A15): a capital without any claim — once there is a claim, or once the network is older than
     * the window, so that a network evidencing no value at all is one-sided too; or, with at least
     * {@code capitals.minimumClaims} claims, an economic share above {@code capitals.economicShare}.
     */
    boolean oneSided(MonthContext month) {
        return missingCapital(month) || economicallyDominated(month);
    }

    boolean missingCapital(MonthContext month) {
        return coverage() < Capital.values().length && (claimCount() > 0 || olderThanWindow(month));
    }

    /** True when the whole window lies after the founding: a young network has not had the time to evidence value. */
    static boolean olderThanWindow(MonthContext month) {
        return NetworkFacts.existedOn(month, month.end().minusMonths(month.days("capitals.windowMonths")));
    }

    boolean economicallyDominated(MonthContext month) {
        return claimCount() >= month.setting("capitals.minimumClaims")
               && economicShare().orElse(0.0) > month.setting("capitals.economicShare");
    }

    boolean isEmpty() {
        return claimCount() == 0 && contributions.values().stream().allMatch(List::isEmpty) && networkValue.isEmpty();
    }
}
