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

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The coordinator's log book: the catalogue of entries grouped as domain §3.3 groups them, and a form for each kind,
 * drawn from the command-service's description of the catalogue. A refusal shows beside the field it names with
 * everything typed kept; a logged entry is confirmed in words with a link to it in the history, once the read models
 * include it.
 */
@Controller
@RequestMapping("/networks/{networkId}/log")
public class LogController {
    /** The form's own fields, which are no part of the entry. */
    private static final Set<String> FORM_FIELDS = Set.of("_csrf", "intent", "commandId");
    /** How far back a correction can point from its form; older entries are found through the history. */
    private static final int LATEST = 200;

    private final SamenspelClient client;
    private final EntryClient entries;
    private final EntryCatalogue catalogue;
    private final MessageSource messages;
    private final ZoneId zone;
    private final Coordinators coordinators;

    public LogController(SamenspelClient client, EntryClient entries, EntryCatalogue catalogue,
                         MessageSource messages, WebProperties properties, Coordinators coordinators) {
        this.client = client;
        this.coordinators = coordinators;
        this.entries = entries;
        this.catalogue = catalogue;
        this.messages = messages;
        this.zone = properties.zone();
    }

    /** The kind whose catalogue link leads to the thresholds page. */
    private static final String POLICY_CHANGED = "health-policy-changed";

    /** A kind in the catalogue's list. */
    public record KindLink(String wireName, String label, String help, String url) {
    }

    public record Group(String key, String label, List<KindLink> kinds) {
    }

    /** What was just logged, shown once on the page after it. */
    public record Logged(String kind, String dateLabel, String occurredOn, List<EntryForms.Line> lines, String historyUrl,
                         String againUrl, boolean replayed, String nextUrl, String nextLabel)
            implements java.io.Serializable {
    }

    @GetMapping
    public String catalogue(@PathVariable UUID networkId, @AuthenticationPrincipal SignedIn user, Model model,
                            Locale locale) {
        coordinators.require(networkId, user);
        Words words = new Words(messages, locale);
        EntryCatalogue.Catalogue described = catalogue.catalogue();
        List<Group> groups = new ArrayList<>();
        described.groups().forEach((key, kinds) -> groups.add(new Group(key, words.orElse("group." + key, key),
                kinds.stream().map(kind -> link(networkId, kind, words)).toList())));
        model.addAttribute("network", client.network(user.token(), networkId));
        model.addAttribute("dashboard", "/networks/" + networkId);
        model.addAttribute("groups", groups);
        return "log";
    }

    /**
     * A kind's link in the catalogue: its form; for changed thresholds, the thresholds page, which names each setting
     * in words and takes shares as percentages, where the form wants setting codes and fractions.
     */
    private static KindLink link(UUID networkId, Kind kind, Words words) {
        return new KindLink(kind.wireName(), EntryKinds.label(words, kind.type()),
                            words.orElse("kind." + kind.wireName() + ".help", ""),
                            "/networks/" + networkId + (kind.wireName().equals(POLICY_CHANGED) ? "/policy"
                                    : "/log/" + kind.wireName()));
    }

    @GetMapping("/{wireName}")
    public String form(@PathVariable UUID networkId, @PathVariable String wireName,
                       @RequestParam(required = false) String target, @AuthenticationPrincipal SignedIn user,
                       Model model, Locale locale) {
        coordinators.require(networkId, user);
        Kind kind = kind(wireName);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        LocalDate today = LocalDate.now(zone);
        if (kind.field(EntryForms.BUSINESS_DATE).isPresent()) {
            form.add(EntryForms.BUSINESS_DATE, today.toString());
        }
        if (target != null && kind.field("targetEventId").isPresent()) {
            form.add("targetEventId", target);
        }
        form.add("commandId", UUID.randomUUID().toString());
        return show(networkId, kind, form, new LinkedHashMap<>(), List.of(), user, model, locale);
    }

