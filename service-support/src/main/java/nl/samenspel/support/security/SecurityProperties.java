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
 * @param bodyReadDeadline how long a request body may take to arrive in full once its headers are in (408 after);
 *                        zero leaves reading bodies to the application, on a worker thread, as the container does
 * @param maxConnectionsPerAddress connections one client address may hold open at once (more are refused); zero
 *                        for no cap, e.g. behind a reverse proxy through which every client comes from one address
 * @param loginAttempts   failed logins per username within the throttle window before logins are refused
 * @param throttleWindow  the window of the login throttle
 */
@ConfigurationProperties("samenspel.security")
public record SecurityProperties(String tokenSecret, Duration tokenLifetime, String adminUsername, String adminPassword,
                                 String oidcIssuerUri, String oidcUsernameClaim, Long maxRequestBytes,
                                 Duration bodyReadDeadline, Integer maxConnectionsPerAddress,
                                 Integer loginAttempts, Duration throttleWindow) {
    public SecurityProperties {
        tokenLifetime = tokenLifetime == null ? Duration.ofHours(8) : tokenLifetime;
        oidcUsernameClaim = oidcUsernameClaim == null ? "preferred_username" : oidcUsernameClaim;
        maxRequestBytes = maxRequestBytes == null ? 1_048_576L : maxRequestBytes;
        bodyReadDeadline = bodyReadDeadline == null ? Duration.ofSeconds(30) : bodyReadDeadline;
        maxConnectionsPerAddress = maxConnectionsPerAddress == null ? 64 : maxConnectionsPerAddress;
        loginAttempts = loginAttempts == null ? 5 : loginAttempts;
        throttleWindow = throttleWindow == null ? Duration.ofMinutes(5) : throttleWindow;
    }
}
