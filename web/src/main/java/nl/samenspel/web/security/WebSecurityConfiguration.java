package nl.samenspel.web.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
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
            .headers(headers -> headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
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