    @PostMapping("/{wireName}")
    public String submit(@PathVariable UUID networkId, @PathVariable String wireName,
                         @RequestParam MultiValueMap<String, String> submitted, @AuthenticationPrincipal SignedIn user,
                         Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        coordinators.require(networkId, user);
        Kind kind = kind(wireName);
        LinkedMultiValueMap<String, String> form = EntryForms.copy(submitted);
        form.remove("_csrf");
        if (!EntryForms.isUuid(form.getFirst("commandId"))) {
            form.set("commandId", UUID.randomUUID().toString());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if ("refresh".equals(form.getFirst("intent"))) {
            return show(networkId, kind, form, errors, List.of(), user, model, locale);
        }
        Words words = new Words(messages, locale);
        if (EntryForms.targetMoved(kind, form)) {
            // The entry picked to correct is not the one whose values the form showed: logging now would put those
            // values on the other entry. Show the picked entry's values instead, and log nothing.
            response.setStatus(409);
            model.addAttribute("notice", words.get("entries.target.moved"));
            return show(networkId, kind, form, errors, List.of(), user, model, locale);
        }
        EntryForms forms = forms(networkId, user, words);
        ObjectNode body = forms.read(kind, form, errors);
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return show(networkId, kind, form, errors, List.of(), user, model, locale);
        }
        String large = "true".equals(form.getFirst("large")) ? null : largeSum(kind, body, words);
        if (large != null) {
            // asked, not refused: a sum this large is more often a slip of the keyboard than a contribution, and once
            // logged it outweighs every other partner in give and take until it is corrected
            response.setStatus(409);
            model.addAttribute("large", large);
            return show(networkId, kind, form, errors, List.of(), user, model, locale);
        }
        body.put("commandId", form.getFirst("commandId"));
        EntryClient.Logged logged;
        try {
            logged = entries.log(user.token(), networkId, kind.wireName(), body);
        } catch (EntryClient.Rejected rejected) {
            if (rejected.fields().containsKey("commandId")) {
                // This form went in before with other values (changed after it was sent, or sent again from the
                // browser's history): its id is spent. A new id, so that sending it again logs a new entry.
                form.set("commandId", UUID.randomUUID().toString());
                response.setStatus(rejected.status());
                return show(networkId, kind, form, errors, new ArrayList<>(List.of(words.get("entries.sentBefore"))),
                            user, model, locale);
            }
            List<String> general = forms.place(kind, rejected.fields(), errors);
            if (rejected.fields().isEmpty()) {
                general.add(forms.refusal(rejected.detail()).replace(EntryForms.ENGLISH, ""));
            }
            response.setStatus(rejected.status());
            return show(networkId, kind, form, errors, general, user, model, locale);
        }
        entries.awaitReadModels(user.token(), networkId, logged.position());
        String base = "/networks/" + networkId;
        boolean opened = kind.wireName().equals("evaluation-opened") && logged.subjectId() != null;
        redirect.addFlashAttribute("logged", new Logged(
                EntryKinds.label(words, kind.type()),
                EntryForms.label(messages, locale, kind.wireName(), EntryForms.BUSINESS_DATE),
                body.path(EntryForms.BUSINESS_DATE).asText(""),
                forms.summary(kind, body),
                logged.eventId() == null ? null : base + "/audit/history/entry/" + logged.eventId(),
                base + "/log/" + kind.wireName(), logged.replayed(),
                // an evaluation just opened is answered next: its page, not only "log another"
                opened ? base + "/evaluations/" + logged.subjectId() : null,
                opened ? words.get("evaluations.record") : null));
        return "redirect:" + base + "/log";
    }

    /** From this sum in euros on, an entry is logged only after the coordinator confirms it. */
    static final java.math.BigDecimal LARGE_SUM = new java.math.BigDecimal("1000000");

