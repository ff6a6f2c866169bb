package nl.samenspel.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import nl.samenspel.web.WebProperties;
import nl.samenspel.web.api.EntryCatalogue;
import nl.samenspel.web.api.EntryClient;
import nl.samenspel.web.api.SamenspelClient;
import nl.samenspel.web.security.SignedIn;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The coordinator's evaluations (domain §3.3): the network's evaluations with their number of responses, and per
 * open evaluation a form that records one response at a time on the instrument's own scale, each item labelled, with
 * the anonymous option. Anonymous answers are only counted here, never shown apart (§8). Closing an evaluation is
 * confirmed first. A refusal shows beside the item or field it names, with every choice kept.
 */
@Controller
@RequestMapping("/networks/{networkId}/evaluations")
public class EvaluationsController {
    /** An instrument's items (in the order of its scores) and its scale. */
    record Instrument(String wireName, List<String> items, int min, int max) {
    }

    static final Map<String, Instrument> INSTRUMENTS = Map.of(
            "five-conditions", new Instrument("five-conditions",
                    List.of("ambition", "interests", "relationship", "organisation", "process"), 1, 5),
            "learning-climate", new Instrument("learning-climate",
                    List.of("absorptive", "connecting", "training", "learning"), 1, 10),
            "network-value", new Instrument("network-value",
                    List.of("E1", "E2", "E3", "S1", "S2", "S3", "C1", "C2"), 1, 5));

    private final SamenspelClient client;
    private final EntryClient entries;
    private final EntryCatalogue catalogue;
    private final MessageSource messages;
    private final ZoneId zone;
    private final Coordinators coordinators;

    public EvaluationsController(SamenspelClient client, EntryClient entries, EntryCatalogue catalogue,
                                 MessageSource messages, WebProperties properties, Coordinators coordinators) {
        this.client = client;
        this.coordinators = coordinators;
        this.entries = entries;
        this.catalogue = catalogue;
        this.messages = messages;
        this.zone = properties.zone();
    }

    /**
     * One evaluation in the list; {@code resultsUrl}, for a closed one, explains the indicator its answers feed as of
     * the month it closed (null when it had no answers).
     */
    public record Row(String evaluationId, String title, String instrument, String openedOn, String closedOn,
                      boolean open, int responses, int anonymous, String url, String resultsUrl) {
    }

    /** The indicator each instrument's answers feed (domain §5: H1, H16, H12). */
    private static final Map<String, String> RESULTS = Map.of("five-conditions", "H1", "learning-climate", "H16",
                                                              "network-value", "H12");

    /** One item of the instrument: its label, its scale points, the score chosen and an error beside it. */
    public record Item(int index, String id, String label, List<Integer> points, String value, String error) {
        public String describedBy() {
            return (error != null ? id + "-error " : "") + "scale-note";
        }
    }

    /** One item's scores over the answers counted: their median and range, and how many gave a score. */
    public record Result(String label, String median, String range, int answers) {
    }

    /** A field's error, linked from the summary. */
    public record Problem(String anchor, String label, String message) {
    }

    private static String resultsUrl(UUID networkId, JsonNode evaluation) {
        String indicator = RESULTS.get(evaluation.path("instrument").asText());
        String closedOn = evaluation.path("closedOn").asText("");
        if (evaluation.path("open").asBoolean() || indicator == null || closedOn.length() < 7
                || evaluation.path("responseCount").asInt() == 0) {
            return null;
        }
        return "/networks/" + networkId + "/explain?indicator=" + indicator + "&month=" + closedOn.substring(0, 7);
    }

