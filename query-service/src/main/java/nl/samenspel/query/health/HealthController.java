package nl.samenspel.query.health;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import nl.samenspel.health.MonthHealth;
import nl.samenspel.kernel.access.NetworkRole;
import nl.samenspel.kernel.validation.RuleViolation;
import nl.samenspel.query.reads.ReadFrom;
import nl.samenspel.support.security.Access;
import nl.samenspel.support.security.Actor;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The health views of a network: current health, the monthly timeline, alerts, the dip curve, give and take, the
 * three capitals, the figure eight, the thermometer, explanations, and time travel.
 */
@RestController
@RequestMapping("/api/networks/{networkId}/health")
@ReadFrom(HealthProjection.PROCESSOR)
public class HealthController {
    private final HealthQueries health;
    private final HealthCheck check;

    public HealthController(HealthQueries health, HealthCheck check) {
        this.health = health;
        this.check = check;
    }

    @GetMapping
    @Operation(summary = "The current month's health",
               description = "Indicators H1–H17 (id, name, status, figures, evidence) and the alerts that hold: id, "
                       + "title, severity, detail (in English), evidence, suggestedResponse and reasons, the detail as "
                       + "codes of the alert's rule with their values (a value starting with @ names a label, such as "
                       + "@enum.board), for saying it in another language; provisional while the month has not ended.")
    @Access(value = Access.Audience.NETWORK, roles = {NetworkRole.COORDINATOR, NetworkRole.STEERING, NetworkRole.AUDITOR})
    public Document current(@PathVariable UUID networkId) {
        return health.current(networkId);
    }

    /** Every month with its figures, statuses and evidence counts; the ids behind a figure come from explain. */
    @GetMapping("/timeline")
    @Operation(summary = "Every month from the founding month to now",
               description = "Each month as the current health answers it (month, asOf, provisional, indicators H1–H17 "
                       + "with id, name, status and figures, and the alerts that hold), except that each indicator, "
                       + "each alert and each dip-risk driver in H6's figures carries evidenceCount, the number of "
                       + "entries behind it, instead of the evidence list of their event ids: ask explain (indicator "
                       + "or alert, and month) for those.")
    @Access(value = Access.Audience.NETWORK, roles = {NetworkRole.COORDINATOR, NetworkRole.STEERING, NetworkRole.AUDITOR})
    public List<Document> timeline(@PathVariable UUID networkId) {
        return health.timeline(networkId);
    }

    /** Alert episodes: raised in the month their rule first held, cleared when it stopped; evidence and response. */
    @GetMapping("/alerts")
    @Operation(summary = "Alert episodes",
               description = "Each episode: id, title, severity (the highest it reached), raised, cleared (null while "
                       + "open), evidence, suggestedResponse (of the first month at that severity), currentSeverity "
                       + "(of its last month) and severities: every severity it held with from and until (the first "
                       + "month it no longer held; null while it still does).")
    @Access(value = Access.Audience.NETWORK, roles = {NetworkRole.COORDINATOR, NetworkRole.STEERING, NetworkRole.AUDITOR})
    public List<Object> alerts(@PathVariable UUID networkId) {
        return health.episodes(networkId);
    }

    /** The dip curve (energy, smoothed, peak, phase) with the drivers, dip risk, vitality and suggested phase per month. */
    @GetMapping("/dip")
    @Access(value = Access.Audience.NETWORK, roles = {NetworkRole.COORDINATOR, NetworkRole.STEERING, NetworkRole.AUDITOR})
    public List<Map<String, Object>> dip(@PathVariable UUID networkId) {
        return health.series(networkId, List.of("H5", "H6", "H7", "H17"));
    }

    @GetMapping("/give-and-take")
    @Access(value = Access.Audience.NETWORK, roles = {NetworkRole.COORDINATOR, NetworkRole.STEERING, NetworkRole.AUDITOR})
    public Object giveAndTake(@PathVariable UUID networkId) {
        return indicator(networkId, "H4");
    }

    @GetMapping("/capitals")
    @Access(value = Access.Audience.NETWORK, roles = {NetworkRole.COORDINATOR, NetworkRole.STEERING, NetworkRole.AUDITOR})
    public Object capitals(@PathVariable UUID networkId) {
        return indicator(networkId, "H12");
    }

    @GetMapping("/figure-eight")
    @Access(value = Access.Audience.NETWORK, roles = {NetworkRole.COORDINATOR, NetworkRole.STEERING, NetworkRole.AUDITOR})
    public Object figureEight(@PathVariable UUID networkId) {
        return indicator(networkId, "H10");
    }

    @GetMapping("/thermometer")
    @Access(value = Access.Audience.NETWORK, roles = {NetworkRole.COORDINATOR, NetworkRole.STEERING, NetworkRole.AUDITOR})
    public Object thermometer(@PathVariable UUID networkId) {
        return indicator(networkId, "H13");
    }

