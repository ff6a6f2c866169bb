package nl.samenspel.web.pages;

import jakarta.servlet.http.HttpSession;
import nl.samenspel.web.WebProperties;
import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Set;

/** The login page: the product's name, a form, and an error that says what went wrong. */
@Controller
public class LoginController {
    private static final Set<String> REASONS = Set.of("credentials", "throttled", "unavailable");

    /** Whether this platform created demo users (on the embedded store): the page then says where their logins are. */
    private final boolean demoLogins;

    public LoginController(WebProperties properties) {
        this.demoLogins = properties.demoLogins();
    }

    @GetMapping("/login")
    public String login(@RequestParam(required = false) String error, HttpSession session, Model model,
                        Authentication authentication) {
        model.addAttribute("demoLogins", demoLogins);
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        if (error != null) {
            model.addAttribute("error", REASONS.contains(error) ? error : "credentials");
            Object username = session.getAttribute("loginUsername");
            model.addAttribute("username", username == null ? "" : username);
        }
        return "login";
    }
}
