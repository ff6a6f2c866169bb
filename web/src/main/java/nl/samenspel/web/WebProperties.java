package nl.samenspel.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Where the web application finds the two services, and how long it waits for them.
 *
 * @param commandUrl base address of the command-service (tokens are obtained there)
 * @param queryUrl   base address of the query-service
 * @param timeout    how long one call to a service may take before the page reports it unavailable
 * @param zone       the time zone in which the pages show and read moments (when an entry was logged, "as known
 *                   at"); business dates have no time zone
 * @param demoLogins whether the platform created demo users (on the embedded store): the login page then says where
 *                   their logins are, otherwise whom to ask for an account
 */
@ConfigurationProperties("samenspel.web")
public record WebProperties(URI commandUrl, URI queryUrl, Duration timeout, ZoneId zone, boolean demoLogins) {
    public WebProperties {
        if (timeout == null) {
            timeout = Duration.ofSeconds(20);
        }
        if (zone == null) {
            zone = ZoneId.of("Europe/Amsterdam");
        }
    }
}
