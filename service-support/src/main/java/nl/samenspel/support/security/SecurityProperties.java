package nl.samenspel.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Security settings ({@code samenspel.security.*}); secrets come only from the environment.
 *
 * @param tokenSecret     signs the platform's bearer tokens; the same value on every service instance
 * @param tokenLifetime   how long a bearer token is valid
 * @param adminUsername   first platform admin, created on first start when no admin exists
 * @param adminPassword   that admin's password
 * @param oidcIssuerUri   an organisation's identity provider whose tokens are accepted as well (optional)
 * @param oidcUsernameClaim the claim of such a token that names the Samenspel user
 * @param maxRequestBytes largest accepted request body
 * @param loginAttempts   failed logins per username within the throttle window before logins are refused
 * @param throttleWindow  the window of the login throttle
 */
@ConfigurationProperties("samenspel.security")
public record SecurityProperties(String tokenSecret, Duration tokenLifetime, String adminUsername, String adminPassword,
                                 String oidcIssuerUri, String oidcUsernameClaim, Long maxRequestBytes,
                                 Integer loginAttempts, Duration throttleWindow) {
    public SecurityProperties {
        tokenLifetime = tokenLifetime == null ? Duration.ofHours(8) : tokenLifetime;
        oidcUsernameClaim = oidcUsernameClaim == null ? "preferred_username" : oidcUsernameClaim;
        maxRequestBytes = maxRequestBytes == null ? 1_048_576L : maxRequestBytes;
        loginAttempts = loginAttempts == null ? 5 : loginAttempts;
        throttleWindow = throttleWindow == null ? Duration.ofMinutes(5) : throttleWindow;
    }
}
