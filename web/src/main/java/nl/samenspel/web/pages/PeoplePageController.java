package nl.samenspel.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import nl.samenspel.web.api.ManageClient;
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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The coordinator's people directory (personenregister): the names and contact details behind the anonymous
 * references entries use. Add a person, correct their details, and erase them on request; erasure is confirmed on a
 * page of its own that says what it does and that it cannot be undone.
 */
@Controller
@RequestMapping("/networks/{networkId}/people")
public class PeoplePageController {
    private final SamenspelClient client;
    private final ManageClient manage;
    private final Coordinators access;
    private final MessageSource messages;

    public PeoplePageController(SamenspelClient client, ManageClient manage, Coordinators access,
                                MessageSource messages) {
        this.client = client;
        this.manage = manage;
        this.access = access;
        this.messages = messages;
    }

    /**
     * A person as the directory lists them, with the posts and roles they hold now ("Gemeente Zuid, board; chair";
     * null for none, and on the other pages that read a person); after erasure only the reference and the moment remain.
     */
    record Person(UUID personRef, String name, String email, String phone, boolean erased, String erasedAt,
                  String holds) {
        static Person of(JsonNode p) {
            return of(p, null);
        }

        static Person of(JsonNode p, String holds) {
            return new Person(UUID.fromString(p.path("personRef").asText()), p.path("name").asText(null),
                              p.path("email").asText(null), p.path("phone").asText(null), p.path("erased").asBoolean(),
                              p.path("erasedAt").asText(null), holds);
        }
    }

    @GetMapping
    public String list(@PathVariable UUID networkId, @AuthenticationPrincipal SignedIn user, Model model,
                       java.util.Locale locale) {
        common(networkId, user, model);
        // whom each person represents, and the roles they hold, as the log has it now: a name alone told a
        // coordinator of several partners little
        String network = "/api/networks/" + networkId;
        java.util.Map<String, List<String>> posts = EntryForms.Sources.posts(
                client.queryJson(user.token(), network + "/partners", java.util.Map.of()),
                client.queryJson(user.token(), network + "/roles", java.util.Map.of()),
                (field, code) -> java.util.Optional.ofNullable(EntryForms.enumValue(messages, locale, field, code))
                                                   .orElse(code), locale);
        List<Person> people = new ArrayList<>();
        manage.people(user.token(), networkId).forEach(p -> {
            List<String> held = posts.get(p.path("personRef").asText());
            people.add(Person.of(p, held == null ? null : String.join("; ", held)));
        });
        // Current people by name first; the erased, who have no name, after them.
        people.sort(Comparator.comparing(Person::erased)
                              .thenComparing(p -> p.name() == null ? "" : p.name(), String.CASE_INSENSITIVE_ORDER));
        model.addAttribute("people", people);
        return "people";
    }

    @GetMapping("/new")
    public String addForm(@PathVariable UUID networkId, @AuthenticationPrincipal SignedIn user, Model model) {
        common(networkId, user, model);
        form(model, null, "", "", "", Map.of());
        model.addAttribute("personRef", UUID.randomUUID());
        return "person-form";
    }

