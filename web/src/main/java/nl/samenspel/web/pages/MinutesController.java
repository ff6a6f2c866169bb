package nl.samenspel.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import nl.samenspel.web.WebProperties;
import nl.samenspel.web.api.EntryCatalogue;
import nl.samenspel.web.api.EntryCatalogue.Kind;
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

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Meeting minutes in one go: the meeting with who attended at which level, and on the same form the agreements made
 * and the outcomes recorded in it. Each part is an entry of its own, logged in that order with the meeting's date and
 * its own command id, chosen when the form was first shown; a resubmit after a refusal half-way logs nothing twice,
 * since the service replays a command id it knows. A part once logged is shown as logged and no longer edited here (a
 * logged entry is put right with a correction, from the history).
 *
 * <p>Field names carry the part they belong to: {@code m.} for the meeting, {@code a0.}, {@code a1.}, ... for the
 * agreements and {@code o0.}, ... for the outcomes; {@code agreements} and {@code outcomes} count the blocks shown.
 */
@Controller
@RequestMapping("/networks/{networkId}/minutes")
public class MinutesController {
    static final String MEETING = "meeting-held";
    static final String AGREEMENT = "agreement-made";
    static final String OUTCOME = "agreement-outcome-recorded";
    /** What an agreement block asks; the date is the meeting's. */
    private static final List<String> AGREEMENT_FIELDS = List.of("title", "kind", "ruleTheme", "partyIds", "dueOn");
    private static final List<String> OUTCOME_FIELDS = List.of("agreementId", "outcome", "responsiblePartnerId");
    /** A block's own bookkeeping, no part of what was typed. */
    private static final Set<String> BOOKKEEPING = Set.of("commandId", "loggedEvent", EntryForms.BUSINESS_DATE);
    private static final int MAX_BLOCKS = 20;

    private final SamenspelClient client;
    private final EntryClient entries;
    private final EntryCatalogue catalogue;
    private final MessageSource messages;
    private final ZoneId zone;
    private final Coordinators coordinators;

    public MinutesController(SamenspelClient client, EntryClient entries, EntryCatalogue catalogue,
                             MessageSource messages, WebProperties properties, Coordinators coordinators) {
        this.client = client;
        this.coordinators = coordinators;
        this.entries = entries;
        this.catalogue = catalogue;
        this.messages = messages;
        this.zone = properties.zone();
    }

    /** One block of the form: the meeting, an agreement or an outcome. */
    public record Block(String prefix, String wireName, String heading, String commandId, List<EntryForms.FieldView> fields,
                        String loggedEvent, String loggedUrl, List<EntryForms.Line> lines,
                        List<EntryForms.Choice> hidden) {
        public String id() {
            return "block-" + prefix.replace(".", "");
        }

        public boolean logged() {
            return loggedEvent != null;
        }
    }

    /** An entry logged from the minutes, for the summary after them. */
    public record Done(String kind, String heading, List<EntryForms.Line> lines, String historyUrl, boolean replayed)
            implements Serializable {
    }

    public record Summary(String occurredOn, List<Done> done) implements Serializable {
        /** How many of the entries were logged by this submission (the others had been logged before). */
        public long logged() {
            return done.stream().filter(d -> !d.replayed()).count();
        }

        public long loggedBefore() {
            return done.size() - logged();
        }
    }

    /** An error for the summary at the top: the block it is in, the field and what is wrong. */
    public record ErrorLink(String anchor, String text) {
    }

    @GetMapping
    public String form(@PathVariable UUID networkId, @AuthenticationPrincipal SignedIn user, Model model, Locale locale) {
        coordinators.require(networkId, user);
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        if (!model.containsAttribute("summary")) {
            form.add("m." + EntryForms.BUSINESS_DATE, LocalDate.now(zone).toString());
            form.add("m.commandId", UUID.randomUUID().toString());
            form.add("agreements", "1");
            form.add("a0.commandId", UUID.randomUUID().toString());
            form.add("outcomes", "0");
        }
        EntryForms forms = forms(networkId, user, new Words(messages, locale));
        if (!forms.openAgreements().isEmpty()) {
            form.set("outcomes", "1");
            form.add("o0.commandId", UUID.randomUUID().toString());
        }
        return show(networkId, form, new LinkedHashMap<>(), new ArrayList<>(), List.of(), forms, user, model, locale);
    }

