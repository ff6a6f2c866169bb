package nl.samenspel.web.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspel.web.WebProperties;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one way the web application reaches the platform: the command- and query-service's public HTTP APIs, called with
 * the signed-in user's bearer token, so every answer is limited to what that user may see. Answers are read into
 * records that ignore fields they do not know, so the services can add to their answers without breaking the pages.
 */
@Component
public class SamenspelClient {
    private final RestClient commands;
    private final RestClient queries;

    public SamenspelClient(RestClient.Builder builder, WebProperties properties) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(properties.timeout());
        RestClient.Builder common = builder.requestFactory(factory)
                                           .defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE)
                                           .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                                               throw new ApiException(response.getStatusCode().value());
                                           });
        this.commands = common.clone().baseUrl(properties.commandUrl().toString()).build();
        this.queries = common.clone().baseUrl(properties.queryUrl().toString()).build();
    }

    /**
     * Exchanges a username and password for a bearer token at the command-service, naming the browser's address as
     * the client (X-Forwarded-For), so that failed logins are slowed per person, not for everyone using the web pages.
     */
    public Token token(String username, String password, String clientAddress) {
        return call(() -> commands.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                                  .headers(h -> {
                                      if (clientAddress != null) {
                                          h.set("X-Forwarded-For", clientAddress);
                                      }
                                  })
                                  .body(Map.of("username", username, "password", password))
                                  .retrieve().body(Token.class));
    }

    public Me me(String token) {
        return get(token, "/api/me", Me.class);
    }

    /**
     * A query-service answer as JSON, for pages that show what the API says without reshaping it. A refusal (4xx)
     * comes back as {@link Refused}, carrying the fields the service named, so a form can show each beside its field.
     */
    public JsonNode queryJson(String token, String path, Map<String, ?> parameters) {
        return queryPage(token, path, parameters).items();
    }

    /**
     * One page of a paged list: its items, and where the next page, the page before and the last page start, as its
     * {@code Link} header names them ({@code -1} where it names none).
     */
    public record Page(JsonNode items, long nextFromSequence, long prevFromSequence, long lastFromSequence) {
    }

    /**
     * A page of a list the query-service pages by sequence number, with where its {@code Link} says the next, the
     * previous and the last page begin. A refusal of the input (400 naming fields) comes back as {@link Refused}.
     */
    public Page queryPage(String token, String path, Map<String, ?> parameters) {
        return call(() -> queries.get().uri(uri(path, parameters)).headers(h -> h.setBearerAuth(token))
                                 .exchange((request, response) -> {
                                     JsonNode body = response.bodyTo(JsonNode.class);
                                     if (response.getStatusCode().value() == 400 && body != null && body.has("errors")) {
                                         throw new Refused(body.get("errors"));
                                     }
                                     if (response.getStatusCode().isError()) {
                                         throw new ApiException(response.getStatusCode().value());
                                     }
                                     Map<String, Long> links = links(response.getHeaders().get(HttpHeaders.LINK));
                                     return new Page(body, links.getOrDefault("next", -1L), links.getOrDefault("prev", -1L),
                                                     links.getOrDefault("last", -1L));
                                 }));
    }

    /** The {@code fromSequence} of each link of a {@code Link} header ({@code <…?fromSequence=50>; rel="next", …}), by rel. */
    static Map<String, Long> links(List<String> headers) {
        Map<String, Long> links = new java.util.HashMap<>();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?([a-z]+)\"?")
                                                              .matcher(headers == null ? "" : String.join(", ", headers));
        while (link.find()) {
            String from = UriComponentsBuilder.fromUriString(link.group(1)).build().getQueryParams()
                                              .getFirst("fromSequence");
            if (from != null && from.matches("\\d{1,18}")) {
                links.put(link.group(2), Long.parseLong(from));
            }
        }
        return links;
    }

    /**
     * Sends a command (POST with a JSON body) to the command-service; the answer as JSON. A refusal of the input (400,
     * or 404/409 naming fields) comes back as {@link Refused}, so a form can show each message beside its field.
     */
    public JsonNode command(String token, String path, Object body) {
        return call(() -> commands.post().uri(path).headers(h -> h.setBearerAuth(token))
                                  .contentType(MediaType.APPLICATION_JSON).body(body)
                                  .exchange((request, response) -> {
                                      JsonNode answer = response.bodyTo(JsonNode.class);
                                      int status = response.getStatusCode().value();
                                      if ((status == 400 || status == 404 || status == 409) && answer != null
                                              && answer.has("errors")) {
                                          throw new Refused(answer.get("errors"));
                                      }
                                      if (response.getStatusCode().isError()) {
                                          throw new ApiException(status);
                                      }
                                      return answer;
                                  }));
    }

    /** A command-service answer as JSON (the admin's lists of users and the access log). */
    public JsonNode commandJson(String token, String path) {
        return call(() -> commands.get().uri(path).headers(h -> h.setBearerAuth(token)).retrieve().body(JsonNode.class));
    }

    /** Sends a request without a body of interest (DELETE, or a POST that only acts) to the command-service. */
    public void commandAction(String token, String method, String path) {
        call(() -> commands.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                           .headers(h -> h.setBearerAuth(token)).retrieve().toBodilessEntity());
    }

    /**
     * Streams the answer to {@code path} into the stream {@code out} supplies, asked for only once the service has
     * answered with success: a refusal (403, 404) is thrown before anything is written, so the page that says so can
     * still be shown (a stream opened first left the error page unwritable: a 500, saved as the download).
     */
    public void queryStream(String token, String path, java.util.function.Supplier<java.io.OutputStream> out) {
        call(() -> queries.get().uri(path).headers(h -> {
            h.setBearerAuth(token);
            h.set("Accept", "*/*");
        }).exchange((request, response) -> {
            if (response.getStatusCode().isError()) {
                throw new ApiException(response.getStatusCode().value());
            }
            response.getBody().transferTo(out.get());
            return null;
        }));
    }

    private static java.util.function.Function<org.springframework.web.util.UriBuilder, java.net.URI> uri(
            String path, Map<String, ?> parameters) {
        return builder -> {
            builder.path(path);
            parameters.forEach((name, value) -> {
                if (value instanceof java.util.Collection<?> values) {
                    values.forEach(v -> builder.queryParam(name, v));
                } else if (value != null) {
                    builder.queryParam(name, value);
                }
            });
            return builder.build();
        };
    }

    public List<NetworkSummary> networks(String token) {
        return call(() -> queries.get().uri("/api/networks").headers(h -> h.setBearerAuth(token)).retrieve()
                                 .body(new ParameterizedTypeReference<List<NetworkSummary>>() {
                                 }));
    }

    public Network network(String token, UUID networkId) {
        return get(token, "/api/networks/" + networkId, Network.class);
    }

    /** The network's health in its current (provisional) month. */
    public MonthHealth currentHealth(String token, UUID networkId) {
        return get(token, "/api/networks/" + networkId + "/health", MonthHealth.class);
    }

    /** The network's health as of a business date, with every correction recorded so far. */
    public MonthHealth healthAsOf(String token, UUID networkId, LocalDate date) {
        return get(token, "/api/networks/" + networkId + "/health/as-of?date=" + date, MonthHealth.class);
    }

    /** Every month from the founding to the current one. */
    public List<MonthHealth> timeline(String token, UUID networkId) {
        return call(() -> queries.get().uri("/api/networks/" + networkId + "/health/timeline")
                                 .headers(h -> h.setBearerAuth(token)).retrieve()
                                 .body(new ParameterizedTypeReference<List<MonthHealth>>() {
                                 }));
    }

    /** The dip curve's indicators (energy, dip risk, vitality) per month: a small answer for an overview. */
    public List<DipMonth> dipSeries(String token, UUID networkId) {
        return call(() -> queries.get().uri("/api/networks/" + networkId + "/health/dip")
                                 .headers(h -> h.setBearerAuth(token)).retrieve()
                                 .body(new ParameterizedTypeReference<List<DipMonth>>() {
                                 }));
    }

    public List<AlertEpisode> alerts(String token, UUID networkId) {
        return call(() -> queries.get().uri("/api/networks/" + networkId + "/health/alerts")
                                 .headers(h -> h.setBearerAuth(token)).retrieve()
                                 .body(new ParameterizedTypeReference<List<AlertEpisode>>() {
                                 }));
    }

    /** The value of one indicator in one month and the entries behind it. */
    public Explanation explain(String token, UUID networkId, String indicator, String month) {
        return get(token, "/api/networks/" + networkId + "/health/explain?indicator=" + indicator + "&month=" + month,
                   Explanation.class);
    }

    /** One alert that held in one month, in its words and figures, and the entries behind it. */
    public Explanation explainAlert(String token, UUID networkId, String alert, String month) {
        return get(token, "/api/networks/" + networkId + "/health/explain?alert=" + alert + "&month=" + month,
                   Explanation.class);
    }

    /** Every visible network an organisation takes part in, with the network's health at a glance. */
    public List<PortfolioLine> portfolio(String token, String organisation) {
        return call(() -> queries.get().uri(uri -> uri.path("/api/portfolio").queryParam("organisation", organisation)
                                                      .build())
                                 .headers(h -> h.setBearerAuth(token)).retrieve()
                                 .body(new ParameterizedTypeReference<List<PortfolioLine>>() {
                                 }));
    }

    /** The network's log verified now and, when intact, a checkpoint of it signed at this instant. */
    public CurrentCheckpoint checkpointNow(String token, UUID networkId) {
        return get(token, "/api/networks/" + networkId + "/checkpoint", CurrentCheckpoint.class);
    }

    /** The public key the platform signs checkpoints with. */
    public CheckpointKey checkpointKey(String token) {
        return get(token, "/api/checkpoint-key", CheckpointKey.class);
    }

    private <T> T get(String token, String path, Class<T> type) {
        return call(() -> queries.get().uri(path).headers(h -> h.setBearerAuth(token)).retrieve().body(type));
    }

    private static <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (ResourceAccessException unreachable) {
            throw new ApiException(0);
        }
    }

    /** A service refused the request's input (400), naming the fields and what is wrong with each. */
    public static class Refused extends ApiException {
        private final Map<String, String> fields = new java.util.LinkedHashMap<>();

        public Refused(JsonNode errors) {
            super(400);
            for (JsonNode error : errors) {
                fields.merge(error.path("field").asText(), error.path("message").asText(), (a, b) -> a + "; " + b);
            }
        }

        public Map<String, String> fields() {
            return fields;
        }
    }

    /** A service answered with an error status, or (status 0) could not be reached. */
    public static class ApiException extends RuntimeException {
        private final int status;

        public ApiException(int status) {
            super(status == 0 ? "service unreachable" : "service answered " + status);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Token(String accessToken, long expiresIn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Me(String userId, String username, String displayName, boolean admin, List<Grant> grants) {
        public Me {
            grants = grants == null ? List.of() : grants;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Grant(UUID networkId, String role) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NetworkSummary(UUID networkId, String name, String sector, String region, String collaborationForm,
                                 LocalDate foundedOn, Integer activePartners) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Network(UUID networkId, String name, String sector, String region, String collaborationForm,
                          String societalTask, LocalDate foundedOn, List<Partner> partners) {
        public Network {
            partners = partners == null ? List.of() : partners;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Partner(UUID partnerId, String name, String partnerType, String participationLevel,
                          LocalDate joinedOn, LocalDate withdrawnOn) {
    }

    /** One month of a network's health: every indicator and the alerts that hold. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MonthHealth(String month, LocalDate asOf, Map<String, Indicator> indicators, List<Alert> alerts) {
        public MonthHealth {
            indicators = indicators == null ? Map.of() : indicators;
            alerts = alerts == null ? List.of() : alerts;
        }

        public Indicator indicator(String id) {
            return indicators.get(id);
        }
    }

    /**
     * An indicator's value in one month; its figures differ per indicator and are read where they are drawn. A month
     * of the timeline or the dip series counts its evidence ({@code evidenceCount}) without listing the ids; a single
     * month lists them, and then the count is their number.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Indicator(String id, String name, String status, JsonNode figures, List<String> evidence,
                            Integer evidenceCount) {
        public Indicator {
            evidence = evidence == null ? List.of() : evidence;
            evidenceCount = evidenceCount == null ? evidence.size() : evidenceCount;
        }

        public JsonNode figure(String key) {
            return figures == null ? null : figures.get(key);
        }
    }

    /** One month of the dip curve: energy (H5), dip risk with its drivers (H6) and vitality (H7). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DipMonth(String month, @JsonProperty("H5") Indicator energy, @JsonProperty("H6") Indicator dipRisk,
                           @JsonProperty("H7") Indicator vitality) {
        /** The same month as a health month holding only these three indicators. */
        public MonthHealth asMonth() {
            Map<String, Indicator> indicators = new java.util.LinkedHashMap<>();
            if (energy != null) {
                indicators.put("H5", energy);
            }
            if (dipRisk != null) {
                indicators.put("H6", dipRisk);
            }
            if (vitality != null) {
                indicators.put("H7", vitality);
            }
            return new MonthHealth(month, null, indicators, List.of());
        }
    }

    /** An alert that holds in a month; as with {@link Indicator}, a timeline month counts its evidence only. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Alert(String id, String title, String severity, String detail, List<String> evidence,
                        Integer evidenceCount, String suggestedResponse, List<Reason> reasons) {
        public Alert {
            evidence = evidence == null ? List.of() : evidence;
            evidenceCount = evidenceCount == null ? evidence.size() : evidenceCount;
            reasons = reasons == null ? List.of() : reasons;
        }
    }

    /** Why an alert holds, as a code of its rule and the values in it; {@code @}-values are labels (see the model). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reason(String code, List<String> args) {
        public Reason {
            args = args == null ? List.of() : args;
        }
    }

    /** An alert from the month its rule first held until it cleared (open while {@code cleared} is empty). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AlertEpisode(String id, String title, String severity, String raised, String cleared,
                               List<String> evidence, String suggestedResponse, JsonNode severities) {
        public AlertEpisode {
            evidence = evidence == null ? List.of() : evidence;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Explanation(String month, Indicator indicator, Alert alert, List<ExplainedEntry> events,
                              List<ExplainedEntry> corrections) {
        public Explanation {
            events = events == null ? List.of() : events;
            corrections = corrections == null ? List.of() : corrections;
        }
    }

    /**
     * An entry behind a figure: for a steering member the fields the figure counts ({@code fields}), for coordinators
     * and auditors the entry whole ({@code payload}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ExplainedEntry(String eventId, Long sequenceNumber, String type, LocalDate occurredOn,
                                 String recordedAt, JsonNode fields, JsonNode payload, boolean corrected,
                                 String targetType, LocalDate targetOccurredOn) {
    }

    /**
     * A signed statement that the network's log ended at event {@code sequence} with hash {@code hash} at {@code time}:
     * the same fields, in the same order, as a checkpoint line of the log's export.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"kind", "network", "sequence", "hash", "time", "signature"})
    public record Checkpoint(String kind, String network, long sequence, String hash, String time, String signature) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CurrentCheckpoint(boolean intact, Checkpoint checkpoint, String keyFingerprint, Long brokenAtSequence,
                                    String breakKind) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CheckpointKey(String algorithm, String publicKey, String pem, String fingerprint) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PortfolioLine(UUID networkId, String network, UUID partnerId, String participationLevel,
                                LocalDate joinedOn, LocalDate withdrawnOn, Glance health) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Glance(String month, Map<String, String> statuses, List<Alert> alerts) {
        public Glance {
            statuses = statuses == null ? Map.of() : statuses;
            alerts = alerts == null ? List.of() : alerts;
        }
    }
}
