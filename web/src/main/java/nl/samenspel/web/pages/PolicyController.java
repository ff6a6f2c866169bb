package nl.samenspel.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspel.web.WebProperties;
import nl.samenspel.web.api.SamenspelClient;
import nl.samenspel.web.security.SignedIn;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The health policy of a network: every threshold and window the indicators and alerts use, the value in force, its
 * default and what it may be, and the overrides logged; coordinators change a setting here, which logs a
 * health-policy-changed entry. Shares are read and written as percentages.
 */
@Controller
@RequestMapping("/networks/{networkId}/policy")
public class PolicyController {
    private final SamenspelClient client;
    private final MessageSource messages;
    /** The pages' time zone, in which moments are shown. */
    private final ZoneId zone;

    public PolicyController(SamenspelClient client, MessageSource messages, WebProperties properties) {
        this.client = client;
        this.messages = messages;
        this.zone = properties.zone();
    }

    /** One setting as the page shows it. */
    record Setting(String key, String label, String value, String defaultValue, boolean overridden, String range,
                   boolean share) {
        /** What the setting is about, the part of its label before ": " ("Network dip"). */
        public String topic() {
            int colon = label.indexOf(": ");
            return colon < 0 ? "" : label.substring(0, colon);
        }

        /** The label without its topic, which the page says once above the topic's settings. */
        public String name() {
            String name = label.substring(topic().isEmpty() ? 0 : topic().length() + 2);
            return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + name.substring(1);
        }
    }

    /** The settings of one topic, in the order the service lists them. */
    record Topic(String name, List<Setting> settings) {
        public boolean changed() {
            return settings.stream().anyMatch(Setting::overridden);
        }
    }

    /** One logged override. */
    record Override(long sequence, String occurredOn, String recordedAt, List<String> changes, String note,
                    boolean applies, String historyUrl) {
    }

    @GetMapping
    public String policy(@PathVariable UUID networkId, @RequestParam(defaultValue = "false") boolean changedOnly,
                         @AuthenticationPrincipal SignedIn user, Model model, Locale locale) {
        Words words = new Words(messages, locale);
        show(networkId, user, model, words);
        // some 55 settings: the few this network changed are what a reader comes for (the table shows those alone)
        model.addAttribute("changedOnly", changedOnly);
        model.addAttribute("form", Map.of("key", "", "value", "", "occurredOn", LocalDate.now().toString(), "note", "",
                                          "commandId", UUID.randomUUID().toString()));
        model.addAttribute("errors", Map.of());
        model.addAttribute("chosenRange", null);
        model.addAttribute("zone", Moments.zoneName(zone));
        return "policy";
    }