    @PostMapping
    public String submit(@PathVariable UUID networkId, @RequestParam MultiValueMap<String, String> submitted,
                         @AuthenticationPrincipal SignedIn user, Model model, Locale locale,
                         RedirectAttributes redirect, HttpServletResponse response) {
        coordinators.require(networkId, user);
        LinkedMultiValueMap<String, String> form = EntryForms.copy(submitted);
        form.remove("_csrf");
        String intent = String.valueOf(form.getFirst("intent"));
        form.remove("intent");
        int agreements = count(form, "agreements");
        int outcomes = count(form, "outcomes");
        if (intent.equals("add-agreement") && agreements < MAX_BLOCKS) {
            agreements++;
        } else if (intent.equals("add-outcome") && outcomes < MAX_BLOCKS) {
            outcomes++;
        }
        form.set("agreements", Integer.toString(agreements));
        form.set("outcomes", Integer.toString(outcomes));
        for (String prefix : prefixes(form)) {
            if (!EntryForms.isUuid(form.getFirst(prefix + "commandId"))) {
                form.set(prefix + "commandId", UUID.randomUUID().toString());
            }
        }
        Words words = new Words(messages, locale);
        EntryForms forms = forms(networkId, user, words);
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        if (!intent.equals("log")) {
            return show(networkId, form, errors, general, List.of(), forms, user, model, locale);
        }
        // Everything that cannot be sent at all is said before anything is logged.
        sameDate(form);
        Map<String, ObjectNode> bodies = new LinkedHashMap<>();
        for (String prefix : prefixes(form)) {
            if (!prefix.equals("m.") && empty(form, prefix)) {
                continue;
            }
            Map<String, String> found = new LinkedHashMap<>();
            ObjectNode body = forms.read(kind(wireName(prefix)), prefix, form, found);
            found.forEach((name, error) -> {
                if (prefix.equals("m.") || !name.equals(prefix + EntryForms.BUSINESS_DATE)) {
                    errors.put(name, error);
                }
            });
            body.put("commandId", form.getFirst(prefix + "commandId"));
            bodies.put(prefix, body);
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return show(networkId, form, errors, general, List.of(), forms, user, model, locale);
        }
        List<String> loggedNow = new ArrayList<>();
        Map<String, EntryClient.Logged> logged = new LinkedHashMap<>();
        for (Map.Entry<String, ObjectNode> part : bodies.entrySet()) {
            String prefix = part.getKey();
            Kind kind = kind(wireName(prefix));
            try {
                EntryClient.Logged answer = entries.log(user.token(), networkId, kind.wireName(), part.getValue());
                logged.put(prefix, answer);
                if (answer.eventId() != null) {
                    form.set(prefix + "loggedEvent", answer.eventId());
                }
                loggedNow.add(prefix);
            } catch (EntryClient.Rejected rejected) {
                Map<String, String> placed = new LinkedHashMap<>();
                List<String> unplaced = forms.place(kind, rejected.fields(), placed);
                List<String> shown = shownFields(prefix);
                placed.forEach((name, error) -> {
                    if (shown == null || shown.contains(name)) {
                        errors.put(prefix + name, error);
                    } else {
                        unplaced.add(error.replace(EntryForms.ENGLISH, ""));
                    }
                });
                if (rejected.fields().isEmpty()) {
                    unplaced.add(forms.refusal(rejected.detail()).replace(EntryForms.ENGLISH, ""));
                }
                String heading = heading(prefix, words);
                unplaced.forEach(text -> general.add(heading + ": " + text));
                response.setStatus(rejected.status());
                logged.values().stream().map(EntryClient.Logged::position).filter(java.util.Objects::nonNull)
                      .max(Long::compare).ifPresent(p -> entries.awaitReadModels(user.token(), networkId, p));
                return show(networkId, form, errors, general, loggedNow, forms(networkId, user, words), user, model,
                            locale);
            }
        }
        logged.values().stream().map(EntryClient.Logged::position).filter(java.util.Objects::nonNull)
              .max(Long::compare).ifPresent(p -> entries.awaitReadModels(user.token(), networkId, p));
        EntryForms after = forms(networkId, user, words);
        Map<String, Long> sequences = sequences(networkId, user);
        String base = "/networks/" + networkId;
        List<Done> done = new ArrayList<>();
        logged.forEach((prefix, answer) -> {
            Kind kind = kind(wireName(prefix));
            Long sequence = sequences.get(answer.eventId());
            String url = sequence != null ? base + "/audit/history?fromSequence=" + sequence + "#entry-" + sequence
                    : answer.eventId() == null ? null : base + "/audit/history/entry/" + answer.eventId();
            done.add(new Done(EntryKinds.label(words, kind.type()), heading(prefix, words),
                              after.summary(kind, bodies.get(prefix)), url, answer.replayed()));
        });
        redirect.addFlashAttribute("summary", new Summary(form.getFirst("m." + EntryForms.BUSINESS_DATE), done));
        return "redirect:" + base + "/minutes";
    }