    @GetMapping
    public String list(@PathVariable UUID networkId, @AuthenticationPrincipal SignedIn user, Model model,
                       Locale locale) {
        coordinators.require(networkId, user);
        Words words = new Words(messages, locale);
        List<Row> rows = new ArrayList<>();
        for (JsonNode e : evaluations(user, networkId)) {
            rows.add(new Row(e.path("evaluationId").asText(), e.path("title").asText(),
                             instrumentWord(locale, e.path("instrument").asText()), e.path("openedOn").asText(""),
                             e.path("closedOn").asText(""), e.path("open").asBoolean(),
                             e.path("responseCount").asInt(), e.path("anonymous").path("count").asInt(),
                             "/networks/" + networkId + "/evaluations/" + e.path("evaluationId").asText(),
                             resultsUrl(networkId, e)));
        }
        rows.sort(java.util.Comparator.comparing(Row::open).reversed()
                                      .thenComparing(Row::openedOn, java.util.Comparator.reverseOrder()));
        model.addAttribute("network", client.network(user.token(), networkId));
        model.addAttribute("dashboard", "/networks/" + networkId);
        model.addAttribute("openUrl", "/networks/" + networkId + "/log/evaluation-opened");
        model.addAttribute("logUrl", "/networks/" + networkId + "/log");
        model.addAttribute("rows", rows);
        model.addAttribute("title", words.get("evaluations.title"));
        return "evaluations";
    }

    @GetMapping("/{evaluationId}")
    public String form(@PathVariable UUID networkId, @PathVariable UUID evaluationId,
                       @AuthenticationPrincipal SignedIn user, Model model, Locale locale) {
        coordinators.require(networkId, user);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("occurredOn", LocalDate.now(zone).toString());
        form.add("commandId", UUID.randomUUID().toString());
        return show(networkId, evaluationId, form, new LinkedHashMap<>(), List.of(), user, model, locale);
    }

    @PostMapping("/{evaluationId}")
    public String record(@PathVariable UUID networkId, @PathVariable UUID evaluationId,
                         @RequestParam MultiValueMap<String, String> submitted, @AuthenticationPrincipal SignedIn user,
                         Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        coordinators.require(networkId, user);
        LinkedMultiValueMap<String, String> form = EntryForms.copy(submitted);
        form.remove("_csrf");
        if (!EntryForms.isUuid(form.getFirst("commandId"))) {
            form.set("commandId", UUID.randomUUID().toString());
        }
        JsonNode evaluation = evaluation(user, networkId, evaluationId);
        Instrument instrument = INSTRUMENTS.get(evaluation.path("instrument").asText());
        Words words = new Words(messages, locale);
        Map<String, String> errors = new LinkedHashMap<>();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("evaluationId", evaluationId.toString());
        String respondent = value(form, "respondentPartnerId");
        if (respondent == null) {
            errors.put("respondentPartnerId", words.get("evaluations.error.respondent"));
        } else {
            body.put("respondentPartnerId", respondent);
        }
        String level = value(form, "level");
        if (level == null) {
            errors.put("level", words.get("evaluations.error.level"));
        } else {
            body.put("level", level);
        }
        body.put("anonymous", "true".equals(value(form, "anonymous")));
        var scores = body.putArray("scores");
        for (int i = 0; i < instrument.items().size(); i++) {
            String score = value(form, "score-" + i);
            Integer number = score == null ? null : parse(score);
            if (number == null || number < instrument.min() || number > instrument.max()) {
                errors.put("score-" + i, words.get("evaluations.error.item", instrument.min(), instrument.max()));
            } else {
                scores.add(number);
            }
        }
        String comment = value(form, "comment");
        if (comment != null) {
            body.put("comment", comment);
        }
        String occurredOn = value(form, "occurredOn");
        if (occurredOn == null || EntryForms.date(occurredOn).isEmpty()) {
            errors.put("occurredOn", words.get("evaluations.error.date"));
        } else {
            body.put("occurredOn", occurredOn);
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return show(networkId, evaluationId, form, errors, List.of(), user, model, locale);
        }
        // the same partner at the same level answered by name before: asked, not logged at once, for the same answer
        // sent twice counts twice and only a retraction in the log takes it back
        JsonNode earlier = body.path("anonymous").asBoolean() || "true".equals(value(form, "repeat")) ? null
                : named(evaluation, respondent, level);
        if (earlier != null) {
            response.setStatus(409);
            model.addAttribute("repeat", words.get("evaluations.repeat", partnerName(user, networkId, respondent),
                                                   EntryForms.enumValue(messages, locale, "level", level),
                                                   earlier.path("occurredOn").asText()));
            return show(networkId, evaluationId, form, errors, List.of(), user, model, locale);
        }
        body.put("commandId", form.getFirst("commandId"));
        try {
            EntryClient.Logged logged = entries.log(user.token(), networkId, "evaluation-response-recorded", body);
            entries.awaitReadModels(user.token(), networkId, logged.position());
        } catch (EntryClient.Rejected rejected) {
            EntryForms forms = forms(networkId, user, words);
            List<String> general = new ArrayList<>();
            rejected.fields().forEach((field, message) -> {
                String text = forms.refusal(message).replace(EntryForms.ENGLISH, "");
                String target = field.startsWith("scores[") ? "score-" + field.replaceAll("\\D", "") : field;
                if (List.of("respondentPartnerId", "level", "comment", "occurredOn").contains(target)
                        || target.startsWith("score-")) {
                    errors.merge(target, text, (a, b) -> a + "; " + b);
                } else {
                    general.add(text);
                }
            });
            if (rejected.fields().isEmpty()) {
                general.add(forms.refusal(rejected.detail()).replace(EntryForms.ENGLISH, ""));
            }
            response.setStatus(rejected.status());
            return show(networkId, evaluationId, form, errors, general, user, model, locale);
        }
        String name = partnerName(user, networkId, respondent);
        redirect.addFlashAttribute("recorded", "true".equals(value(form, "anonymous"))
                ? words.get("evaluations.recorded.anonymous", name) : words.get("evaluations.recorded", name));
        return "redirect:/networks/" + networkId + "/evaluations/" + evaluationId + "#recorded";
    }

