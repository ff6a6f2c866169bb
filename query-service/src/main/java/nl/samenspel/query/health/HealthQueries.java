package nl.samenspel.query.health;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import nl.samenspel.health.EffectiveHistory;
import nl.samenspel.health.HealthModel;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.LoggedEntry;
import nl.samenspel.health.MonthHealth;
import nl.samenspel.health.TouchedDates;
import nl.samenspel.kernel.correction.EntryCorrected;
import nl.samenspel.kernel.history.EffectiveLog;
import nl.samenspel.kernel.evaluation.EvaluationResponseRecorded;
import nl.samenspel.kernel.health.HealthPolicy;
import nl.samenspel.kernel.health.HealthPolicyChanged;
import nl.samenspel.kernel.network.NetworkFounded;
import nl.samenspel.kernel.validation.Checks;
import nl.samenspel.kernel.validation.RuleViolation;
import org.bson.Document;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Answers health questions: from the stored monthly read models for the live views, and by folding the event log on
 * demand for time travel ("as of" a date, "as known at" an instant) and for explaining a value by its events. The
 * live views only read: the processor keeps the stored health current as entries arrive, and {@link HealthRefresher}
 * as days pass, so after midnight a view may be up to one refresh period behind the date (its last month's
 * {@code asOf} says up to which day).
 */
@Service
public class HealthQueries {
    /** The late entries a compare answer lists unless asked for fewer or more. */
    public static final int LATE_ENTRIES_PAGE = 100;
    /** The most late entries one compare answer lists. */
    public static final int MAX_LATE_ENTRIES_PAGE = 1_000;

    private final HealthStore store;
    private final NetworkLogReader logs;
    private final Clock clock;
    private final HealthModel model = HealthModel.standard();
    /**
     * Today's timeline of the networks recently travelled in, with the log it was computed from and that log's
     * effective history (read-only, shared by the requests on the same log).
     */
    private final Cache<UUID, Computed> computed = Caffeine.newBuilder().maximumSize(16)
                                                           .expireAfterAccess(Duration.ofMinutes(10)).build();

    private record Computed(List<LoggedEntry> log, LocalDate on, List<LoggedEntry> effective, List<MonthHealth> months) {
    }

    public HealthQueries(HealthStore store, NetworkLogReader logs, Clock clock) {
        this.store = store;
        this.logs = logs;
        this.clock = clock;
    }

    /**
     * Every stored month, with each indicator's and alert's evidence counted rather than listed ({@link EvidenceCounts}):
     * a network's ten years of months with every id behind every figure ran to megabytes, more than a page can afford.
     * {@code explain} lists the ids of one month.
     */
    public List<Document> timeline(UUID networkId) {
        stored(networkId);
        List<Document> months = store.months(networkId);
        months.forEach(HealthQueries::countEvidence);
        return months;
    }

    /** Replaces, in place, the evidence lists of a month's indicators and alerts by their sizes. */
    private static void countEvidence(Document month) {
        if (month.get("indicators") instanceof Document indicators) {
            indicators.replaceAll((id, indicator) -> EvidenceCounts.counted((Document) indicator));
        }
        List<Document> alerts = month.getList("alerts", Document.class);
        if (alerts != null) {
            alerts.replaceAll(EvidenceCounts::counted);
        }
    }

    /** The latest month, read by its own key: a page that shows today's health should not read every month. */
    public Document current(UUID networkId) {
        List<String> months = stored(networkId).getList("months", String.class);
        return store.month(networkId, YearMonth.parse(months.get(months.size() - 1)));
    }

    @SuppressWarnings("unchecked")
    public List<Object> episodes(UUID networkId) {
        return (List<Object>) stored(networkId).get("episodes");
    }

