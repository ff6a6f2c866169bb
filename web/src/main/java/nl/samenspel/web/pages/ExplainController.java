package nl.samenspel.web.pages;

import nl.samenspel.web.api.SamenspelClient;
import nl.samenspel.web.security.SignedIn;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What a value rests on: the indicator's figures in one month and the kinds and dates of the entries behind it.
 * The entries' content is not shown, so the page is fit for every role that may read the dashboard.
 */
@Controller
public class ExplainController {
    private final SamenspelClient client;
    private final MessageSource messages;
    private final nl.samenspel.web.api.EntryCatalogue catalogue;
    private final java.time.ZoneId zone;

    public ExplainController(SamenspelClient client, MessageSource messages,
                             nl.samenspel.web.api.EntryCatalogue catalogue, nl.samenspel.web.WebProperties properties) {
        this.client = client;
        this.messages = messages;
        this.catalogue = catalogue;
        this.zone = properties.zone();
    }

    /**
     * An entry behind the value: its number in the log, its kind, dates, and what it says that counts, in words;
     * whether a correction changed it (shown as corrected); where the log shows it (null for a steering member, who
     * does not read the log).
     */
    record Entry(long sequence, String kind, String occurredOn, String recordedOn, String said, boolean corrected,
                 String link) {
        /** What it says, cut so that no date in it breaks at a hyphen on a narrow screen. */
        public List<Piece> saidPieces() {
            return Piece.of(said);
        }
    }

    @GetMapping("/networks/{networkId}/explain")
    public String explain(@PathVariable UUID networkId, @RequestParam(required = false) String indicator,
                          @RequestParam(required = false) String alert, @RequestParam String month,
                          @AuthenticationPrincipal SignedIn user, Model model, Locale locale,
                          jakarta.servlet.http.HttpServletResponse response) {
        Words words = new Words(messages, locale);
        // An address typed or kept from elsewhere: the page says which part of it names nothing ("no such network or
        // month" for an indicator H99 sent the reader looking at the wrong part).
        if (!month.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            return notFound(response, model, words.get("problem.notfound.month", month));
        }
        // a month after the current one, or before the network: said of the month, with the months there are
        // ("there is no such network or month" sent the reader looking at the network)
        java.time.YearMonth asked = java.time.YearMonth.parse(month);
        java.time.YearMonth current = java.time.YearMonth.now(zone);
        if (asked.isAfter(current)) {
            return notFound(response, model, words.get("problem.notfound.futureMonth", month, current.toString()));
        }
        SamenspelClient.Network network = client.network(user.token(), networkId);
        if (network.foundedOn() != null && asked.isBefore(java.time.YearMonth.from(network.foundedOn()))) {
            return notFound(response, model, words.get("problem.notfound.beforeFounding", month,
                                                       java.time.YearMonth.from(network.foundedOn()).toString()));
        }
        if (alert != null) {
            return explainAlert(network, alert, month, user, model, words, response);
        }
        if (indicator == null) {
            return notFound(response, model, words.get("problem.notfound.indicator", ""));
        }
        boolean phase = IndicatorCatalog.PHASE.equals(indicator);
        if (!IndicatorCatalog.IDS.contains(indicator) && !phase) {
            return notFound(response, model, words.get("problem.notfound.indicator", indicator));
        }
        SamenspelClient.Explanation explanation = client.explain(user.token(), networkId, indicator, month);
        SamenspelClient.Indicator value = explanation.indicator();
        String status = value == null || value.status() == null ? "NA" : value.status();
        SamenspelClient.Me me = client.me(user.token());
        List<Entry> entries = entries(explanation.events(), me, user, networkId, words);
        model.addAttribute("corrections", corrections(explanation, me, networkId, words));
        model.addAttribute("network", network);
        model.addAttribute("alert", null);
        model.addAttribute("indicatorId", indicator);
        model.addAttribute("indicatorName", words.get("indicator." + indicator + ".name"));
        model.addAttribute("heading", Piece.of(words.get("explain.heading", words.get("indicator." + indicator + ".name"),
                                                         month)));
        model.addAttribute("month", month);
        String shown = Tiles.shown(indicator, status);
        model.addAttribute("status", shown);
        model.addAttribute("statusWord", words.status(shown));
        Double headline = phase ? null : IndicatorCatalog.headline(value);
        // the suggested phase is a phase, not a figure: its words are its value
        String suggested = phase && value != null ? IndicatorCatalog.text(value.figures(), "suggested") : null;
        model.addAttribute("value", suggested != null ? PhaseLine.word(words, suggested) : words.value(indicator, headline));
        // what the value counts, as its tile says it
        model.addAttribute("figure", Tiles.figure(indicator, headline, words));
        model.addAttribute("why", phase && !"NA".equals(status) ? PhaseLine.sentence(value.figures(), words)
                : Tiles.said(indicator, value, status, words));
        model.addAttribute("entries", entries);
        // a steering member gets the fields a figure counts, coordinators and auditors the entry whole
        model.addAttribute("whole", explanation.events().stream().anyMatch(e -> e.payload() != null && !e.payload().isNull()));
        // A month not over yet shows the value of the last complete month (network energy): say so, as the entries
        // listed then include those of that month; and the energy always averages the months before it.
        boolean provisional = value != null && value.figures() != null && value.figures().path("provisional").asBoolean(false);
        if (provisional && model.getAttribute("why") instanceof String why) {
            // the note below says it at more length: said once
            model.addAttribute("why", why.replace(" " + words.get("why.H5.provisional"), ""));
        }
        model.addAttribute("note", provisional ? words.get("explain.provisional")
                : "H5".equals(indicator) && !"NA".equals(status) ? words.get("explain.averaged") : null);
        // answers given anonymously count in an evaluation's figures but are never listed: said, or the list of two
        // openings beside "21 respondents" reads as answers missing
        long anonymous = value == null || value.figures() == null ? 0
                : value.figures().path("anonymousResponses").asLong(0) - value.figures().path("anonymousWithheld").asLong(0);
        model.addAttribute("anonymousNote", anonymous > 0 ? words.get("explain.anonymous", anonymous) : null);
        // an evaluation's value comes from one evaluation, compared with the one before: said, as the list holds both
        String openedOn = ("H1".equals(indicator) || "H16".equals(indicator)) && value != null
                ? IndicatorCatalog.text(value.figures(), "openedOn") : null;
        model.addAttribute("evaluationNote", openedOn == null ? null : Piece.of(words.get("explain.evaluation", openedOn,
                IndicatorCatalog.text(value.figures(), "previousEvaluationId") == null ? 0 : 1)));
        model.addAttribute("back", "/networks/" + networkId + "?month=" + month);
        return "explain";
    }

