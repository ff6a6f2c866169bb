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

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Administration for platform admins: the users (create one, reset a password, disable or enable, end their tokens),
 * their roles per network (grant, revoke), and the access log. Every change goes through the command-service's admin
 * API, which checks the caller is an admin and writes the access log.
 */
@Controller
@RequestMapping("/admin")
public class AdminPagesController {
    private static final List<String> ROLES = List.of("coordinator", "steering", "auditor");

    private final SamenspelClient client;
    private final MessageSource messages;
    /** The pages' time zone, in which moments are shown. */
    private final ZoneId zone;

    public AdminPagesController(SamenspelClient client, MessageSource messages, WebProperties properties) {
        this.client = client;
        this.messages = messages;
        this.zone = properties.zone();
    }

    record Role(String networkId, String network, String role, String roleWord) {
    }

    record User(String userId, String username, String displayName, boolean admin, boolean enabled, List<Role> roles) {
    }

    @GetMapping
    public String users(@AuthenticationPrincipal SignedIn user, Model model, Locale locale) {
        Words words = new Words(messages, locale);
        model.addAttribute("users", users(user, words));
        model.addAttribute("form", new NewUser("", "", false, false, false));
        model.addAttribute("errors", Map.of());
        return "admin-users";
    }

    /**
     * The new-user form as it is shown again after a refusal: what was typed and ticked, and whether a password was
     * typed (a password is never sent back to the browser, so the admin is asked to type it again).
     */
    record NewUser(String username, String displayName, boolean admin, boolean provider, boolean passwordTyped) {
    }

    /**
     * Creates a user who logs in either with the password typed here or, when the admin ticks it, through the
     * organisation's identity provider (then no password is sent). The choice is explicit: a password field that was
     * left empty, or emptied by the browser after a refusal, must not quietly make a user without a password.
     */
    @PostMapping("/users")
    public String create(@RequestParam(defaultValue = "") String username,
                         @RequestParam(defaultValue = "") String displayName,
                         @RequestParam(defaultValue = "") String password,
                         @RequestParam(defaultValue = "false") boolean admin,
                         @RequestParam(defaultValue = "false") boolean provider, @AuthenticationPrincipal SignedIn user,
                         Model model, Locale locale, RedirectAttributes redirect,
                         jakarta.servlet.http.HttpServletResponse response) {
        Words words = new Words(messages, locale);
        Map<String, String> errors = new LinkedHashMap<>();
        if (provider && !password.isEmpty() || !provider && password.isEmpty()) {
            // Said here, before the service is asked; the fields left empty beside it are said with it, so one
            // refusal names everything to fill in (it named the password alone).
            if (username.isBlank()) {
                errors.put("username", Refusals.plain(words, "must not be blank"));
            }
            if (displayName.isBlank()) {
                errors.put("displayName", Refusals.plain(words, "must not be blank"));
            }
            errors.put("password", words.get(provider ? "admin.password.notWithProvider" : "admin.password.required"));
        } else {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("username", username.strip());
            body.put("displayName", displayName.strip());
            body.put("password", provider ? null : password);
            body.put("admin", admin);
            try {
                JsonNode created = client.command(user.token(), "/api/admin/users", body);
                redirect.addFlashAttribute("done", words.get("admin.created", created.path("username").asText()));
                return "redirect:/admin/users/" + created.path("userId").asText();
            } catch (SamenspelClient.Refused refused) {
                refused.fields().forEach((field, message) -> errors.put(field, Refusals.plain(words, message)));
            }
        }
        // refused, as the entry forms answer a refusal: the page shows what to put right
        response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("users", users(user, words));
        model.addAttribute("form", new NewUser(username, displayName, admin, provider, !password.isEmpty()));
        model.addAttribute("errors", errors);
        return "admin-users";
    }

    @GetMapping("/users/{userId}")
    public String user(@PathVariable String userId, @AuthenticationPrincipal SignedIn user, Model model, Locale locale) {
        Words words = new Words(messages, locale);
        User shown = users(user, words).stream().filter(u -> u.userId().equals(userId)).findFirst()
                .orElseThrow(() -> new SamenspelClient.ApiException(404));
        model.addAttribute("shown", shown);
        model.addAttribute("networks", client.networks(user.token()));
        // named in the list as the help under it names them ("Coordinator: …"), with a capital
        model.addAttribute("roles", ROLES.stream().map(r -> Map.entry(r, capitalised(words.get("role." + r), words)))
                                         .toList());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("self", shown.username().equalsIgnoreCase(user.username()));
        return "admin-user";
    }

    @PostMapping("/users/{userId}/grants")
    public String grant(@PathVariable String userId, @RequestParam(defaultValue = "") String networkId,
                        @RequestParam(defaultValue = "") String role, @AuthenticationPrincipal SignedIn user,
                        Locale locale, RedirectAttributes redirect) {
        Words words = new Words(messages, locale);
        // a role the user already holds there: said so, not "Role granted" for a grant that changed nothing
        boolean held = users(user, words).stream().filter(u -> u.userId().equals(userId))
                                         .flatMap(u -> u.roles().stream())
                                         .anyMatch(r -> r.networkId().equals(networkId) && r.role().equals(role));
        if (held) {
            redirect.addFlashAttribute("done", words.get("admin.alreadyHeld"));
            return "redirect:/admin/users/" + userId;
        }
        Map<String, Object> body = new HashMap<>();
        body.put("networkId", networkId.isBlank() ? null : networkId);
        body.put("role", role.isBlank() ? null : role);
        String answered = act(userId, redirect, words, "admin.granted",
                              () -> client.command(user.token(), "/api/admin/users/" + userId + "/grants", body));
        if (!redirect.getFlashAttributes().containsKey("done")) {
            // refused: the form comes back with what was picked, not reset to "pick a network"
            redirect.addFlashAttribute("grantNetwork", networkId);
            redirect.addFlashAttribute("grantRole", role);
        }
        return answered;
    }

