package nl.samenspel.web.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The browser's side of security: form login against the command-service, a session holding the user's token, CSRF
 * protection on every form, and a strict content policy (scripts and styles only from this origin).
 */
@Configuration
@EnableWebSecurity
public class WebSecurityConfiguration {
    /** Charts set element styles from script; everything else, scripts first of all, comes from this origin only. */
    static final String CONTENT_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    @Bean
    public SecurityFilterChain pages(HttpSecurity http, ServiceTokenAuthentication tokens) throws Exception {
        http.authenticationManager(new ProviderManager(tokens))
            .authorizeHttpRequests(authorize -> authorize
                    .requestMatchers("/login", "/assets/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                    .anyRequest().authenticated())
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(failure()))
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
            .exceptionHandling(handling -> handling.accessDeniedHandler(staleForms()))
            .headers(headers -> headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * A form whose token no longer matches the session (a login page left open until the session ended, a form sent
     * after the session ran out) leads to the login page, which says the session ended, instead of a page that says
     * only that something went wrong; with the session still there (a form of an older session, in another tab), back
     * to the page it was sent from, with a note. What was typed cannot be kept: the form was not accepted. Other refusals are
     * answered as before.
     */
    private static AccessDeniedHandler staleForms() {
        AccessDeniedHandler refused = new AccessDeniedHandlerImpl();
        return (request, response, exception) -> {
            if (!(exception instanceof CsrfException)) {
                refused.handle(request, response, exception);
                return;
            }
            var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                                                                                      .getAuthentication();
            boolean signedIn = authentication != null && authentication.getPrincipal() instanceof SignedIn;
            String path = request.getRequestURI().substring(request.getContextPath().length());
            response.sendRedirect(request.getContextPath()
                                  + (signedIn && !path.equals("/login") ? stale(pageSentFrom(request)) : "/login?expired"));
        };
    }

    /**
     * The page a form was sent from, as a path on this site: its {@code Referer} (sent for this origin, see the
     * referrer policy), of which only the path and query are kept, so the answer never leads elsewhere; the home page
     * when there is none. Not the form's own address, which may take only POST (a 404 or 405 for logging out or
     * creating a user). The pages' language switch on an answer to a form leads there too.
     */
    public static String pageSentFrom(jakarta.servlet.http.HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                java.net.URI page = java.net.URI.create(referer);
                String path = page.getRawPath();
                if (path != null && path.startsWith(request.getContextPath() + "/") && !path.startsWith("//")) {
                    path = path.substring(request.getContextPath().length());
                    return page.getRawQuery() == null ? path : path + "?" + page.getRawQuery();
                }
            } catch (IllegalArgumentException unreadable) {
                // answered with the home page
            }
        }
        return "/";
    }

    private static String stale(String page) {
        if (page.matches(".*[?&]stale(&.*|=.*)?$")) {
            return page;
        }
        return page + (page.contains("?") ? "&" : "?") + "stale";
    }

    /** Sends the login page a reason it can put into words, and keeps the username typed. */
    private static AuthenticationFailureHandler failure() {
        return (request, response, exception) -> {
            String reason = exception instanceof LockedException ? "throttled"
                    : exception instanceof AuthenticationServiceException ? "unavailable" : "credentials";
            String username = request.getParameter("username");
            request.getSession().setAttribute("loginUsername", username == null ? "" : username);
            response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
        };
    }
}