    private String show(UUID networkId, MultiValueMap<String, String> form, Map<String, String> errors,
                        List<String> general, List<String> loggedNow, EntryForms forms, SignedIn user, Model model,
                        Locale locale) {
        Words words = new Words(messages, locale);
        String base = "/networks/" + networkId;
        List<Block> blocks = new ArrayList<>();
        List<ErrorLink> links = new ArrayList<>();
        general.forEach(g -> links.add(new ErrorLink(null, g)));
        sameDate(form);
        if (!model.containsAttribute("summary")) {
            for (String prefix : prefixes(form)) {
                Block block = block(prefix, form, errors, forms, words, base);
                blocks.add(block);
                for (EntryForms.FieldView f : block.fields()) {
                    if (f.error() != null) {
                        links.add(new ErrorLink(f.anchor(), block.heading() + ", " + f.label() + ": " + f.error()));
                    }
                }
            }
        }
        model.addAttribute("network", client.network(user.token(), networkId));
        model.addAttribute("dashboard", base);
        model.addAttribute("catalogueUrl", base + "/log");
        model.addAttribute("minutesUrl", base + "/minutes");
        model.addAttribute("meeting", blocks.isEmpty() ? null : blocks.get(0));
        model.addAttribute("agreementBlocks", blocks.stream().filter(b -> b.prefix().startsWith("a")).toList());
        model.addAttribute("outcomeBlocks", blocks.stream().filter(b -> b.prefix().startsWith("o")).toList());
        model.addAttribute("agreements", count(form, "agreements"));
        model.addAttribute("outcomes", count(form, "outcomes"));
        model.addAttribute("canAddOutcome", !forms.openAgreements().isEmpty());
        model.addAttribute("errors", links);
        model.addAttribute("alreadyLogged", blocks.stream().filter(Block::logged).map(Block::heading).toList());
        model.addAttribute("loggedNow", loggedNow);
        model.addAttribute("meetingLabel", EntryKinds.label(words, kind(MEETING).type()));
        return "minutes";
    }

    private Block block(String prefix, MultiValueMap<String, String> form, Map<String, String> errors, EntryForms forms,
                        Words words, String base) {
        Kind kind = kind(wireName(prefix));
        String heading = heading(prefix, words);
        String loggedEvent = form.getFirst(prefix + "loggedEvent");
        List<EntryForms.Choice> hidden = new ArrayList<>();
        if (loggedEvent != null && !loggedEvent.isBlank()) {
            // Logged: shown in words, sent again unchanged so a resubmit replays it.
            form.forEach((name, values) -> {
                if (name.startsWith(prefix)) {
                    values.forEach(v -> hidden.add(new EntryForms.Choice(name, v)));
                }
            });
            ObjectNode body = forms.read(kind, prefix, form, new HashMap<>());
            List<EntryForms.Line> lines = new ArrayList<>();
            if (prefix.equals("m.")) {
                lines.add(new EntryForms.Line(EntryForms.label(messages, words.locale(), MEETING,
                                                               EntryForms.BUSINESS_DATE),
                                              body.path(EntryForms.BUSINESS_DATE).asText("")));
            }
            lines.addAll(forms.summary(kind, body));
            return new Block(prefix, kind.wireName(), heading, form.getFirst(prefix + "commandId"), List.of(),
                             loggedEvent, base + "/audit/history/entry/" + loggedEvent, lines, hidden);
        }
        hidden.add(new EntryForms.Choice(prefix + "commandId", form.getFirst(prefix + "commandId")));
        List<String> shown = shownFields(prefix);
        List<EntryForms.FieldView> fields = forms.views(kind, prefix, form, errors).stream()
                .filter(f -> shown == null || shown.contains(f.name().substring(prefix.length()))).toList();
        return new Block(prefix, kind.wireName(), heading, form.getFirst(prefix + "commandId"), fields, null, null,
                         List.of(), hidden);
    }

