package nl.samenspel.health.sharing;

import nl.samenspel.health.Fact;
import nl.samenspel.health.Indicator;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Status;
import nl.samenspel.health.sharing.Contributions.Contribution;
import nl.samenspel.kernel.exchange.BalanceAssessed;
import nl.samenspel.kernel.exchange.BalanceRating;
import nl.samenspel.kernel.exchange.Unit;
import nl.samenspel.kernel.exchange.ValueRealised;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * H4, give and take (geven en nemen): what each active partner puts in and gets out over the last
 * {@code giveTake.windowMonths} months, and how it experiences the balance (domain.md §5.3).
 *
 * <p>The ledger is context, never a verdict: "it is not arithmetic, but the overall impression must be right". The
 * status therefore follows the partners' own ratings only: alert when an active partner's latest rating is unfair,
 * OK otherwise (an acceptably skewed balance is acceptable), NA when the window holds no contribution, no value
 * realised for a partner and no partner has rated the balance.
 *
 * <p>Figures:
 * <ul>
 *   <li>{@code windowMonths}, {@code activePartners}, {@code delivered} (contributions delivered in the window by
 *       active partners), {@code totalGivenEur};</li>
 *   <li>{@code ledger}: per active partner (keyed by partner id) a map with {@code name}; {@code givenCount},
 *       {@code givenEur} (estimated value, or the quantity when counted in EUR; contributions without either add
 *       nothing), {@code givenHours}, {@code givenDays}, {@code givenItems}, {@code givenByKind} and
 *       {@code givenByCapital} (counts of delivered contributions); {@code receivedCount} and {@code receivedEur}
 *       (delivered contributions addressed to it), {@code valueRealised} (evidenced value realised for it);
 *       {@code pledgedNotDelivered} and {@code pledgedNotDeliveredEur} (pledged in the window, still pledged);
 *       {@code givingShareEur} and {@code givingShareCount} (its share of all giving in euros, resp. in number of
 *       contributions; absent when the total is zero); {@code fairness} (its latest rating:
 *       {@code balanced, skewed-acceptable, unfair}; absent when it never rated);</li>
 *   <li>{@code reciprocity}: per pair of active partners with a flow in euros between them, a map with
 *       {@code partnerA}, {@code partnerB} (ids), {@code aToBEur}, {@code bToAEur} and {@code ratio} =
 *       min ÷ max;</li>
 *   <li>{@code rated}, {@code unfair} (counts of active partners) and {@code unfairPartners} (names).</li>
 * </ul>
 * Evidence: the contributions behind the ledger (with their status changes), the value realised for partners and
 * the latest ratings.
 */
public final class GiveAndTake implements Indicator {
    public static final String ID = "H4";
    public static final String NAME = "Give and take (geven en nemen)";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public IndicatorValue evaluate(MonthContext month) {
        int windowMonths = (int) Math.round(month.setting("giveTake.windowMonths"));
        LocalDate from = month.end().minusMonths(windowMonths);
        Set<UUID> active = month.activePartners();
        List<Contribution> delivered = Contributions.deliveredWithin(month, windowMonths);
        List<Contribution> pledged = new ArrayList<>();
        for (Contribution c : Contributions.pledged(month)) {
            if (c.pledgedBetween(from, month.end()) && active.contains(c.from())) {
                pledged.add(c);
            }
        }
        List<Fact<ValueRealised>> value = month.withinMonths(ValueRealised.class, windowMonths).stream()
                .filter(v -> v.event().beneficiaryPartnerId() != null && active.contains(v.event().beneficiaryPartnerId()))
                .filter(v -> v.event().evidence() != null && !v.event().evidence().isBlank()).toList();
        Map<UUID, Fact<BalanceAssessed>> ratings = BalanceRatings.latest(month);
        if (delivered.isEmpty() && pledged.isEmpty() && value.isEmpty() && ratings.isEmpty()) {
            return IndicatorValue.notApplicable(ID, NAME);
        }

        BigDecimal totalEur = eur(delivered);
        Flows flows = new Flows(delivered, pledged, value);
        Map<String, Object> ledger = new LinkedHashMap<>();
        for (UUID partner : active) {
            ledger.put(partner.toString(), ledgerOf(partner, month, delivered, flows, ratings, totalEur));
        }

        List<String> unfair = new ArrayList<>();
        ratings.forEach((partner, rating) -> {
            if (rating.event().rating() == BalanceRating.UNFAIR) {
                unfair.add(month.roster().name(partner));
            }
        });
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("windowMonths", windowMonths);
        figures.put("activePartners", active.size());
        figures.put("delivered", delivered.size());
        figures.put("totalGivenEur", totalEur.doubleValue());
        figures.put("ledger", Collections.unmodifiableMap(ledger));
        figures.put("reciprocity", reciprocity(List.copyOf(active), delivered));
        figures.put("rated", ratings.size());
        figures.put("unfair", unfair.size());
        figures.put("unfairPartners", List.copyOf(unfair));

        List<String> evidence = new ArrayList<>();
        delivered.forEach(c -> evidence.addAll(c.evidence()));
        pledged.forEach(c -> evidence.addAll(c.evidence()));
        value.forEach(v -> evidence.add(v.id()));
        ratings.values().forEach(r -> evidence.add(r.id()));
        Status status = unfair.isEmpty() ? Status.OK : Status.ALERT;
        return new IndicatorValue(ID, NAME, status, Collections.unmodifiableMap(figures), List.copyOf(evidence));
    }

