package nl.samenspel.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * Where the web application finds the two services, and how long it waits for them.
 *
 * @param commandUrl base address of the command-service (tokens are obtained there)
 * @param queryUrl   base address of the query-service
 * @param timeout    how long one call to a service may take before the page reports it unavailable
 */
@ConfigurationProperties("samenspel.web")
public record WebProperties(URI commandUrl, URI queryUrl, Duration timeout) {
    public WebProperties {
        if (timeout == null) {
            timeout = Duration.ofSeconds(20);
        }
    }
}
