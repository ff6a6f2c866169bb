package nl.samenspel.query.health;

import nl.samenspel.health.EffectiveHistory;
import nl.samenspel.health.HealthModel;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.LoggedEntry;
import nl.samenspel.health.MonthHealth;
import nl.samenspel.kernel.correction.EntryCorrected;
import nl.samenspel.kernel.correction.EntryRetracted;
import nl.samenspel.kernel.validation.RuleViolation;
import org.bson.Document;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Answers health questions: from the stored monthly read models for the live views, and by folding the event log on
 * demand for time travel ("as of" a date, "as known at" an instant) and for explaining a value by its events.
 */
@Service
public class HealthQueries {
    private final HealthStore store;
    private final HealthProjection projection;
    private final NetworkLogReader logs;
    private final Clock clock;
    private final HealthModel model = HealthModel.standard();

    public HealthQueries(HealthStore store, HealthProjection projection, NetworkLogReader logs, Clock clock) {
        this.store = store;
        this.projection = projection;
        this.logs = logs;
        this.clock = clock;
    }

    /** The stored months, first brought up to today when time moved on since they were computed. */
    public List<Document> timeline(UUID networkId) {
        fresh(networkId);
        return store.months(networkId);
    }

    public Document current(UUID networkId) {
        List<Document> months = timeline(networkId);
        return months.get(months.size() - 1);
    }

    @SuppressWarnings("unchecked")
    public List<Object> episodes(UUID networkId) {
        fresh(networkId);
        return (List<Object>) store.network(networkId).get("episodes");
    }

    /** One indicator in every month: the series a chart draws. */
    public List<Map<String, Object>> series(UUID networkId, List<String> indicatorIds) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (Document month : timeline(networkId)) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("month", month.get("month"));
            Document indicators = (Document) month.get("indicators");
            for (String id : indicatorIds) {
                point.put(id, indicators == null ? null : indicators.get(id));
            }
            series.add(point);
        }
        return series;
    }

    /** The value of one indicator in one month with the events behind it. */
    public Map<String, Object> explain(UUID networkId, String indicatorId, YearMonth month) {
        fresh(networkId);
        Document stored = store.month(networkId, month);
        if (stored == null) {
            throw RuleViolation.notFound("month", "no health was computed for " + month);
        }
        Document indicator = (Document) ((Document) stored.get("indicators")).get(indicatorId);
        if (indicator == null) {
            throw RuleViolation.notFound("indicator", "no indicator " + indicatorId);
        }
        List<String> evidence = indicator.getList("evidence", String.class, List.of());
        List<Map<String, Object>> events = new ArrayList<>();
        for (LoggedEntry entry : logs.read(networkId, -1)) {
            if (evidence.contains(entry.eventId())) {
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("eventId", entry.eventId());
                event.put("sequenceNumber", entry.sequence());
                event.put("type", entry.event().getClass().getSimpleName());
                event.put("occurredOn", entry.occurredOn());
                event.put("recordedAt", entry.recordedAt());
                event.put("payload", entry.event());
                events.add(event);
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("month", month.toString());
        answer.put("indicator", indicator);
        answer.put("events", events);
        return answer;
    }

    /** The health as of a business date, with every correction recorded so far applied. */
    public MonthHealth asOf(UUID networkId, LocalDate date) {
        return latest(model.timeline(log(networkId), date).latest(), date);
    }

    /** The health as the platform knew it at an instant: later entries and later corrections do not count. */
    public MonthHealth asKnownAt(UUID networkId, Instant knownAt, LocalDate date) {
        List<LoggedEntry> known = log(networkId).stream().filter(e -> !e.recordedAt().isAfter(knownAt)).toList();
        return latest(model.timeline(known, date).latest(), date);
    }

    /**
     * "As of" next to "as known at": which indicators differ, and the late entries and corrections (recorded after the
     * instant) that explain the difference.
     */
    public Map<String, Object> compare(UUID networkId, LocalDate date, Instant knownAt) {
        List<LoggedEntry> log = log(networkId);
        MonthHealth asOf = asOf(networkId, date);
        MonthHealth asKnown = asKnownAt(networkId, knownAt, date);
        List<String> changed = new ArrayList<>();
        asOf.indicators().forEach((id, value) -> {
            IndicatorValue then = asKnown == null ? null : asKnown.indicators().get(id);
            if (then == null || !Objects.equals(then.figures(), value.figures()) || then.status() != value.status()) {
                changed.add(id);
            }
        });
        List<Map<String, Object>> late = new ArrayList<>();
        for (LoggedEntry entry : log) {
            boolean after = entry.recordedAt().isAfter(knownAt);
            boolean correction = entry.event() instanceof EntryCorrected || entry.event() instanceof EntryRetracted;
            if (after && (correction || !entry.occurredOn().isAfter(date))) {
                late.add(Map.of("eventId", entry.eventId(), "type", entry.event().getClass().getSimpleName(),
                                "occurredOn", entry.occurredOn().toString(), "recordedAt", entry.recordedAt().toString()));
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("date", date.toString());
        answer.put("knownAt", knownAt.toString());
        answer.put("asOf", asOf);
        answer.put("asKnownAt", asKnown);
        answer.put("changedIndicators", changed);
        answer.put("lateEntries", late);
        return answer;
    }

    private List<LoggedEntry> log(UUID networkId) {
        List<LoggedEntry> log = logs.read(networkId, -1);
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

    private void fresh(UUID networkId) {
        Document network = store.network(networkId);
        LocalDate today = LocalDate.now(clock);
        if (network == null || !today.toString().equals(network.getString("evaluatedOn"))) {
            projection.refresh(networkId, today);
        }
        if (store.network(networkId) == null) {
            throw RuleViolation.notFound("networkId", "no health views for this network yet");
        }
    }

    /** Instants without a zone are read as UTC. */
    static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            try {
                return java.time.LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (RuntimeException unreadable) {
                throw RuleViolation.invalid("knownAt", "is not an instant (e.g. 2025-01-31T12:00:00Z)");
            }
        }
    }
}