    @GetMapping("/{evaluationId}/close")
    public String confirmClose(@PathVariable UUID networkId, @PathVariable UUID evaluationId,
                               @AuthenticationPrincipal SignedIn user, Model model, Locale locale) {
        coordinators.require(networkId, user);
        JsonNode evaluation = evaluation(user, networkId, evaluationId);
        model.addAttribute("network", client.network(user.token(), networkId));
        model.addAttribute("dashboard", "/networks/" + networkId);
        model.addAttribute("listUrl", "/networks/" + networkId + "/evaluations");
        model.addAttribute("evaluationUrl", "/networks/" + networkId + "/evaluations/" + evaluationId);
        model.addAttribute("evaluation", evaluation);
        model.addAttribute("instrument", instrumentWord(locale, evaluation.path("instrument").asText()));
        model.addAttribute("commandId", UUID.randomUUID().toString());
        return "evaluation-close";
    }

    @PostMapping("/{evaluationId}/close")
    public String close(@PathVariable UUID networkId, @PathVariable UUID evaluationId,
                        @RequestParam(required = false) String commandId, @AuthenticationPrincipal SignedIn user,
                        Locale locale, RedirectAttributes redirect) {
        coordinators.require(networkId, user);
        JsonNode evaluation = evaluation(user, networkId, evaluationId);
        Words words = new Words(messages, locale);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("evaluationId", evaluationId.toString());
        body.put("occurredOn", LocalDate.now(zone).toString());
        body.put("commandId", EntryForms.isUuid(commandId) ? commandId : UUID.randomUUID().toString());
        try {
            EntryClient.Logged logged = entries.log(user.token(), networkId, "evaluation-closed", body);
            entries.awaitReadModels(user.token(), networkId, logged.position());
            redirect.addFlashAttribute("closed", words.get("evaluations.closed", evaluation.path("title").asText()));
        } catch (EntryClient.Rejected rejected) {
            // each reason in the page's words (the services state them in English), not the problem's English detail
            redirect.addFlashAttribute("refused", rejected.fields().isEmpty() ? Refusals.plain(words, rejected.detail())
                    : String.join(" ", rejected.fields().values().stream().map(m -> Refusals.plain(words, m)).toList()));
        }
        return "redirect:/networks/" + networkId + "/evaluations";
    }

    // ---------------------------------------------------------------------------------------------- the form