    /** The window's contributions and value grouped by partner once, for every partner's row. */
    private static final class Flows {
        final Map<UUID, List<Contribution>> given = new HashMap<>();
        final Map<UUID, List<Contribution>> received = new HashMap<>();
        final Map<UUID, List<Contribution>> open = new HashMap<>();
        final Map<UUID, Integer> valueRealised = new HashMap<>();

        Flows(List<Contribution> delivered, List<Contribution> pledged, List<Fact<ValueRealised>> value) {
            for (Contribution c : delivered) {
                given.computeIfAbsent(c.from(), p -> new ArrayList<>()).add(c);
                c.to().ifPresent(to -> received.computeIfAbsent(to, p -> new ArrayList<>()).add(c));
            }
            pledged.forEach(c -> open.computeIfAbsent(c.from(), p -> new ArrayList<>()).add(c));
            value.forEach(v -> valueRealised.merge(v.event().beneficiaryPartnerId(), 1, Integer::sum));
        }
    }

    private static Map<String, Object> ledgerOf(UUID partner, MonthContext month, List<Contribution> delivered,
                                                Flows flows, Map<UUID, Fact<BalanceAssessed>> ratings,
                                                BigDecimal totalEur) {
        List<Contribution> given = flows.given.getOrDefault(partner, List.of());
        List<Contribution> received = flows.received.getOrDefault(partner, List.of());
        List<Contribution> open = flows.open.getOrDefault(partner, List.of());
        // one pass over what the partner gave: euros, quantities per unit, kinds and capitals
        BigDecimal givenEur = BigDecimal.ZERO;
        BigDecimal hours = BigDecimal.ZERO;
        BigDecimal days = BigDecimal.ZERO;
        BigDecimal items = BigDecimal.ZERO;
        Map<String, Integer> byKind = new LinkedHashMap<>();
        Map<String, Integer> byCapital = new LinkedHashMap<>();
        for (Contribution c : given) {
            BigDecimal eur = c.eur();
            if (eur != null) {
                givenEur = givenEur.add(eur);
            }
            Unit unit = c.event().unit();
            if (unit == Unit.HOURS) {
                hours = hours.add(c.event().quantity());
            } else if (unit == Unit.DAYS) {
                days = days.add(c.event().quantity());
            } else if (unit == Unit.ITEMS) {
                items = items.add(c.event().quantity());
            }
            byKind.merge(Labels.of(c.event().kind()), 1, Integer::sum);
            byCapital.merge(Labels.of(c.event().capital()), 1, Integer::sum);
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", month.roster().name(partner));
        row.put("givenCount", given.size());
        row.put("givenEur", givenEur.doubleValue());
        row.put("givenHours", hours.doubleValue());
        row.put("givenDays", days.doubleValue());
        row.put("givenItems", items.doubleValue());
        row.put("givenByKind", Collections.unmodifiableMap(byKind));
        row.put("givenByCapital", Collections.unmodifiableMap(byCapital));
        row.put("receivedCount", received.size());
        row.put("receivedEur", eur(received).doubleValue());
        row.put("valueRealised", (long) flows.valueRealised.getOrDefault(partner, 0));
        row.put("pledgedNotDelivered", open.size());
        row.put("pledgedNotDeliveredEur", eur(open).doubleValue());
        if (totalEur.signum() > 0) {
            row.put("givingShareEur", givenEur.doubleValue() / totalEur.doubleValue());
        }
        if (!delivered.isEmpty()) {
            row.put("givingShareCount", (double) given.size() / delivered.size());
        }
        Fact<BalanceAssessed> rating = ratings.get(partner);
        if (rating != null) {
            row.put("fairness", Labels.of(rating.event().rating()));
        }
        return Collections.unmodifiableMap(row);
    }

    /** min(a→b, b→a) ÷ max(a→b, b→a) on euros, for every pair of active partners with any flow between them. */
    private static List<Map<String, Object>> reciprocity(List<UUID> partners, List<Contribution> delivered) {
        // euros from giver to receiver, by their places among the partners (exact sums, so the order of adding does
        // not matter)
        Map<UUID, Integer> place = new HashMap<>();
        for (int i = 0; i < partners.size(); i++) {
            place.put(partners.get(i), i);
        }
        BigDecimal[][] flows = new BigDecimal[partners.size()][partners.size()];
        for (Contribution c : delivered) {
            Integer from = place.get(c.from());
            Integer to = c.event().toPartnerId() == null ? null : place.get(c.event().toPartnerId());
            if (from != null && to != null) {
                BigDecimal eur = c.eur();
                BigDecimal sum = flows[from][to];
                flows[from][to] = eur == null ? (sum == null ? BigDecimal.ZERO : sum) : (sum == null ? eur : sum.add(eur));
            }
        }
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (int i = 0; i < partners.size(); i++) {
            for (int j = i + 1; j < partners.size(); j++) {
                double aToB = flows[i][j] == null ? 0 : flows[i][j].doubleValue();
                double bToA = flows[j][i] == null ? 0 : flows[j][i].doubleValue();
                double max = Math.max(aToB, bToA);
                if (max > 0) {
                    Map<String, Object> pair = new LinkedHashMap<>();
                    pair.put("partnerA", partners.get(i).toString());
                    pair.put("partnerB", partners.get(j).toString());
                    pair.put("aToBEur", aToB);
                    pair.put("bToAEur", bToA);
                    pair.put("ratio", Math.min(aToB, bToA) / max);
                    pairs.add(Collections.unmodifiableMap(pair));
                }
            }
        }
        return List.copyOf(pairs);
    }

    private static BigDecimal eur(List<Contribution> contributions) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Contribution c : contributions) {
            BigDecimal eur = c.eur();
            if (eur != null) {
                sum = sum.add(eur);
            }
        }
        return sum;
    }
}
