package nl.samenspel.query.health;

import nl.samenspel.health.HealthModel;
import nl.samenspel.health.IncrementalHealth;
import nl.samenspel.health.LoggedEntry;
import nl.samenspel.health.MonthHealth;
import nl.samenspel.kernel.validation.RuleViolation;
import nl.samenspel.query.network.FactsCheck;
import nl.samenspel.query.network.NetworkFactsStore;
import nl.samenspel.query.network.NetworkView;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Checks the stored health of a network against its log: the months and alert episodes the pages read are computed
 * again from the entries they say they include, on the day they say they were evaluated, and compared figure by figure.
 * The log's own check (hash chain, seals, checkpoints) shows whether the log was changed; this one shows whether what
 * the pages show still follows from it: read models are derived data, and someone with access to the database could
 * change a figure there, or remove a month or an alert, without touching the log.
 */
@Component
public class HealthCheck {
    /** How many differing months an answer names; the count covers them all. */
    static final int NAMED = 12;

    private final HealthStore store;
    private final NetworkFactsStore facts;
    private final org.springframework.data.mongodb.core.MongoTemplate views;
    private final NetworkLogReader logs;
    private final java.time.Clock clock;
    private final java.time.Duration grace;
    private final HealthModel model = HealthModel.standard();

    /**
     * With {@code grace} ({@code samenspel.integrity.figures-grace}, 10 minutes): how long an entry may be in the log
     * and not yet in the stored figures before the check says so. The projection takes it in within moments, an import
     * of thousands within a minute; an entry left out longer means the figures stopped following the log, or were put
     * back to those of an earlier part of it, which the comparison alone cannot see (they are consistent, only old).
     */
    public HealthCheck(HealthStore store, NetworkFactsStore facts,
                       org.springframework.data.mongodb.core.MongoTemplate views, NetworkLogReader logs,
                       java.time.Clock clock,
                       @org.springframework.beans.factory.annotation.Value("${samenspel.integrity.figures-grace:10m}")
                       java.time.Duration grace) {
        this.store = store;
        this.facts = facts;
        this.views = views;
        this.logs = logs;
        this.clock = clock;
        this.grace = grace;
    }

    /**
     * What the check found: the version the stored health claims (entries {@code 0 .. lastSequence}, evaluated on
     * {@code evaluatedOn}), how many entries the log holds now, the months compared, and those that differ (stored
     * other than the log gives them), are missing (the log gives them, nothing is stored) or are extra (stored, the log
     * gives no such month); whether the alert episodes agree; and since when entries of the log have been left out
     * of the figures for longer than the grace (null when none has); and what the check of the lists the pages show
     * found ({@link FactsCheck}; null when none are stored). {@code matches} covers both.
     */
    public record Result(boolean matches, long lastSequence, LocalDate evaluatedOn, long entriesInLog, int monthsChecked,
                         List<String> differing, int differingCount, List<String> missing, List<String> extra,
                         boolean alertsMatch, java.time.Instant leftOutSince, FactsCheck.Result lists) {
    }

    public Result check(UUID networkId) {
        // The months are read after the network's document; should new health be stored in between, they are read
        // again, so that the months compared are those of the version computed again.
        for (int attempt = 1; ; attempt++) {
            Document network = store.network(networkId);
            HealthVersion version = HealthVersion.of(network);
            if (version == null) {
                throw RuleViolation.notFound("networkId", "no health views for this network yet");
            }
            Map<String, Document> stored = new LinkedHashMap<>();
            store.months(networkId).forEach(month -> stored.put(month.getString("month"), month));
            if (attempt == 3 || version.equals(HealthVersion.of(store.network(networkId)))) {
                // the lists too are read before the log, which then holds every entry they include
                return compare(networkId, network, version, stored, facts.find(networkId).orElse(null),
                               views.findById(networkId, NetworkView.class));
            }
        }
    }

    private Result compare(UUID networkId, Document network, HealthVersion version, Map<String, Document> stored,
                           NetworkFactsStore.StoredFacts lists, NetworkView view) {
        List<LoggedEntry> log = logs.all(networkId);
        List<LoggedEntry> folded = log.stream().filter(e -> e.sequence() <= version.lastSequence()).toList();
        IncrementalHealth health = new IncrementalHealth(model);
        health.add(folded, version.evaluatedOn());
        List<MonthHealth> computed = health.months();

        java.util.Set<String> listed = new java.util.LinkedHashSet<>(network.getList("months", String.class, List.of()));
        List<String> differing = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        java.util.Set<String> given = new java.util.HashSet<>();
        MonthHealth latest = computed.isEmpty() ? null : computed.get(computed.size() - 1);
        for (MonthHealth month : computed) {
            String name = month.month().toString();
            given.add(name);
            Document kept = stored.get(name);
            if (kept == null || !listed.contains(name)) {
                missing.add(name);
                continue;
            }
            Document expected = store.asStored(month);
            boolean same = Objects.equals(normal(EvidenceCounts.counted(kept)), normal(EvidenceCounts.counted(expected)))
                           // the latest month is shown with the entries behind each figure: those must agree too
                           && (month != latest || !EvidenceCounts.listed(kept) || Objects.equals(normal(kept), normal(expected)));
            if (!same) {
                differing.add(name);
            }
        }
        List<String> extra = new ArrayList<>();
        listed.forEach(name -> {
            if (!given.contains(name)) {
                extra.add(name);
            }
        });
        boolean alertsMatch = Objects.equals(normal(network.get("episodes")), normal(store.episodes(computed)));
        // the first entry the figures leave out, when it has been in the log for longer than the projection takes
        java.time.Instant leftOutSince = FactsCheck.leftOutSince(
                log.stream().filter(e -> e.sequence() > version.lastSequence()), clock.instant(), grace);
        FactsCheck.Result listsFound = lists == null ? null : FactsCheck.check(lists, view, log, clock.instant(), grace);
        return new Result(differing.isEmpty() && missing.isEmpty() && extra.isEmpty() && alertsMatch && leftOutSince == null
                          && (listsFound == null || listsFound.matches()),
                          version.lastSequence(), version.evaluatedOn(), log.size(), computed.size(),
                          List.copyOf(differing.subList(0, Math.min(NAMED, differing.size()))), differing.size(),
                          missing, extra, alertsMatch, leftOutSince, listsFound);
    }

    /**
     * A stored value in a form that compares by content: maps by their entries whatever their order or class, numbers
     * by their value whatever their type (the store gives back an int where a long was written).
     */
    static Object normal(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> normal = new HashMap<>();
            map.forEach((key, item) -> normal.put(String.valueOf(key), normal(item)));
            return normal;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(HealthCheck::normal).toList();
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? BigDecimal.valueOf(number).stripTrailingZeros() : value.toString();
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros();
        }
        return value;
    }
}