    /** The fields a block shows, by name without its prefix; null for all of them (the meeting). */
    private static List<String> shownFields(String prefix) {
        return prefix.startsWith("a") ? AGREEMENT_FIELDS : prefix.startsWith("o") ? OUTCOME_FIELDS : null;
    }

    private String heading(String prefix, Words words) {
        if (prefix.equals("m.")) {
            return words.get("minutes.meeting");
        }
        int number = Integer.parseInt(prefix.substring(1, prefix.length() - 1)) + 1;
        return words.get(prefix.startsWith("a") ? "minutes.agreement.n" : "minutes.outcome.n", number);
    }

    /** The prefixes of the blocks the form holds, in the order they are logged. */
    private static List<String> prefixes(MultiValueMap<String, String> form) {
        List<String> prefixes = new ArrayList<>();
        prefixes.add("m.");
        for (int i = 0; i < count(form, "agreements"); i++) {
            prefixes.add("a" + i + ".");
        }
        for (int i = 0; i < count(form, "outcomes"); i++) {
            prefixes.add("o" + i + ".");
        }
        return prefixes;
    }

    private static String wireName(String prefix) {
        return prefix.startsWith("a") ? AGREEMENT : prefix.startsWith("o") ? OUTCOME : MEETING;
    }

    private static int count(MultiValueMap<String, String> form, String name) {
        try {
            return Math.max(0, Math.min(MAX_BLOCKS, Integer.parseInt(String.valueOf(form.getFirst(name)))));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Agreements and outcomes not yet logged take the meeting's date. */
    private static void sameDate(MultiValueMap<String, String> form) {
        String date = form.getFirst("m." + EntryForms.BUSINESS_DATE);
        for (String prefix : prefixes(form)) {
            if (!prefix.equals("m.") && form.getFirst(prefix + "loggedEvent") == null) {
                if (date == null) {
                    form.remove(prefix + EntryForms.BUSINESS_DATE);
                } else {
                    form.set(prefix + EntryForms.BUSINESS_DATE, date);
                }
            }
        }
    }

    /** Whether nothing was typed in a block: it is left out, not refused. */
    private static boolean empty(MultiValueMap<String, String> form, String prefix) {
        return form.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                   .filter(e -> !BOOKKEEPING.contains(e.getKey().substring(prefix.length())))
                   .allMatch(e -> e.getValue().stream().allMatch(v -> v == null || v.isBlank()));
    }

    /** The sequence numbers of the latest entries of the network's history, by event id. */
    private Map<String, Long> sequences(UUID networkId, SignedIn user) {
        Map<String, Long> sequences = new HashMap<>();
        try {
            String network = "/api/networks/" + networkId;
            long last = client.queryJson(user.token(), network + "/facts", Map.of()).path("lastSequence").asLong(0);
            JsonNode page = client.queryJson(user.token(), network + "/events", Map.of(
                    "fromSequence", Math.max(0, last - 2 * MAX_BLOCKS - 10), "limit", 1000));
            page.forEach(e -> sequences.put(e.path("eventId").asText(), e.path("sequenceNumber").asLong()));
        } catch (SamenspelClient.ApiException e) {
            // Without them the summary links each entry through its id instead.
        }
        return sequences;
    }

    private EntryForms forms(UUID networkId, SignedIn user, Words words) {
        String token = user.token();
        String network = "/api/networks/" + networkId;
        JsonNode facts = client.queryJson(token, network + "/facts", Map.of());
        EntryForms.Sources sources = new EntryForms.Sources(
                facts, none -> client.queryJson(token, network + "/people", Map.of()),
                none -> client.queryJson(token, network + "/events", Map.of("fromSequence", 0, "limit", 1)),
                none -> client.queryJson(token, network + "/partners", Map.of()),
                none -> client.queryJson(token, network + "/roles", Map.of()));
        return new EntryForms(catalogue.catalogue(), words, sources, LocalDate.now(zone));
    }

    private Kind kind(String wireName) {
        return catalogue.catalogue().kind(wireName).orElseThrow(() -> new SamenspelClient.ApiException(404));
    }

}
