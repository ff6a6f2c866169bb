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
 * @param oidcAudience  the audience such a token must name (this platform's client id at the provider); required with
 *                      an issuer
 * @param maxRequestBytes largest accepted request body
 * @param bodyReadDeadline how long a request body may take to arrive in full once its headers are in (408 after);
 *                        zero leaves reading bodies to the application, on a worker thread, as the container does
 * @param maxConnectionsPerAddress connections one client address may hold open at once (more are refused); zero
 *                        for no cap, e.g. behind a reverse proxy through which every client comes from one address
 * @param loginAttempts   failed logins of one username from one address before each further try must wait (1 s,
 *                        then doubling); from one address, whatever the username, four times as many
 * @param throttleWindow  the longest such wait; failures are remembered for twice this after the last one
 * @param throttleTracked the most usernames and addresses the throttle tracks at once (memory stays bounded)
 * @param metricsUsername the account a metrics collector scrapes {@code /actuator/prometheus} with (default
 *                        {@code metrics}); created when {@code metricsPassword} is set
 * @param metricsPassword its password (at least 12 characters); unset: only admins read the metrics
 * @param rememberPassword how long a successful password check is remembered, so that API clients sending HTTP Basic
 *                        on every request do not pay the slow hashing each time; zero to hash every time
 */
@ConfigurationProperties("samenspel.security")
public record SecurityProperties(String tokenSecret, Duration tokenLifetime, String adminUsername, String adminPassword,
                                 String oidcIssuerUri, String oidcAudience, Long maxRequestBytes,
                                 Duration bodyReadDeadline, Integer maxConnectionsPerAddress,
                                 Integer loginAttempts, Duration throttleWindow, Integer throttleTracked,
                                 Duration rememberPassword, String metricsUsername, String metricsPassword) {
    public SecurityProperties {
        tokenLifetime = tokenLifetime == null ? Duration.ofHours(8) : tokenLifetime;
        maxRequestBytes = maxRequestBytes == null ? 1_048_576L : maxRequestBytes;
        bodyReadDeadline = bodyReadDeadline == null ? Duration.ofSeconds(30) : bodyReadDeadline;
        maxConnectionsPerAddress = maxConnectionsPerAddress == null ? 64 : maxConnectionsPerAddress;
        loginAttempts = loginAttempts == null ? 5 : loginAttempts;
        throttleWindow = throttleWindow == null ? Duration.ofMinutes(5) : throttleWindow;
        throttleTracked = throttleTracked == null ? 10_000 : throttleTracked;
        rememberPassword = rememberPassword == null ? Duration.ofMinutes(5) : rememberPassword;
        metricsUsername = metricsUsername == null || metricsUsername.isBlank() ? "metrics" : metricsUsername.strip();
    }
}
