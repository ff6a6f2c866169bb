package nl.samenspel.query.health;

import nl.samenspel.health.MonthHealth;
import nl.samenspel.kernel.access.NetworkRole;
import nl.samenspel.kernel.validation.RuleViolation;
import nl.samenspel.support.security.Access;
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
public class HealthController {
    private final HealthQueries health;

    public HealthController(HealthQueries health) {
        this.health = health;
    }

    @GetMapping
    @Access(value = Access.Audience.NETWORK, roles = {NetworkRole.COORDINATOR, NetworkRole.STEERING, NetworkRole.AUDITOR})
    public Document current(@PathVariable UUID networkId) {
        return health.current(networkId);
    }

    @GetMapping("/timeline")
    @Access(value = Access.Audience.NETWORK, roles = {NetworkRole.COORDINATOR, NetworkRole.STEERING, NetworkRole.AUDITOR})
    public List<Document> timeline(@PathVariable UUID networkId) {
        return health.timeline(networkId);
    }

    /** Alert episodes: raised in the month their rule first held, cleared when it stopped; evidence and response. */
    @GetMapping("/alerts")
    @Access(value = Access.Audience.NETWORK, roles = {NetworkRole.COORDINATOR, NetworkRole.STEERING, NetworkRole.AUDITOR})
    public List<Object> alerts(@PathVariable UUID networkId) {
        return health.episodes(networkId);
    }

    /** The dip curve (energy, smoothed, peak, phase) with the drivers and dip risk per month. */
    @GetMapping("/dip")
    @Access(value = Access.Audience.NETWORK, roles = {NetworkRole.COORDINATOR, NetworkRole.STEERING, NetworkRole.AUDITOR})
    public List<Map<String, Object>> dip(@PathVariable UUID networkId) {
        return health.series(networkId, List.of("H5", "H6", "H7"));
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

    /** The events behind one indicator's value in one month. */
    @GetMapping("/explain")
    @Access(value = Access.Audience.NETWORK, roles = {NetworkRole.COORDINATOR, NetworkRole.STEERING, NetworkRole.AUDITOR})
    public Map<String, Object> explain(@PathVariable UUID networkId, @RequestParam String indicator,
                                       @RequestParam String month) {
        return health.explain(networkId, indicator, month(month));
    }

    /** Health as of a business date, with all corrections recorded so far. */
    @GetMapping("/as-of")
    @Access(value = Access.Audience.NETWORK, roles = {NetworkRole.COORDINATOR, NetworkRole.STEERING, NetworkRole.AUDITOR})
    public MonthHealth asOf(@PathVariable UUID networkId, @RequestParam LocalDate date) {
        return health.asOf(networkId, date);
    }

    /** "As of" next to "as known at" for auditors: what differs and which late entries or corrections explain it. */
    @GetMapping("/compare")
    @Access(value = Access.Audience.NETWORK, roles = {NetworkRole.AUDITOR, NetworkRole.COORDINATOR})
    public Map<String, Object> compare(@PathVariable UUID networkId, @RequestParam LocalDate date,
                                       @RequestParam String knownAt) {
        return health.compare(networkId, date, HealthQueries.instant(knownAt));
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