    @PostMapping("/users/{userId}/grants/revoke")
    public String revoke(@PathVariable String userId, @RequestParam(defaultValue = "") String networkId,
                         @RequestParam(defaultValue = "") String role, @AuthenticationPrincipal SignedIn user,
                         Locale locale, RedirectAttributes redirect) {
        if (!EntryForms.isUuid(networkId) || !ROLES.contains(role)) {
            // The form names a grant from the list; anything else is not put into the service's address.
            redirect.addFlashAttribute("errors", Map.of("role", new Words(messages, locale).get("admin.revoke.unknown")));
            return "redirect:/admin/users/" + userId;
        }
        Words words = new Words(messages, locale);
        String answered = act(userId, redirect, words, "admin.revoked", () -> client.commandAction(
                user.token(), "DELETE", "/api/admin/users/" + userId + "/grants/" + networkId + "/" + role));
        if (redirect.getFlashAttributes().containsKey("done")) {
            // one click revokes: the answer says which role it was and offers it back, in case the wrong line was clicked
            String network = client.networks(user.token()).stream().filter(n -> n.networkId().toString().equals(networkId))
                                   .map(SamenspelClient.NetworkSummary::name).findFirst().orElse(networkId);
            redirect.addFlashAttribute("done", words.get("admin.revoked.one", words.get("role." + role), network));
            redirect.addFlashAttribute("undo", Map.of("networkId", networkId, "role", role));
        }
        return answered;
    }

    @PostMapping("/users/{userId}/password")
    public String password(@PathVariable String userId, @RequestParam(defaultValue = "") String password,
                           @AuthenticationPrincipal SignedIn user, Locale locale, RedirectAttributes redirect) {
        return act(userId, redirect, new Words(messages, locale), "admin.passwordReset", () -> client.command(
                user.token(), "/api/admin/users/" + userId + "/password", Map.of("password", password)));
    }

    @PostMapping("/users/{userId}/{action:disable|enable|revoke-tokens}")
    public String status(@PathVariable String userId, @PathVariable String action,
                         @AuthenticationPrincipal SignedIn user, Locale locale, RedirectAttributes redirect) {
        return act(userId, redirect, new Words(messages, locale), "admin.done." + action, () -> client.command(
                user.token(), "/api/admin/users/" + userId + "/" + action, Map.of()));
    }

    @GetMapping("/access-log")
    public String accessLog(@AuthenticationPrincipal SignedIn user, Model model, Locale locale) {
        Words words = new Words(messages, locale);
        Map<String, String> usernames = new HashMap<>();
        client.commandJson(user.token(), "/api/admin/users")
              .forEach(u -> usernames.put(u.path("userId").asText(), u.path("username").asText()));
        Map<String, String> networks = new HashMap<>();
        client.networks(user.token()).forEach(n -> networks.put(n.networkId().toString(), n.name()));
        List<Map<String, String>> entries = new ArrayList<>();
        for (JsonNode e : client.commandJson(user.token(), "/api/admin/access-log")) {
            Map<String, String> line = new LinkedHashMap<>();
            line.put("at", Moments.local(e.path("at").asText(null), zone));
            line.put("actor", e.path("actorUsername").asText());
            line.put("action", words.orElse("admin.action." + e.path("action").asText(), e.path("action").asText()));
            line.put("user", usernames.getOrDefault(e.path("userId").asText(), e.path("userId").asText("")));
            line.put("network", networks.getOrDefault(e.path("networkId").asText(), e.path("networkId").asText("")));
            line.put("role", e.hasNonNull("role") ? words.orElse("role." + e.path("role").asText(), e.path("role").asText()) : "");
            entries.add(line);
        }
        java.util.Collections.reverse(entries);
        model.addAttribute("entries", entries);
        model.addAttribute("zone", Moments.zoneName(zone));
        return "admin-access-log";
    }

    /** Fields the page offers as a list to pick from: one left empty is asked for as a choice, not as text to fill in. */
    private static final java.util.Set<String> PICKED = java.util.Set.of("role", "networkId");

    private static String capitalised(String word, Words words) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(words.locale()) + word.substring(1);
    }

    /** Runs an admin action; on success back to the user's page saying so, on a refusal back with the reasons. */
    private String act(String userId, RedirectAttributes redirect, Words words, String doneKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", words.get(doneKey));
        } catch (SamenspelClient.Refused refused) {
            Map<String, String> errors = new LinkedHashMap<>();
            refused.fields().forEach((field, message) -> errors.put(field, PICKED.contains(field) && Refusals.required(message)
                    ? words.get("entries.error.pick") : Refusals.plain(words, message)));
            redirect.addFlashAttribute("errors", errors);
        }
        return "redirect:/admin/users/" + userId;
    }

    private List<User> users(SignedIn user, Words words) {
        Map<String, String> networks = new HashMap<>();
        client.networks(user.token()).forEach(n -> networks.put(n.networkId().toString(), n.name()));
        List<User> users = new ArrayList<>();
        for (JsonNode u : client.commandJson(user.token(), "/api/admin/users")) {
            List<Role> roles = new ArrayList<>();
            for (JsonNode g : u.path("grants")) {
                String networkId = g.path("networkId").asText();
                String role = g.path("role").asText();
                roles.add(new Role(networkId, networks.getOrDefault(networkId, networkId), role, words.get("role." + role)));
            }
            users.add(new User(u.path("userId").asText(), u.path("username").asText(), u.path("displayName").asText(),
                               u.path("admin").asBoolean(), u.path("enabled").asBoolean(true), roles));
        }
        return users;
    }
}