    /**
     * The question before an entry that names a sum in euros of a million or more (an estimated value, or a quantity in
     * EUR), or null: "€ 99.999.999.999" was logged without a word and made one partner give nearly everything.
     */
    private static String largeSum(Kind kind, ObjectNode body, Words words) {
        java.math.BigDecimal sum = kind.fields().stream()
                .filter(f -> EntryForms.euros(f.name(), body.path("unit").asText(null)) && body.path(f.name()).isNumber())
                .map(f -> body.path(f.name()).decimalValue()).max(java.math.BigDecimal::compareTo).orElse(null);
        return sum == null || sum.compareTo(LARGE_SUM) < 0 ? null : words.get("entries.large", words.eur(sum.doubleValue()));
    }

    private String show(UUID networkId, Kind kind, MultiValueMap<String, String> form, Map<String, String> errors,
                        List<String> general, SignedIn user, Model model, Locale locale) {
        Words words = new Words(messages, locale);
        EntryForms forms = forms(networkId, user, words);
        forms.followTarget(kind, form);
        model.addAttribute("correctedBefore", forms.correctedBefore(kind, form));
        List<EntryForms.FieldView> fields = forms.views(kind, form, errors);
        model.addAttribute("network", client.network(user.token(), networkId));
        model.addAttribute("dashboard", "/networks/" + networkId);
        model.addAttribute("catalogueUrl", "/networks/" + networkId + "/log");
        model.addAttribute("kind", kind);
        model.addAttribute("kindLabel", EntryKinds.label(words, kind.type()));
        model.addAttribute("kindOther", words.other("entry." + kind.type()));
        model.addAttribute("kindHelp", words.orElse("kind." + kind.wireName() + ".help", ""));
        model.addAttribute("group", words.orElse("group." + kind.group(), ""));
        model.addAttribute("fields", fields);
        model.addAttribute("commandId", form.getFirst("commandId"));
        model.addAttribute("errorFields", fields.stream().flatMap(f -> f.children().isEmpty()
                ? java.util.stream.Stream.of(f) : java.util.stream.Stream.concat(java.util.stream.Stream.of(f),
                                                                                  f.children().stream()))
                                                .filter(f -> f.error() != null).toList());
        // A refusal of a field the form does not show (a hidden one, or one sent that the form has no field for) is
        // said above the form: beside a field nobody sees it was said nowhere.
        java.util.Set<String> shown = new java.util.HashSet<>();
        fields.forEach(f -> {
            shown.add(f.name());
            f.children().forEach(c -> shown.add(c.name()));
        });
        List<String> said = new ArrayList<>(general);
        errors.forEach((field, message) -> {
            if (!shown.contains(field)) {
                said.add(message.replace(EntryForms.ENGLISH, ""));
            }
        });
        model.addAttribute("generalErrors", said);
        model.addAttribute("hasDatePickers", kind.field(EntryForms.BUSINESS_DATE).isPresent()
                && EntryForms.picksPartners(kind));
        model.addAttribute("hasTarget", kind.field("targetEventId").isPresent()
                && kind.fields().stream().anyMatch(f -> f.type() == EntryCatalogue.Type.ENTRY));
        return "log-entry";
    }

    private EntryForms forms(UUID networkId, SignedIn user, Words words) {
        String token = user.token();
        String network = "/api/networks/" + networkId;
        JsonNode facts = client.queryJson(token, network + "/facts", Map.of());
        long last = facts.path("lastSequence").asLong(0);
        EntryForms.Sources sources = new EntryForms.Sources(
                facts, none -> client.queryJson(token, network + "/people", Map.of()),
                none -> client.queryJson(token, network + "/events", Map.of(
                        "fromSequence", Math.max(0, last - LATEST + 1), "limit", LATEST)),
                none -> client.queryJson(token, network + "/partners", Map.of()),
                none -> client.queryJson(token, network + "/roles", Map.of()));
        return new EntryForms(catalogue.catalogue(), words, sources, LocalDate.now(zone));
    }

    private Kind kind(String wireName) {
        return catalogue.catalogue().kind(wireName).orElseThrow(() -> new SamenspelClient.ApiException(404));
    }

}