    @PostMapping
    public String change(@PathVariable UUID networkId, @RequestParam(defaultValue = "") String key,
                         @RequestParam(defaultValue = "") String value, @RequestParam(defaultValue = "") String occurredOn,
                         @RequestParam(defaultValue = "") String note,
                         @RequestParam(defaultValue = "") String commandId, @AuthenticationPrincipal SignedIn user,
                         Model model, Locale locale, RedirectAttributes redirect,
                         jakarta.servlet.http.HttpServletResponse response) {
        Words words = new Words(messages, locale);
        // The id the form was shown with: a change sent twice (a double click, a reload) is logged once.
        String command = EntryForms.isUuid(commandId) ? commandId : UUID.randomUUID().toString();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, JsonNode> settings = show(networkId, user, model, words);
        JsonNode setting = settings.get(key);
        Double number = null;
        if (setting == null) {
            errors.put("key", words.get("policy.error.setting"));
        }
        try {
            String typed = value.strip();
            if (setting != null && isShare(setting) && typed.endsWith("%")) {
                // "60 %" as the help says a share is typed ("60 for 60 %")
                typed = typed.substring(0, typed.length() - 1).strip();
            }
            if (setting != null && setting.path("whole").asBoolean()) {
                // a whole number has no thousandths: "1.000" or "1,000" days is a thousand, not a fraction to ask about
                typed = EntryForms.withoutThousandths(typed);
            }
            String problem = EntryForms.numberProblem(typed);
            if (problem != null) {
                if (problem.equals(EntryForms.AMBIGUOUS)) {
                    errors.put("value", words.get("number.ambiguous", typed));
                }
                throw new NumberFormatException(value);
            }
            number = EntryForms.decimal(typed).doubleValue();
            if (setting != null && isShare(setting)) {
                number = number / 100;
            }
            if (setting != null && setting.path("whole").asBoolean() && number != Math.rint(number)) {
                // said as typed: shown as a whole number of days, 0,6 read "1 day is not allowed"
                errors.put("value", words.get("policy.error.whole", typed, range(setting, words)));
            } else if (setting != null && !admits(setting, number)) {
                // Said in the units the person typed (a percentage for a share), not the API's fractions.
                errors.put("value", words.get("policy.error.outOfRange", shown(setting, number, words),
                                              range(setting, words)));
            }
        } catch (NumberFormatException e) {
            errors.putIfAbsent("value", words.get("policy.error.value"));
        }
        try {
            LocalDate.parse(occurredOn.strip());
        } catch (DateTimeParseException e) {
            errors.put("occurredOn", words.get("policy.error.date"));
        }
        if (EntryForms.showsNothing(note)) {
            // the page promises every change with its date and its reason; the steering group and auditors read it
            errors.put("note", words.get("policy.error.note"));
        }
        if (errors.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("commandId", command);
            body.put("overrides", Map.of(key, number));
            body.put("occurredOn", occurredOn.strip());
            body.put("note", note.strip());
            try {
                client.command(user.token(), "/api/networks/" + networkId + "/entries/health-policy-changed", body);
                redirect.addFlashAttribute("done", words.get("policy.change.done", label(words, key),
                                                             shown(setting, number, words), occurredOn.strip()));
                redirect.addFlashAttribute("changedKey", key);
                // The policy is read from the log itself, so the next page shows the change at once.
                return "redirect:/networks/" + networkId + "/policy";
            } catch (SamenspelClient.Refused refused) {
                if (refused.fields().containsKey("commandId")) {
                    // this form went in before with other values (changed after it was sent): a new change then
                    errors.put("form", words.get("policy.error.sentBefore"));
                    command = UUID.randomUUID().toString();
                } else {
                    refused.fields().forEach((field, message) -> errors.put(
                            field.startsWith("overrides.") ? "value" : field.equals("overrides") ? "key" : field,
                            Refusals.plain(words, message)));
                }
            }
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("key", key);
        form.put("value", value);
        form.put("occurredOn", occurredOn);
        form.put("note", note);
        form.put("commandId", command);
        // refused, as the entry forms answer a refusal: the page shows what to put right
        response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("chosenRange", setting == null ? null : range(setting, words));
        model.addAttribute("errorLabels", Map.of("key", words.get("policy.change.setting"),
                                                 "value", words.get("policy.change.value"),
                                                 "occurredOn", words.get("policy.change.date"),
                                                 "note", words.get("policy.change.note"),
                                                 "form", words.get("policy.error.formLabel")));
        model.addAttribute("zone", Moments.zoneName(zone));
        return "policy";
    }

    /** Puts the network, the settings and the overrides in the model; answers the settings by key. */
    private Map<String, JsonNode> show(UUID networkId, SignedIn user, Model model, Words words) {
        model.addAttribute("network", client.network(user.token(), networkId));
        JsonNode policy = client.queryJson(user.token(), "/api/networks/" + networkId + "/health/policy", Map.of());
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        List<Setting> settings = new ArrayList<>();
        for (JsonNode s : policy.path("settings")) {
            String key = s.path("key").asText();
            byKey.put(key, s);
            settings.add(new Setting(key, label(words, key), shown(s, s.path("value").asDouble(), words),
                                     shown(s, s.path("defaultValue").asDouble(), words), s.path("overridden").asBoolean(),
                                     range(s, words), isShare(s)));
        }
        List<Override> overrides = new ArrayList<>();
        for (JsonNode o : policy.path("overrides")) {
            List<String> changes = new ArrayList<>();
            o.path("overrides").fields().forEachRemaining(e -> changes.add(label(words, e.getKey()) + ": "
                    + (byKey.containsKey(e.getKey()) ? shown(byKey.get(e.getKey()), e.getValue().asDouble(), words)
                                                      : e.getValue().asText())));
            long sequence = o.path("sequenceNumber").asLong();
            overrides.add(new Override(sequence, o.path("occurredOn").asText(), Moments.local(o.path("recordedAt").asText(null), zone), changes, o.path("note").asText(""), o.path("applies").asBoolean(true),
                    "/networks/" + networkId + "/audit/history?fromSequence=" + sequence + "#entry-" + sequence));
        }
        boolean coordinator = Coordinators.isCoordinator(client.me(user.token()), networkId);
        model.addAttribute("settings", settings);
        // some 56 settings in a list and a table: grouped by what they are about, as their labels name it
        Map<String, List<Setting>> byTopic = new LinkedHashMap<>();
        settings.forEach(setting -> byTopic.computeIfAbsent(setting.topic(), t -> new ArrayList<>()).add(setting));
        model.addAttribute("topics", byTopic.entrySet().stream().map(t -> new Topic(t.getKey(), t.getValue())).toList());
        model.addAttribute("changedCount", settings.stream().filter(Setting::overridden).count());
        model.addAttribute("settingCount", settings.size());
        model.addAttribute("changedOnly", false);
        model.addAttribute("overrides", overrides);
        model.addAttribute("asOf", policy.path("asOf").asText());
        // the table's heading ends in its date, kept whole on one line on a phone
        model.addAttribute("tableHeading", Piece.of(words.get("policy.table", policy.path("asOf").asText())));
        model.addAttribute("canChange", coordinator);
        model.addAttribute("dashboard", "/networks/" + networkId);
        model.addAttribute("base", "/networks/" + networkId + "/policy");
        return byKey;
    }

    private static String label(Words words, String key) {
        return words.orElse("policy.key." + key, key);
    }

    /** A share reads as a percentage (0.7 → 70 %), days and months with their unit, anything else as a number. */
    private static String shown(JsonNode setting, double value, Words words) {
        String key = setting.path("key").asText();
        if (isShare(setting)) {
            return words.percent(value, 1);
        }
        if (key.endsWith("Days")) {
            return words.number(value, 0) + " " + words.get("policy.unit.days");
        }
        if (key.endsWith("Months")) {
            return words.number(value, 0) + " " + words.get("policy.unit.months");
        }
        return words.number(value, 2);
    }

    private static String range(JsonNode s, Words words) {
        double min = s.path("min").asDouble();
        double max = s.path("max").asDouble();
        if (isShare(s)) {
            return words.get("policy.range.number", words.percent(min, 1), words.percent(max, 1));
        }
        return words.get(s.path("whole").asBoolean() ? "policy.range.whole" : "policy.range.number",
                         words.number(min, 2), words.number(max, 2));
    }

    private static boolean admits(JsonNode setting, double value) {
        return value >= setting.path("min").asDouble() - 1e-9 && value <= setting.path("max").asDouble() + 1e-9
                && (!setting.path("whole").asBoolean() || value == Math.rint(value));
    }

    /** A share of something: a fraction between 0 and 1, shown and typed as a percentage. */
    private static boolean isShare(JsonNode setting) {
        return !setting.path("whole").asBoolean() && setting.path("max").asDouble() <= 1.0;
    }
}