    /**
     * What one alert rests on in one month: its title, severity and reasons in words, as its card says them, and the
     * entries behind it. The card's "show them" led to its indicator's entries, another list than the one it counted.
     */
    private String explainAlert(SamenspelClient.Network network, String alert, String month, SignedIn user, Model model,
                                Words words, jakarta.servlet.http.HttpServletResponse response) {
        if (!alert.matches("A([1-9]|1[0-8])")) {
            return notFound(response, model, words.get("problem.notfound.alert", alert));
        }
        UUID networkId = network.networkId();
        SamenspelClient.Explanation explanation;
        try {
            explanation = client.explainAlert(user.token(), networkId, alert, month);
        } catch (SamenspelClient.ApiException notThen) {
            if (notThen.status() != 404) {
                throw notThen;
            }
            // an address kept from another month: said of the alert, not "no such network or month"
            return notFound(response, model, words.get("problem.notfound.alertMonth",
                                                       Alerts.said(words, alert, null, "title", alert), month));
        }
        SamenspelClient.Alert held = explanation.alert();
        // since when it held, and whether it cleared since: a cleared alert's page read as one that still holds
        SamenspelClient.AlertEpisode episode = client.alerts(user.token(), networkId).stream()
                .filter(e -> e.id().equals(alert) && e.raised() != null && e.raised().compareTo(month) <= 0
                        && (e.cleared() == null || e.cleared().compareTo(month) > 0))
                .findFirst().orElse(null);
        // the rule that chose a suggested phase is named with the figures of the month's phase (H17)
        java.util.Map<String, String> known = "A18".equals(alert)
                ? Alerts.known(client.explain(user.token(), networkId, IndicatorCatalog.PHASE, month).indicator(), words)
                : java.util.Map.of();
        AlertDetail detail = AlertDetail.of(held, words, known);
        String title = Alerts.title(held, words);
        model.addAttribute("network", network);
        model.addAttribute("indicatorId", alert);
        model.addAttribute("indicatorName", title);
        model.addAttribute("month", month);
        model.addAttribute("heading", Piece.of(words.get("explain.heading", title, month)));
        model.addAttribute("alert", new Alerts.Card(alert, title, held.severity(), words.severity(held.severity()),
                                                    episode == null ? null : episode.raised(),
                                                    episode == null ? null : episode.cleared(), detail.text(), detail.lang(),
                                                    Alerts.response(held, words),
                                                    held.evidenceCount(), null));
        model.addAttribute("value", null);
        model.addAttribute("status", null);
        model.addAttribute("figure", null);
        model.addAttribute("why", null);
        SamenspelClient.Me me = client.me(user.token());
        model.addAttribute("entries", entries(explanation.events(), me, user, networkId, words));
        model.addAttribute("corrections", corrections(explanation, me, networkId, words));
        model.addAttribute("whole", explanation.events().stream().anyMatch(e -> e.payload() != null && !e.payload().isNull()));
        model.addAttribute("note", null);
        model.addAttribute("anonymousNote", null);
        model.addAttribute("evaluationNote", null);
        model.addAttribute("back", "/networks/" + networkId + "?month=" + month);
        return "explain";
    }