    /**
     * Registers the person under the reference the form was shown with, so that a double click or a resent form
     * registers them once. A refused form is shown again (400) with what was typed and the same reference.
     */
    @PostMapping
    public String add(@PathVariable UUID networkId, @RequestParam(defaultValue = "") String name,
                      @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String phone,
                      @RequestParam(defaultValue = "") String personRef,
                      @AuthenticationPrincipal SignedIn user, Model model, Locale locale, RedirectAttributes flash,
                      HttpServletResponse response) {
        access.require(networkId, user);
        UUID ref = EntryForms.isUuid(personRef) ? UUID.fromString(personRef) : UUID.randomUUID();
        Map<String, String> errors = required(name, locale);
        if (errors.isEmpty()) {
            try {
                manage.registerPerson(user.token(), networkId, ref, name.strip(), given(email), given(phone));
                flash.addFlashAttribute("done", new Words(messages, locale).get("people.added", name.strip()));
                return "redirect:/networks/" + networkId + "/people";
            } catch (SamenspelClient.Refused refused) {
                if (refused.fields().containsKey("personRef")) {
                    // sent before with other details (the form was changed after it went in): a new person then
                    errors.put("form", new Words(messages, locale).get("people.add.sentBefore"));
                    ref = UUID.randomUUID();
                } else {
                    errors.putAll(refused(refused, locale));
                }
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        common(networkId, user, model);
        form(model, null, name, email, phone, errors);
        model.addAttribute("personRef", ref);
        return "person-form";
    }

    @GetMapping("/{personRef}/edit")
    public String correctForm(@PathVariable UUID networkId, @PathVariable UUID personRef,
                              @AuthenticationPrincipal SignedIn user, Model model) {
        common(networkId, user, model);
        Person person = find(user, networkId, personRef);
        if (person.erased()) {
            return "redirect:/networks/" + networkId + "/people";
        }
        form(model, person, person.name(), nullToEmpty(person.email()), nullToEmpty(person.phone()), Map.of());
        return "person-form";
    }

    @PostMapping("/{personRef}")
    public String correct(@PathVariable UUID networkId, @PathVariable UUID personRef,
                          @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
                          @RequestParam(defaultValue = "") String phone, @AuthenticationPrincipal SignedIn user,
                          Model model, Locale locale, RedirectAttributes flash, HttpServletResponse response) {
        access.require(networkId, user);
        Map<String, String> errors = required(name, locale);
        if (errors.isEmpty()) {
            try {
                manage.correctPerson(user.token(), networkId, personRef, name.strip(), given(email), given(phone));
                flash.addFlashAttribute("done", new Words(messages, locale).get("people.corrected", name.strip()));
                return "redirect:/networks/" + networkId + "/people";
            } catch (SamenspelClient.Refused refused) {
                errors.putAll(refused(refused, locale));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        common(networkId, user, model);
        form(model, find(user, networkId, personRef), name, email, phone, errors);
        return "person-form";
    }

    @GetMapping("/{personRef}/erase")
    public String confirmErasure(@PathVariable UUID networkId, @PathVariable UUID personRef,
                                 @AuthenticationPrincipal SignedIn user, Model model) {
        common(networkId, user, model);
        Person person = find(user, networkId, personRef);
        if (person.erased()) {
            return "redirect:/networks/" + networkId + "/people";
        }
        model.addAttribute("person", person);
        return "person-erase";
    }

    @PostMapping("/{personRef}/erase")
    public String erase(@PathVariable UUID networkId, @PathVariable UUID personRef,
                        @AuthenticationPrincipal SignedIn user, Locale locale, RedirectAttributes flash) {
        access.require(networkId, user);
        manage.erasePerson(user.token(), networkId, personRef);
        flash.addFlashAttribute("done", new Words(messages, locale).get("people.erased", personRef.toString()));
        return "redirect:/networks/" + networkId + "/people";
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    private void common(UUID networkId, SignedIn user, Model model) {
        access.require(networkId, user);
        model.addAttribute("network", client.network(user.token(), networkId));
        model.addAttribute("dashboard", "/networks/" + networkId);
        model.addAttribute("base", "/networks/" + networkId + "/people");
        model.addAttribute("importUrl", "/networks/" + networkId + "/import");
        model.addAttribute("peopleUrl", "/networks/" + networkId + "/people");
        model.addAttribute("tab", "people");
    }

    private static void form(Model model, Person person, String name, String email, String phone,
                             Map<String, String> errors) {
        model.addAttribute("person", person);
        model.addAttribute("name", name);
        model.addAttribute("email", email);
        model.addAttribute("phone", phone);
        model.addAttribute("errors", errors);
    }

    private Person find(SignedIn user, UUID networkId, UUID personRef) {
        for (JsonNode p : manage.people(user.token(), networkId)) {
            if (p.path("personRef").asText().equals(personRef.toString())) {
                return Person.of(p);
            }
        }
        throw new SamenspelClient.ApiException(404);
    }

    private Map<String, String> required(String name, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name == null || EntryForms.showsNothing(name)) {
            errors.put("name", new Words(messages, locale).get("people.error.name"));
        }
        return errors;
    }

    /** A contact detail as typed, or none when it shows as nothing (no-break spaces too): such a field was left empty. */
    private static String given(String detail) {
        return detail == null || EntryForms.showsNothing(detail) ? null : detail;
    }

    /** The service's reasons beside the fields they name; one that names no field of the form goes above it. */
    private Map<String, String> refused(SamenspelClient.Refused refused, Locale locale) {
        Words words = new Words(messages, locale);
        Map<String, String> errors = new LinkedHashMap<>();
        refused.fields().forEach((field, message) -> errors.put(List.of("name", "email", "phone").contains(field)
                                                                        ? field : "form",
                                                                words.get("people.refused", Refusals.plain(words, message))));
        return errors;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