    /**
     * The events behind one indicator's value ({@code indicator=H6}) or one alert ({@code alert=A4}) in one month, with
     * the corrections and retractions applied. Coordinators and auditors get each entry whole ({@code payload});
     * steering members get the fields the figure counts ({@code fields}): kinds, dates, ids, levels and numbers, no
     * free text and no person references.
     */
    @GetMapping("/explain")
    @Operation(summary = "The events behind an indicator or an alert in one month",
               description = "Give either indicator (H1–H17) or alert (A1–A18), and month (YYYY-MM). Answers month, "
                       + "indicator or alert, view (full or figures), events (eventId, sequenceNumber, type, occurredOn, "
                       + "recordedAt, corrected, and payload for coordinators and auditors or fields for steering "
                       + "members) and corrections (the EntryCorrected and EntryRetracted entries applied, each with "
                       + "targetType and targetOccurredOn). Anonymous answers are never listed.")
    @Access(value = Access.Audience.NETWORK, roles = {NetworkRole.COORDINATOR, NetworkRole.AUDITOR, NetworkRole.STEERING})
    public Map<String, Object> explain(@PathVariable UUID networkId, @RequestParam(required = false) String indicator,
                                       @RequestParam(required = false) String alert, @RequestParam String month,
                                       HttpServletRequest http) {
        if ((indicator == null) == (alert == null)) {
            throw RuleViolation.invalid(indicator == null ? "indicator" : "alert",
                                        "give either an indicator (H1–H17) or an alert (A1–A18)");
        }
        boolean full = !NetworkRole.STEERING.wireName().equals(Actor.of(http).actingAs());
        return health.explain(networkId, indicator, alert, month(month), full);
    }

    /** The thresholds and windows in force today, with defaults and allowed ranges, and the overrides logged. */
    @GetMapping("/policy")
    @Operation(summary = "The health policy in force",
               description = "Every setting with its value today, its default, whether a logged override changed it, "
                       + "and the values it may take (min, max, whole); then every health-policy-changed entry in "
                       + "business order, with applies=false when it was retracted.")
    @Access(value = Access.Audience.NETWORK, roles = {NetworkRole.COORDINATOR, NetworkRole.STEERING, NetworkRole.AUDITOR})
    public Map<String, Object> policy(@PathVariable UUID networkId) {
        return health.policy(networkId);
    }

    /** Health as of a business date (today at the latest: a later date answers 400), with all corrections so far. */
    @GetMapping("/as-of")
    @Operation(summary = "Health as of a business date",
               description = "date (YYYY-MM-DD) may not lie after today (400 on field date); its month is provisional "
                       + "when date is not the month's last day.")
    @Access(value = Access.Audience.NETWORK, roles = {NetworkRole.COORDINATOR, NetworkRole.STEERING, NetworkRole.AUDITOR})
    public MonthHealth asOf(@PathVariable UUID networkId, @RequestParam LocalDate date) {
        return health.asOf(networkId, date);
    }

    /**
     * "As of" next to "as known at" for auditors: what differs and which late entries or corrections explain it.
     * {@code date} may not lie after today nor {@code knownAt} after now (400); before the network was first recorded
     * {@code asKnownAt} is null and {@code networkKnown} false.
     */
    @GetMapping("/compare")
    @Operation(summary = "\"As of\" next to \"as known at\"",
               description = "date may not lie after today (400 on field date), knownAt not after now (400 on field "
                       + "knownAt). Before the network's first entry was recorded, networkKnown is false, asKnownAt "
                       + "is null and networkKnownSince and message say when it became known. The late entries "
                       + "come in pages in log order: at most limit (1–1000, default 100) from sequence number "
                       + "fromSequence on, with nextFromSequence when more follow; lateEntryCount, lateEntriesBefore "
                       + "and explainedByCount (per changed indicator) count all of them, and lateByKind sums them "
                       + "up per kind (type, count, firstOccurredOn, lastOccurredOn). A late correction or "
                       + "retraction names what it corrects: targetEventId, targetSequenceNumber, targetType and "
                       + "targetOccurredOn.")
    @Access(value = Access.Audience.NETWORK, roles = {NetworkRole.AUDITOR, NetworkRole.COORDINATOR})
    public Map<String, Object> compare(@PathVariable UUID networkId, @RequestParam LocalDate date,
                                       @RequestParam String knownAt, @RequestParam(defaultValue = "0") long fromSequence,
                                       @RequestParam(defaultValue = "" + HealthQueries.LATE_ENTRIES_PAGE) int limit) {
        return health.compare(networkId, date, HealthQueries.instant(knownAt), fromSequence, limit);
    }

    /**
     * Whether the stored health, which every health view reads, still follows from the log: each month and the alert
     * episodes computed again from the entries the stored health says it includes, on the day it was evaluated.
     */
    @GetMapping("/check")
    @Operation(summary = "Check the stored health against the log",
               description = "Computes the network's months and alert episodes again from its log, up to the entry "
                       + "the stored health includes (lastSequence) and on the day it was evaluated (evaluatedOn), and "
                       + "compares them with what is stored. Answers matches, lastSequence, evaluatedOn, entriesInLog "
                       + "(entries after lastSequence are not in the stored health yet), monthsChecked, differing (at "
                       + "most 12 months, differingCount counts them all), missing and extra months, alertsMatch, and "
                       + "leftOutSince when an entry has been left out of the figures longer than the grace; and "
                       + "under lists the same for the lists the pages read (partners, people, agreements, meetings "
                       + "and the rest), folded again from the log up to the entry they include: matches, "
                       + "lastSequence, checked, differing (by list name) and leftOutSince. matches covers both. "
                       + "Checks the stored figures and lists, not the log itself: see "
                       + "/api/networks/{networkId}/integrity.")
    @Access(value = Access.Audience.NETWORK, roles = {NetworkRole.AUDITOR, NetworkRole.COORDINATOR})
    public HealthCheck.Result check(@PathVariable UUID networkId) {
        return check.check(networkId);
    }

    private Object indicator(UUID networkId, String id) {
        Document indicators = (Document) health.current(networkId).get("indicators");
        Object value = indicators == null ? null : indicators.get(id);
        if (value == null) {
            throw RuleViolation.notFound("indicator", "indicator " + id + " is not computed");
        }
        return value;
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw RuleViolation.invalid("month", "must be a month like 2025-03");
        }
    }
}