    /**
     * The entries behind a value or an alert, in the order they happened, whatever their kind, each linked to its
     * place in the log for those who read it (coordinators and auditors).
     */
    private List<Entry> entries(List<SamenspelClient.ExplainedEntry> events, SamenspelClient.Me me, SignedIn user,
                                UUID networkId, Words words) {
        java.util.function.Function<SamenspelClient.ExplainedEntry, String> said =
                said(user, networkId, Coordinators.isCoordinator(me, networkId), words);
        return events.stream().map(e -> entry(e, said.apply(e), e.corrected(), me, networkId, words))
                     .sorted(Comparator.comparing(Entry::occurredOn)).toList();
    }

    /**
     * The corrections and retractions the value applies, in the order logged, each saying what it changed ("Corrects:
     * Agreement outcome of 2024-06-24"): the page showed a corrected value beside the entry with nothing to say so.
     */
    private List<Entry> corrections(SamenspelClient.Explanation explanation, SamenspelClient.Me me, UUID networkId,
                                    Words words) {
        return explanation.corrections().stream()
                .map(c -> entry(c, words.get(retraction(c) ? "explain.retracts" : "explain.corrects",
                                             words.orElse("entry." + c.targetType(), readable(c.targetType())),
                                             c.targetOccurredOn() == null ? "" : c.targetOccurredOn().toString()),
                                false, me, networkId, words))
                .sorted(Comparator.comparing(Entry::sequence)).toList();
    }

    /** One line of either list: {@code e} saying {@code said}, linked into the log for coordinators and auditors. */
    private Entry entry(SamenspelClient.ExplainedEntry e, String said, boolean corrected, SamenspelClient.Me me,
                        UUID networkId, Words words) {
        boolean readsLog = Coordinators.holdsAny(me, networkId, "auditor", "coordinator");
        return new Entry(e.sequenceNumber() == null ? 0 : e.sequenceNumber(),
                         words.orElse("entry." + e.type(), readable(e.type())),
                         e.occurredOn() == null ? "" : e.occurredOn().toString(),
                         day(e.recordedAt(), zone),
                         said, corrected,
                         readsLog && e.eventId() != null
                                 ? "/networks/" + networkId + "/audit/history/entry/" + e.eventId() : null);
    }

    /**
     * The day an entry was logged, in the pages' time zone as the log shows its moment: the first ten characters of
     * the instant were its day in UTC, so an entry logged at 00:37 in Amsterdam read as logged the day before it
     * happened. Empty when there is none.
     */
    static String day(String recordedAt, java.time.ZoneId zone) {
        if (recordedAt == null || recordedAt.isBlank()) {
            return "";
        }
        try {
            return java.time.LocalDate.ofInstant(java.time.Instant.parse(recordedAt), zone).toString();
        } catch (java.time.format.DateTimeParseException notAnInstant) {
            return recordedAt.substring(0, Math.min(10, recordedAt.length()));
        }
    }

    /**
     * What an entry says, in words, as the history says it (partners and agreements by name, a choice by its word):
     * of the fields the figure counts for a steering member ("Status: delivered · Quantity: 8"), which told a pledge
     * from a delivery beside "37 contributions delivered"; empty when the catalogue of entry kinds cannot be read.
     */
    private java.util.function.Function<SamenspelClient.ExplainedEntry, String> said(SignedIn user, UUID networkId,
                                                                                     boolean coordinator, Words words) {
        EntryForms forms;
        try {
            // people by name for coordinators, who alone read the directory (as the log names them)
            EntryForms.Sources sources = new EntryForms.Sources(
                    client.queryJson(user.token(), "/api/networks/" + networkId + "/facts", java.util.Map.of()),
                    none -> coordinator
                            ? client.queryJson(user.token(), "/api/networks/" + networkId + "/people", java.util.Map.of())
                            : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode(), none -> null);
            forms = new EntryForms(catalogue.catalogue(), words, sources, java.time.LocalDate.now(zone));
        } catch (SamenspelClient.ApiException unavailable) {
            return e -> "";
        }
        return e -> {
            com.fasterxml.jackson.databind.JsonNode shown = e.fields() != null && !e.fields().isNull() ? e.fields()
                    : e.payload();
            if (shown == null || !shown.isObject()) {
                return "";
            }
            return String.join(" · ", forms.logged(e.type(), shown).stream()
                                           .map(line -> line.label() + ": " + line.value()).toList());
        };
    }

    private static String notFound(jakarta.servlet.http.HttpServletResponse response, Model model, String text) {
        response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("reason", "notfound");
        model.addAttribute("problemText", text);
        return "problem";
    }

    private static boolean retraction(SamenspelClient.ExplainedEntry entry) {
        return "EntryRetracted".equals(entry.type());
    }

    /** "ContributionDelivered" reads as "Contribution delivered" when the bundles have no better name. */
    private static String readable(String type) {
        if (type == null) {
            return "";
        }
        String spaced = type.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