    private String show(UUID networkId, UUID evaluationId, MultiValueMap<String, String> form,
                        Map<String, String> errors, List<String> general, SignedIn user, Model model, Locale locale) {
        Words words = new Words(messages, locale);
        JsonNode evaluation = evaluation(user, networkId, evaluationId);
        String wire = evaluation.path("instrument").asText();
        Instrument instrument = INSTRUMENTS.get(wire);
        LocalDate on = EntryForms.date(form.getFirst("occurredOn")).orElse(LocalDate.now(zone));
        JsonNode facts = facts(user, networkId);
        EntryForms.Sources sources = new EntryForms.Sources(facts, none -> null, none -> null);
        List<Integer> points = IntStream.rangeClosed(instrument.min(), instrument.max()).boxed().toList();
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < instrument.items().size(); i++) {
            items.add(new Item(i, "score-" + i, words.get("evaluations.item." + wire + "." + instrument.items().get(i)),
                               points, value(form, "score-" + i) == null ? "" : value(form, "score-" + i),
                               errors.get("score-" + i)));
        }
        List<Problem> problems = new ArrayList<>();
        if (errors.containsKey("respondentPartnerId")) {
            problems.add(new Problem("respondentPartnerId", words.get("evaluations.respondent"),
                                     errors.get("respondentPartnerId")));
        }
        if (errors.containsKey("level")) {
            problems.add(new Problem("level-board", words.get("evaluations.level"), errors.get("level")));
        }
        if (errors.containsKey("occurredOn")) {
            problems.add(new Problem("occurredOn", words.get("evaluations.date"), errors.get("occurredOn")));
        }
        for (Item item : items) {
            if (item.error() != null) {
                problems.add(new Problem(item.id() + "-" + instrument.min(), shortLabel(item.label()), item.error()));
            }
        }
        if (errors.containsKey("comment")) {
            problems.add(new Problem("comment", words.get("evaluations.comment"), errors.get("comment")));
        }
        model.addAttribute("network", client.network(user.token(), networkId));
        model.addAttribute("dashboard", "/networks/" + networkId);
        model.addAttribute("listUrl", "/networks/" + networkId + "/evaluations");
        model.addAttribute("action", "/networks/" + networkId + "/evaluations/" + evaluationId);
        model.addAttribute("closeUrl", "/networks/" + networkId + "/evaluations/" + evaluationId + "/close");
        model.addAttribute("evaluation", evaluation);
        model.addAttribute("open", evaluation.path("open").asBoolean());
        model.addAttribute("instrument", instrumentWord(locale, wire));
        model.addAttribute("instrumentOther", words.other("evaluations.instrument." + wire));
        model.addAttribute("scaleLow", words.get("evaluations.scale." + wire + ".low", instrument.min()));
        model.addAttribute("scaleHigh", words.get("evaluations.scale." + wire + ".high", instrument.max()));
        model.addAttribute("wide", instrument.max() > 5);
        model.addAttribute("partners", sources.activePartners(on));
        model.addAttribute("levels", List.of("board", "management", "professional").stream()
                .map(l -> new EntryForms.Choice(l, EntryForms.enumValue(messages, locale, "level", l))).toList());
        model.addAttribute("items", items);
        model.addAttribute("errors", errors);
        model.addAttribute("problems", problems);
        model.addAttribute("generalErrors", general);
        model.addAttribute("form", form.toSingleValueMap());
        model.addAttribute("today", LocalDate.now(zone).toString());
        model.addAttribute("commandId", form.getFirst("commandId"));
        model.addAttribute("title", evaluation.path("title").asText());
        // who answered by name so far, so that a coordinator entering a pile of forms sees what is in already
        List<String> answered = new ArrayList<>();
        evaluation.path("responses").forEach(a -> answered.add(words.get("evaluations.answered.item",
                partnerName(facts, a.path("partnerId").asText()),
                EntryForms.enumValue(messages, locale, "level", a.path("level").asText()), a.path("occurredOn").asText())));
        model.addAttribute("answered", answered);
        results(evaluation, instrument, wire, words, model);
        if (!model.containsAttribute("repeat")) {
            model.addAttribute("repeat", null);
        }
        return "evaluation";
    }

    // ------------------------------------------------------------------------------------------------ sources

    private List<JsonNode> evaluations(SignedIn user, UUID networkId) {
        List<JsonNode> all = new ArrayList<>();
        client.queryJson(user.token(), "/api/networks/" + networkId + "/evaluations", Map.of()).forEach(all::add);
        return all;
    }

    private JsonNode evaluation(SignedIn user, UUID networkId, UUID evaluationId) {
        return evaluations(user, networkId).stream()
                .filter(e -> e.path("evaluationId").asText().equals(evaluationId.toString())).findFirst()
                .orElseThrow(() -> new SamenspelClient.ApiException(404));
    }

    private JsonNode facts(SignedIn user, UUID networkId) {
        return client.queryJson(user.token(), "/api/networks/" + networkId + "/facts", Map.of());
    }

    /**
     * The evaluation's results per item, as a coordinator reads them on its page (a closed one showed only its number
     * of answers): the median and range of the scores given by name, and of the anonymous ones when there are at least
     * three (domain.md §8); with fewer, how many are left out.
     */
    private static void results(JsonNode evaluation, Instrument instrument, String wire, Words words, Model model) {
        List<JsonNode> counted = new ArrayList<>();
        evaluation.path("responses").forEach(counted::add);
        JsonNode anonymous = evaluation.path("anonymous");
        if (anonymous.path("shown").asBoolean(false)) {
            anonymous.path("answers").forEach(counted::add);
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < instrument.items().size(); i++) {
            List<Integer> scores = new ArrayList<>();
            for (JsonNode answer : counted) {
                JsonNode score = answer.path("scores").path(i);
                if (score.isNumber()) {
                    scores.add(score.asInt());
                }
            }
            if (scores.isEmpty()) {
                continue;
            }
            java.util.Collections.sort(scores);
            int n = scores.size();
            double median = n % 2 == 1 ? scores.get(n / 2) : (scores.get(n / 2 - 1) + scores.get(n / 2)) / 2.0;
            results.add(new Result(shortLabel(words.get("evaluations.item." + wire + "." + instrument.items().get(i))),
                                   words.number(median, 1), scores.get(0) + " \u2013 " + scores.get(n - 1), n));
        }
        model.addAttribute("results", results);
        model.addAttribute("resultsCount", counted.size());
        int withheld = anonymous.path("shown").asBoolean(false) ? 0 : anonymous.path("count").asInt(0);
        model.addAttribute("resultsWithheld", withheld > 0 ? words.get("why.anonymousWithheld", withheld) : null);
    }

    /** An item's label up to its colon ("Ambition" of "Ambition: how far do the partners ..."). */
    private static String shortLabel(String label) {
        return label.indexOf(':') > 0 ? label.substring(0, label.indexOf(':')) : label;
    }

    /** The answer {@code partnerId} gave by name at {@code level} to {@code evaluation}, or null when none. */
    private static JsonNode named(JsonNode evaluation, String partnerId, String level) {
        for (JsonNode answer : evaluation.path("responses")) {
            if (answer.path("partnerId").asText().equals(partnerId) && answer.path("level").asText().equals(level)) {
                return answer;
            }
        }
        return null;
    }

    private String partnerName(SignedIn user, UUID networkId, String partnerId) {
        return partnerName(facts(user, networkId), partnerId);
    }

    /** The name {@code facts} give the partner, its id when they give none. */
    private static String partnerName(JsonNode facts, String partnerId) {
        for (JsonNode p : facts.path("partners")) {
            if (p.path("partnerId").asText().equals(partnerId)) {
                return p.path("name").asText();
            }
        }
        return partnerId;
    }

    private EntryForms forms(UUID networkId, SignedIn user, Words words) {
        return new EntryForms(catalogue.catalogue(), words,
                              new EntryForms.Sources(facts(user, networkId), none -> null, none -> null),
                              LocalDate.now(zone));
    }

    private String instrumentWord(Locale locale, String wire) {
        return messages.getMessage("evaluations.instrument." + wire, null, wire, locale);
    }

    private static String value(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Integer parse(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

}