    /** One indicator in every month: the series a chart draws. */
    public List<Map<String, Object>> series(UUID networkId, List<String> indicatorIds) {
        List<Map<String, Object>> series = new ArrayList<>();
        stored(networkId);
        for (Document month : store.months(networkId)) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("month", month.get("month"));
            Document indicators = (Document) month.get("indicators");
            for (String id : indicatorIds) {
                point.put(id, indicators == null ? null : EvidenceCounts.counted((Document) indicators.get(id)));
            }
            series.add(point);
        }
        return series;
    }

    /**
     * The value of one indicator, or one alert, in one month with the events behind it and the corrections and
     * retractions that were applied to get there (domain.md §6). A full answer (coordinators, auditors) carries each
     * entry's payload as it counted; a steering member gets only the fields a figure counts ({@link CountingFields}).
     * Anonymous answers are never listed (domain.md §8).
     */
    public Map<String, Object> explain(UUID networkId, String indicatorId, String alertId, YearMonth month, boolean full) {
        Document network = stored(networkId);
        boolean listed = network.getList("months", String.class).contains(month.toString());
        Document stored = listed ? store.month(networkId, month) : null;
        if (stored == null) {
            throw RuleViolation.notFound("month", "no health was computed for " + month);
        }
        List<LoggedEntry> log = logs.all(networkId);
        if (!EvidenceCounts.listed(stored)) {
            stored = recomputed(log, network, month);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("month", month.toString());
        List<String> evidence;
        if (alertId != null) {
            Document alert = stored.getList("alerts", Document.class, List.of()).stream()
                                   .filter(a -> alertId.equals(a.getString("id"))).findFirst()
                                   .orElseThrow(() -> RuleViolation.notFound("alert", "alert " + alertId + " did not hold in " + month));
            answer.put("alert", alert);
            evidence = alert.getList("evidence", String.class, List.of());
        } else {
            Document indicator = (Document) ((Document) stored.get("indicators")).get(indicatorId);
            if (indicator == null) {
                throw RuleViolation.notFound("indicator", "no indicator " + indicatorId);
            }
            answer.put("indicator", indicator);
            evidence = indicator.getList("evidence", String.class, List.of());
        }
        answer.put("view", full ? "full" : "figures");
        Map<String, LoggedEntry> effective = new HashMap<>();
        EffectiveLog read = EffectiveLog.of(log, LoggedEntry::eventId, LoggedEntry::event);
        EffectiveHistory.of(log, read).forEach(e -> effective.put(e.eventId(), e));
        Map<String, LoggedEntry> original = new HashMap<>();
        log.forEach(e -> original.put(e.eventId(), e));
        Set<String> behind = new HashSet<>(evidence);
        Set<String> corrected = new HashSet<>();
        List<Map<String, Object>> corrections = new ArrayList<>();
        // Only what is in force counts: a correction withdrawn later, or one that could not apply, changed nothing;
        // a retraction of a correction only undid that correction, which is then not listed either.
        Set<Integer> inForce = new HashSet<>();
        read.corrections().stream()
                    .filter(o -> o.status() == EffectiveLog.Status.APPLIED).forEach(o -> inForce.add(o.position()));
        for (int position = 0; position < log.size(); position++) {
            LoggedEntry entry = log.get(position);
            String target = EffectiveLog.targetOf(entry.event());
            LoggedEntry targetEntry = target == null ? null : original.get(target);
            boolean applied = inForce.contains(position) && targetEntry != null
                    && !EffectiveLog.isCorrection(targetEntry.event())
                    && (entry.event() instanceof EntryCorrected ? behind.contains(target)
                            : !targetEntry.occurredOn().isAfter(month.atEndOfMonth()));
            if (applied && !anonymousAnswer(targetEntry)) {
                Map<String, Object> described = describe(entry, full);
                described.put("targetType", targetEntry.event().getClass().getSimpleName());
                described.put("targetOccurredOn", targetEntry.occurredOn());
                corrections.add(described);
                if (entry.event() instanceof EntryCorrected) {
                    corrected.add(target);
                }
            }
        }
        List<Map<String, Object>> events = new ArrayList<>();
        for (LoggedEntry entry : log) {
            LoggedEntry counted = effective.get(entry.eventId());
            if (behind.contains(entry.eventId()) && counted != null && !anonymousAnswer(counted)) {
                Map<String, Object> event = describe(counted, full);
                event.put("corrected", corrected.contains(entry.eventId()));
                events.add(event);
            }
        }
        answer.put("events", events);
        answer.put("corrections", corrections);
        return answer;
    }

    /**
     * A stored month as it was computed, with the ids behind its values: a month before the latest is stored with
     * their counts only. It is computed again from the entries the stored health had folded, as of the month's last
     * day (a finished month does not depend on the day it is looked at from) or the day the health was evaluated, and
     * alone: of the months before it only what it reads of them.
     */
    private Document recomputed(List<LoggedEntry> all, Document network, YearMonth month) {
        HealthVersion version = HealthVersion.of(network);
        List<LoggedEntry> log = all.stream()
                                   .filter(e -> version == null || e.sequence() <= version.lastSequence()).toList();
        LocalDate evaluatedOn = version == null ? LocalDate.now(clock) : version.evaluatedOn();
        LocalDate on = evaluatedOn.isAfter(month.atEndOfMonth()) ? month.atEndOfMonth() : evaluatedOn;
        MonthHealth computed = model.monthFrom(log, on, List.of());
        if (computed == null || !computed.month().equals(month)) {
            throw RuleViolation.notFound("month", "no health was computed for " + month);
        }
        return store.asStored(computed);
    }

    /** An entry as explain shows it: whole to coordinators and auditors, its counting fields to steering. */
    private static Map<String, Object> describe(LoggedEntry entry, boolean full) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", entry.eventId());
        event.put("sequenceNumber", entry.sequence());
        event.put("type", entry.event().getClass().getSimpleName());
        event.put("occurredOn", entry.occurredOn());
        event.put("recordedAt", entry.recordedAt());
        if (full) {
            event.put("payload", entry.event());
        } else {
            event.put("fields", CountingFields.of(entry.event()));
        }
        return event;
    }

    private static boolean anonymousAnswer(LoggedEntry entry) {
        return entry != null && entry.event() instanceof EvaluationResponseRecorded r && Boolean.TRUE.equals(r.anonymous());
    }

    /** The health as of a business date (today at the latest), with every correction recorded so far applied. */
    public MonthHealth asOf(UUID networkId, LocalDate date) {
        notAfterToday(date);
        List<LoggedEntry> log = log(networkId);
        return asOf(networkId, log, date);
    }

    /**
     * The months before the date's month are those of today's timeline over the same log (a finished month does not
     * depend on the day it is looked at from), so only the date's own month is computed.
     */
    private MonthHealth asOf(UUID networkId, List<LoggedEntry> log, LocalDate date) {
        Computed today = today(networkId, log);
        List<MonthHealth> before = before(today.months(), YearMonth.from(date));
        return latest(model.timelineFromEffective(today.effective(), date, before).latest(), date);
    }

    /**
     * What was known at an instant differs from today's timeline only from the first month the entries recorded after
     * it touch; the months before it are taken from today's timeline. Of the months from there up to the date's
     * month only what that month reads of them is computed ({@link HealthModel#monthFrom}).
     */
    private MonthHealth asKnownAt(UUID networkId, List<LoggedEntry> log, List<LoggedEntry> knownLog, Instant knownAt,
                                  LocalDate date) {
        YearMonth touched = TouchedDates.firstMonth(log, e -> e.recordedAt().isAfter(knownAt));
        YearMonth month = YearMonth.from(date);
        List<MonthHealth> same = before(today(networkId, log).months(), touched.isBefore(month) ? touched : month);
        return model.monthFrom(knownLog, date, same);
    }

    /**
     * Today's timeline over this log and its effective history, computed once for each state of the log. A log that
     * grew since the kept one keeps the kept months before the first month its new entries can change, and before the
     * month the kept timeline was provisional in (a finished month does not depend on the day it is looked at from),
     * so an entry logged during an audit does not cost the next request ten years of months.
     */
    private Computed today(UUID networkId, List<LoggedEntry> log) {
        LocalDate today = LocalDate.now(clock);
        Computed kept = computed.getIfPresent(networkId);
        if (kept != null && kept.log() == log && kept.on().equals(today)) {
            return kept;
        }
        // on a new day over the same log, the effective history stands
        List<LoggedEntry> effective = kept != null && kept.log() == log ? kept.effective()
                : List.copyOf(EffectiveHistory.of(log));
        List<MonthHealth> same = List.of();
        if (kept != null && grew(kept.log(), log) && !today.isBefore(kept.on())) {
            int known = kept.log().size();
            YearMonth touched = TouchedDates.firstMonth(log, e -> e.sequence() >= known);
            YearMonth provisional = YearMonth.from(kept.on());
            same = before(kept.months(), touched != null && touched.isBefore(provisional) ? touched : provisional);
        }
        Computed next = new Computed(log, today, effective,
                                     model.timelineFromEffective(effective, today, same).months());
        computed.put(networkId, next);
        return next;
    }

    /** Whether {@code log} is {@code earlier} with entries added at its end (the reader only ever appends). */
    private static boolean grew(List<LoggedEntry> earlier, List<LoggedEntry> log) {
        int last = earlier.size() - 1;
        return log.size() >= earlier.size()
               && (last < 0 || log.get(last).eventId().equals(earlier.get(last).eventId()));
    }

    private static List<MonthHealth> before(List<MonthHealth> months, YearMonth month) {
        int end = 0;
        while (end < months.size() && months.get(end).month().isBefore(month)) {
            end++;
        }
        return months.subList(0, end);
    }

    /** The first page of {@link #compare(UUID, LocalDate, Instant, long, int)}'s late entries. */
    public Map<String, Object> compare(UUID networkId, LocalDate date, Instant knownAt) {
        return compare(networkId, date, knownAt, 0, LATE_ENTRIES_PAGE);
    }

    /** Late entries of one kind: how many, and the first and last dates they happened on (ISO dates sort as text). */
    record LateKind(String type, int count, String firstOccurredOn, String lastOccurredOn) {
        static LateKind of(LoggedEntry entry) {
            String on = entry.occurredOn().toString();
            return new LateKind(entry.event().getClass().getSimpleName(), 1, on, on);
        }

        LateKind plus(LateKind other) {
            String first = firstOccurredOn.compareTo(other.firstOccurredOn) <= 0 ? firstOccurredOn
                    : other.firstOccurredOn;
            String last = lastOccurredOn.compareTo(other.lastOccurredOn) >= 0 ? lastOccurredOn : other.lastOccurredOn;
            return new LateKind(type, count + other.count, first, last);
        }
    }

    /**
     * "As of" next to "as known at": which indicators differ, and the late entries and corrections (recorded after the
     * instant) that explain the difference. Before the network's first entry was recorded nothing was known of it:
     * {@code asKnownAt} is then null and {@code networkKnown} false.
     * <p>
     * A ten-year network can have thousands of late entries, so they come in pages in log order: at most {@code limit}
     * from sequence number {@code fromSequence} on, with {@code nextFromSequence} when more follow. How many there are in
     * all ({@code lateEntryCount}), how many lie before the page ({@code lateEntriesBefore}) and how many explain each
     * changed indicator ({@code explainedByCount}) count every one of them, and {@code lateByKind} sums them up per
     * kind (count, first and last date they happened on), in the order the kinds first appear.
     */
    public Map<String, Object> compare(UUID networkId, LocalDate date, Instant knownAt, long fromSequence, int limit) {
        Checks.start().when(fromSequence < 0, "fromSequence", "must be 0 or more")
              .when(limit < 1 || limit > MAX_LATE_ENTRIES_PAGE, "limit",
                    "must be between 1 and " + MAX_LATE_ENTRIES_PAGE).orThrow();
        notAfterToday(date);
        Instant now = clock.instant();
        if (knownAt.isAfter(now)) {
            throw RuleViolation.invalid("knownAt", "lies in the future (it is now "
                    + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ")");
        }
        List<LoggedEntry> log = log(networkId);
        MonthHealth asOf = asOf(networkId, log, date);
        List<LoggedEntry> knownLog = log.stream().filter(e -> !e.recordedAt().isAfter(knownAt)).toList();
        boolean networkKnown = knownLog.stream().anyMatch(e -> e.event() instanceof NetworkFounded);
        MonthHealth asKnown = !networkKnown ? null
                : knownLog.size() == log.size() ? asOf : asKnownAt(networkId, log, knownLog, knownAt, date);
        List<String> changed = new ArrayList<>();
        asOf.indicators().forEach((id, value) -> {
            IndicatorValue then = asKnown == null ? null : asKnown.indicators().get(id);
            if (then == null || !Objects.equals(then.figures(), value.figures()) || then.status() != value.status()) {
                changed.add(id);
            }
        });
        Map<String, Set<String>> evidenceOfChanged = evidenceOf(changed, asOf, asKnown);
        Map<String, Integer> explainedByCount = new LinkedHashMap<>();
        changed.forEach(id -> explainedByCount.put(id, 0));
        List<Map<String, Object>> late = new ArrayList<>();
        Map<String, LateKind> lateByKind = new LinkedHashMap<>();
        int lateCount = 0;
        int lateBefore = 0;
        Long nextFromSequence = null;
        Map<String, LoggedEntry> byId = new java.util.HashMap<>();
        for (LoggedEntry entry : log) {
            byId.put(entry.eventId(), entry);
            boolean after = entry.recordedAt().isAfter(knownAt);
            String target = EffectiveLog.targetOf(entry.event());
            if (after && (target != null || !entry.occurredOn().isAfter(date))) {
                lateCount++;
                LateKind kind = LateKind.of(entry);
                lateByKind.merge(kind.type(), kind, LateKind::plus);
                List<String> explains = explained(evidenceOfChanged, entry.eventId(), target);
                explains.forEach(id -> explainedByCount.merge(id, 1, Integer::sum));
                if (entry.sequence() < fromSequence) {
                    lateBefore++;
                    continue;
                }
                if (late.size() == limit) {
                    if (nextFromSequence == null) {
                        nextFromSequence = entry.sequence();
                    }
                    continue;
                }
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("eventId", entry.eventId());
                line.put("sequenceNumber", entry.sequence());
                line.put("type", entry.event().getClass().getSimpleName());
                line.put("occurredOn", entry.occurredOn().toString());
                line.put("recordedAt", entry.recordedAt().toString());
                if (target != null) {
                    line.put("targetEventId", target);
                    // what it corrects, by number, kind and the date that entry happened on: a correction happens
                    // on a day of its own, and listed by that day alone it read as news of that day
                    LoggedEntry corrected = byId.get(target);
                    if (corrected != null) {
                        line.put("targetSequenceNumber", corrected.sequence());
                        line.put("targetType", corrected.event().getClass().getSimpleName());
                        line.put("targetOccurredOn", corrected.occurredOn().toString());
                    }
                }
                line.put("explains", explains);
                late.add(line);
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("date", date.toString());
        answer.put("knownAt", knownAt.toString());
        answer.put("networkKnown", networkKnown);
        if (!networkKnown) {
            answer.put("networkKnownSince", log.get(0).recordedAt().toString());
            answer.put("message", "the network was not yet known at " + knownAt + "; its first entry was recorded at "
                                  + log.get(0).recordedAt());
        }
        answer.put("asOf", asOf);
        answer.put("asKnownAt", asKnown);
        answer.put("changedIndicators", changed);
        answer.put("explainedByCount", explainedByCount);
        answer.put("lateEntryCount", lateCount);
        answer.put("lateEntriesBefore", lateBefore);
        answer.put("lateByKind", new ArrayList<>(lateByKind.values()));
        answer.put("lateEntries", late);
        if (nextFromSequence != null) {
            answer.put("nextFromSequence", nextFromSequence);
        }
        return answer;
    }

    /**
     * The thresholds and windows in force for the network today (the defaults with every override logged on or before
     * today, corrections applied), each with its default and the values it may take, and every override in the log in
     * business order, so a coordinator sees what holds and how it came to hold.
     */
    public Map<String, Object> policy(UUID networkId) {
        List<LoggedEntry> log = log(networkId);
        List<LoggedEntry> effective = EffectiveHistory.of(log);
        LocalDate today = LocalDate.now(clock);
        HealthPolicy inForce = HealthModel.policyAt(effective.stream().filter(e -> !e.occurredOn().isAfter(today)).toList());
        List<Map<String, Object>> settings = new ArrayList<>();
        for (String key : HealthPolicy.keys()) {
            HealthPolicy.Range range = HealthPolicy.range(key);
            Map<String, Object> setting = new LinkedHashMap<>();
            setting.put("key", key);
            setting.put("value", inForce.get(key));
            setting.put("defaultValue", HealthPolicy.defaultOf(key));
            setting.put("overridden", inForce.get(key) != HealthPolicy.defaultOf(key));
            setting.put("min", range.min());
            setting.put("max", range.max());
            setting.put("whole", range.whole());
            settings.add(setting);
        }
        Set<String> applied = new HashSet<>();
        effective.forEach(e -> applied.add(e.eventId()));
        List<Map<String, Object>> overrides = new ArrayList<>();
        for (LoggedEntry entry : log) {
            if (entry.event() instanceof HealthPolicyChanged change) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("eventId", entry.eventId());
                line.put("sequenceNumber", entry.sequence());
                line.put("occurredOn", entry.occurredOn().toString());
                line.put("recordedAt", entry.recordedAt().toString());
                line.put("overrides", change.overrides());
                line.put("note", change.note());
                line.put("applies", applied.contains(entry.eventId()));
                overrides.add(line);
            }
        }
        overrides.sort(Comparator.comparing((Map<String, Object> o) -> (String) o.get("occurredOn"))
                                 .thenComparing(o -> (Long) o.get("sequenceNumber")));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("asOf", today.toString());
        answer.put("settings", settings);
        answer.put("overrides", overrides);
        return answer;
    }

    /**
     * The differing indicators a late entry explains: those whose evidence, as of the date or as known then, names the
     * entry itself or the entry it corrects or retracts.
     */
    private static List<String> explained(Map<String, Set<String>> evidenceOfChanged, String eventId, String target) {
        List<String> explains = new ArrayList<>();
        evidenceOfChanged.forEach((id, evidence) -> {
            if (evidence.contains(eventId) || target != null && evidence.contains(target)) {
                explains.add(id);
            }
        });
        return explains;
    }

    /** Per changed indicator, in order, the evidence of both sides: every late entry is looked up in it. */
    private static Map<String, Set<String>> evidenceOf(List<String> changed, MonthHealth asOf, MonthHealth asKnown) {
        Map<String, Set<String>> evidence = new LinkedHashMap<>();
        for (String id : changed) {
            Set<String> ids = new HashSet<>();
            for (MonthHealth side : new MonthHealth[] {asOf, asKnown}) {
                IndicatorValue value = side == null ? null : side.indicators().get(id);
                if (value != null) {
                    ids.addAll(value.evidence());
                }
            }
            evidence.put(id, ids);
        }
        return evidence;
    }

    /** Health is known up to today: a later date would only extrapolate, and a far one costs a month per month. */
    private void notAfterToday(LocalDate date) {
        LocalDate today = LocalDate.now(clock);
        if (date.isAfter(today)) {
            throw RuleViolation.invalid("date", "lies after today (" + today + ")");
        }
    }

    private List<LoggedEntry> log(UUID networkId) {
        List<LoggedEntry> log = logs.all(networkId);
        if (log.isEmpty()) {
            throw RuleViolation.notFound("networkId", "no network with this id");
        }
        return log;
    }

    private static MonthHealth latest(MonthHealth month, LocalDate date) {
        if (month == null) {
            throw RuleViolation.invalid("date", "lies before the network was founded");
        }
        return month;
    }

    /** The network's stored health document, as last evaluated: a read never computes. */
    private Document stored(UUID networkId) {
        Document network = store.network(networkId);
        if (network == null) {
            throw RuleViolation.notFound("networkId", "no health views for this network yet");
        }
        return network;
    }

    /**
     * An instant with its offset ({@code Z} or {@code +01:00}). A time without one is refused rather than guessed at:
     * it was read as UTC, an hour or two off the clock of the person who typed it.
     */
    static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            try {
                java.time.LocalDateTime.parse(text);
            } catch (RuntimeException unreadable) {
                throw RuleViolation.invalid("knownAt", "is not an instant (e.g. 2025-01-31T12:00:00Z)");
            }
            throw RuleViolation.invalid("knownAt", "has no offset: give one, as in 2025-01-31T12:00:00Z or "
                    + "2025-01-31T13:00:00+01:00");
        }
    }
}
