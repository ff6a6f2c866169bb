package nl.samenspel.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.samenspel.web.WebProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The calls the coordinator's pages make: importing a history file (checked first, then logged), the people
 * directory, and the command-service's API description, which the import template is made from. Like
 * {@link SamenspelClient}, every call carries the signed-in user's bearer token, so the services decide what is
 * allowed; an import has a longer read timeout than a page's question, as a 5,000-line file takes seconds to check.
 */
@Component
public class ManageClient {
    private final RestClient commands;
    private final RestClient imports;
    private final RestClient queries;
    private final ObjectMapper json;
    private volatile JsonNode apiDescription;

    public ManageClient(RestClient.Builder builder, WebProperties properties, ObjectMapper json,
                        @Value("${samenspel.web.import-timeout:2m}") Duration importTimeout) {
        this.json = json;
        RestClient.Builder common = builder.clone().defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE)
                                           .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                                               throw new SamenspelClient.ApiException(response.getStatusCode().value());
                                           });
        this.commands = common.clone().requestFactory(factory(properties.timeout(), properties.timeout()))
                              .baseUrl(properties.commandUrl().toString()).build();
        this.imports = common.clone().requestFactory(factory(properties.timeout(), importTimeout))
                             .baseUrl(properties.commandUrl().toString()).build();
        this.queries = common.clone().requestFactory(factory(properties.timeout(), properties.timeout()))
                             .baseUrl(properties.queryUrl().toString()).build();
    }

    private static JdkClientHttpRequestFactory factory(Duration connect, Duration read) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(connect).build());
        factory.setReadTimeout(read);
        return factory;
    }

    /**
     * The command-service's answer to an import: 200 (checked, nothing logged), 201 (logged) or 400 (refused, with
     * every refused line); {@code body} is the answer as the API wrote it.
     */
    public record ImportAnswer(int status, JsonNode body) {
        public boolean refused() {
            return status == 400;
        }
    }

    /**
     * Sends a history file to {@code POST /api/networks/{id}/imports}, as it was uploaded, with the command id that
     * makes a resend harmless. Other refusals than 400 (413, 415, 403) come back as {@link SamenspelClient.ApiException}.
     */
    public ImportAnswer importFile(String token, UUID networkId, byte[] file, MediaType contentType, boolean dryRun) {
        // No command id: the service derives it from the file's content, so the same file sent again (uploaded a
        // second time, or its "log" pressed twice) logs nothing new, as it does through the API.
        return call(() -> imports.post()
                .uri(uri -> uri.path("/api/networks/{networkId}/imports").queryParam("dryRun", dryRun).build(networkId))
                .headers(h -> h.setBearerAuth(token)).contentType(contentType).body(file)
                .exchange((request, response) -> {
                    int status = response.getStatusCode().value();
                    if (status == 200 || status == 201 || status == 400) {
                        JsonNode body = response.bodyTo(JsonNode.class);
                        return new ImportAnswer(status, body == null ? json.createObjectNode() : body);
                    }
                    throw new SamenspelClient.ApiException(status);
                }));
    }

    /**
     * Waits until the health views include {@code position} (the query-service's {@code ?waitFor=}), asking again
     * after each bounded wait until {@code patience} has passed. Answers whether they do.
     */
    public boolean awaitHealth(String token, UUID networkId, long position, Duration patience) {
        Instant until = Instant.now().plus(patience);
        do {
            try {
                call(() -> queries.get().uri(uri -> uri.path("/api/networks/{networkId}/health")
                                                       .queryParam("waitFor", position).build(networkId))
                                  .headers(h -> h.setBearerAuth(token)).retrieve().toBodilessEntity());
                return true;
            } catch (SamenspelClient.ApiException e) {
                if (e.status() != 503) {
                    throw e;
                }
            }
        } while (Instant.now().isBefore(until));
        return false;
    }

    /** The people directory of the network as the query-service lists it (erased people show as erased). */
    public JsonNode people(String token, UUID networkId) {
        return call(() -> queries.get().uri("/api/networks/{networkId}/people", networkId)
                                 .headers(h -> h.setBearerAuth(token)).retrieve().body(JsonNode.class));
    }

    /** Registers a person under {@code personRef}, the reference the form chose: a form sent twice registers one. */
    public JsonNode registerPerson(String token, UUID networkId, UUID personRef, String name, String email,
                                   String phone) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("personRef", personRef.toString());
        body.putAll(details(name, email, phone));
        return send(() -> commands.post().uri("/api/networks/{networkId}/people", networkId)
                                  .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                                  .body(body));
    }

    public JsonNode correctPerson(String token, UUID networkId, UUID personRef, String name, String email,
                                  String phone) {
        return send(() -> commands.put().uri("/api/networks/{networkId}/people/{personRef}", networkId, personRef)
                                  .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                                  .body(details(name, email, phone)));
    }

    public void erasePerson(String token, UUID networkId, UUID personRef) {
        call(() -> commands.delete().uri("/api/networks/{networkId}/people/{personRef}", networkId, personRef)
                           .headers(h -> h.setBearerAuth(token)).retrieve().toBodilessEntity());
    }

    /**
     * The command-service's OpenAPI description ({@code /v3/api-docs}, public), read once: it describes the running
     * service, which does not change while it runs.
     */
    public JsonNode apiDescription() {
        JsonNode known = apiDescription;
        if (known == null) {
            known = call(() -> commands.get().uri("/v3/api-docs").retrieve().body(JsonNode.class));
            apiDescription = known;
        }
        return known;
    }

    /** Empty fields are left out, so an e-mail address or phone number that is not known is not sent as "". */
    private static Map<String, String> details(String name, String email, String phone) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", name == null ? "" : name);
        if (email != null && !email.isBlank()) {
            body.put("email", email.strip());
        }
        if (phone != null && !phone.isBlank()) {
            body.put("phone", phone.strip());
        }
        return body;
    }

    /** A write whose 400 names fields: answered as {@link SamenspelClient.Refused} so a form shows them. */
    private JsonNode send(Supplier<RestClient.RequestBodySpec> request) {
        return call(() -> request.get().exchange((req, response) -> {
            int status = response.getStatusCode().value();
            JsonNode body = readBody(response);
            if ((status == 400 || status == 409) && body != null && body.has("errors")) {
                throw new SamenspelClient.Refused(body.get("errors"));
            }
            if (response.getStatusCode().isError()) {
                throw new SamenspelClient.ApiException(status);
            }
            return body;
        }));
    }

    private JsonNode readBody(org.springframework.http.client.ClientHttpResponse response) throws IOException {
        byte[] bytes = response.getBody().readAllBytes();
        return bytes.length == 0 ? null : json.readTree(bytes);
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (ResourceAccessException unreachable) {
            throw new SamenspelClient.ApiException(0);
        }
    }
}
