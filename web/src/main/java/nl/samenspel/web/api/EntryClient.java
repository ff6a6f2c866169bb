package nl.samenspel.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspel.web.WebProperties;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Logs entries through the command-service's catalogue endpoint ({@code POST /api/networks/{id}/entries/{type}})
 * with the signed-in coordinator's token, and waits until the query-service's read models include what was logged,
 * so the page after it shows the new entry. What the reading pages need comes through {@link SamenspelClient}.
 */
@Component
public class EntryClient {
    private final RestClient commands;
    private final SamenspelClient queries;

    public EntryClient(RestClient.Builder builder, WebProperties properties, SamenspelClient queries) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(properties.timeout());
        this.commands = builder.clone().requestFactory(factory).baseUrl(properties.commandUrl().toString())
                               .defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE + ", application/problem+json")
                               .build();
        this.queries = queries;
    }

    /** What the service answered for a logged entry: its id, where it was written, and what it created. */
    public record Logged(String eventId, Long position, UUID subjectId, boolean replayed) {
    }

    /**
     * The service refused the entry (400, 404 or 409) and nothing was logged. {@code fields} names each field it
     * found fault with and what is wrong; {@code detail} is the refusal as a whole, for one that names no field.
     */
    public static class Rejected extends SamenspelClient.ApiException {
        private final Map<String, String> fields;
        private final String detail;

        public Rejected(int status, Map<String, String> fields, String detail) {
            super(status);
            this.fields = fields;
            this.detail = detail;
        }

        public Map<String, String> fields() {
            return fields;
        }

        public String detail() {
            return detail;
        }
    }

    /** What the page says when the service refuses an entry for its size (its texts together above 1 MiB). */
    public static final String TOO_LARGE = "the entry is larger than the service accepts (1 MiB); shorten its texts";

    /** Logs one entry of kind {@code wireName}; the body holds its fields. */
    public Logged log(String token, UUID networkId, String wireName, JsonNode body) {
        try {
            return commands.post().uri("/api/networks/{networkId}/entries/{type}", networkId, wireName)
                           .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON).body(body)
                           .exchange((request, response) -> {
                               int status = response.getStatusCode().value();
                               JsonNode answer = response.bodyTo(JsonNode.class);
                               if (status == 200 || status == 201) {
                                   return new Logged(answer.path("eventId").asText(null),
                                                     answer.hasNonNull("position") ? answer.get("position").asLong() : null,
                                                     answer.hasNonNull("subjectId")
                                                             ? UUID.fromString(answer.get("subjectId").asText()) : null,
                                                     answer.path("replayed").asBoolean());
                               }
                               if ((status == 400 || status == 404 || status == 409) && answer != null) {
                                   Map<String, String> fields = new LinkedHashMap<>();
                                   answer.path("errors").forEach(error -> fields.merge(
                                           error.path("field").asText(""), error.path("message").asText(),
                                           (a, b) -> a + "; " + b));
                                   throw new Rejected(status, fields, answer.path("detail").asText(
                                           answer.path("title").asText("")));
                               }
                               if (status == 413) {
                                   // a text pasted far past its limit: the service does not read the entry at all
                                   throw new Rejected(status, Map.of(), TOO_LARGE);
                               }
                               throw new SamenspelClient.ApiException(status);
                           });
        } catch (ResourceAccessException unreachable) {
            throw new SamenspelClient.ApiException(0);
        }
    }

    /**
     * Waits (boundedly) until the query-service's read models include {@code position}, so the next page reads the
     * entry just logged. A wait that runs out is not an error: the entry is logged, the page may only be a moment
     * behind.
     */
    public void awaitReadModels(String token, UUID networkId, Long position) {
        if (position == null) {
            return;
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                queries.queryJson(token, "/api/networks/" + networkId + "/facts", Map.of("waitFor", position));
                return;
            } catch (SamenspelClient.ApiException e) {
                if (e.status() != 503) {
                    return;
                }
            }
        }
    }
}
