package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both services in one process against one embedded MongoDB wire server over TCP, driven through real HTTP: a
 * command goes in at the command-service and comes out of the query-service's read model.
 */
class CommandToQueryTest {
    /** A network id the coordinator holds a role in, but that was never founded. */
    private static final String GHOST_NETWORK = UUID.randomUUID().toString();
    private static TestPlatform tp;
    private static String networkId;

    @BeforeAll
    static void start() {
        tp = new TestPlatform();
        networkId = tp.networkA;
        tp.grantCoordinator(GHOST_NETWORK);
        join("""
                {"name":"Ziekenhuis Noord","partnerType":"hospital","participationLevel":"core","motives":["moral"],
                 "occurredOn":"2024-02-01"}""");
        awaitPartners(1);
    }

    @AfterAll
    static void stop() {
        tp.close();
    }

    @Test
    void aFoundedNetworkIsReadBackFromTheQueryService() {
        JsonNode view = Api.get(tp.queryPort(), "/api/networks/" + networkId, tp.coordinator).json();
        assertThat(view.get("name").asText()).isEqualTo("Zorgnetwerk Noorderkwartier");
        assertThat(view.get("collaborationForm").asText()).isEqualTo("network");
        assertThat(view.get("foundedOn").asText()).isEqualTo("2024-01-10");

        JsonNode list = Api.get(tp.queryPort(), "/api/networks", tp.coordinator).json();
        assertThat(list.findValuesAsText("networkId")).contains(networkId);
    }

    @Test
    void partnersJoinAndWithdrawAndTheReadModelFollows() {
        String partnerId = join("""
                {"name":"Gemeente Zuidstad","partnerType":"municipality","participationLevel":"participant",
                 "occurredOn":"2024-03-01"}""");
        Api.Response withdrawal = Api.post(tp.commandPort(), "/api/networks/" + networkId + "/partners/" + partnerId
                + "/withdrawal", """
                {"reason":"budget cuts","occurredOn":"2025-05-01"}""", tp.coordinator);
        assertThat(withdrawal.status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode partner = partner(partnerId);
            assertThat(partner).isNotNull();
            assertThat(partner.path("withdrawnOn").asText()).isEqualTo("2025-05-01");
            assertThat(partner.path("withdrawalReason").asText()).isEqualTo("budget cuts");
        });
        assertThat(partner(partnerId).get("joinedOn").asText()).isEqualTo("2024-03-01");
    }

    @Test
    void resendingACommandLogsNothingNewAndAnswersWithTheFirstResult() {
        String commandId = UUID.randomUUID().toString();
        String body = """
                {"commandId":"%s","name":"Alliantie Vijf","collaborationForm":"alliance","foundedOn":"2023-03-01"}"""
                .formatted(commandId);
        Api.Response first = Api.post(tp.commandPort(), "/api/networks", body, tp.admin);
        long head = head();
        Api.Response second = Api.post(tp.commandPort(), "/api/networks", body, tp.admin);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("networkId")).isEqualTo(first.json().get("networkId"));
        assertThat(first.json().get("replayed").asBoolean()).isFalse();
        assertThat(second.json().get("replayed").asBoolean()).isTrue();
        assertThat(head()).as("no event was appended for the resend").isEqualTo(head);

        String partnerCommand = """
                {"commandId":"%s","name":"Ontwikkelorganisatie Een","partnerType":"ngo","participationLevel":"core",
                 "occurredOn":"2023-04-01"}""".formatted(UUID.randomUUID());
        tp.grantCoordinator(first.json().get("networkId").asText());
        String path = "/api/networks/" + first.json().get("networkId").asText() + "/partners";
        Api.Response joined = Api.post(tp.commandPort(), path, partnerCommand, tp.coordinator);
        Api.Response rejoined = Api.post(tp.commandPort(), path, partnerCommand, tp.coordinator);
        assertThat(rejoined.json().get("subjectId")).isEqualTo(joined.json().get("subjectId"));
        assertThat(rejoined.json().get("replayed").asBoolean()).isTrue();
    }

    static Stream<Arguments> badRequests() {
        String future = LocalDate.now().plusDays(2).toString();
        String n = "/api/networks/%s";
        return Stream.of(
                bad("malformed JSON", "/api/networks", "{\"name\": ", 400, "body"),
                bad("an array instead of an object", "/api/networks", "[1,2]", 400, "body"),
                bad("unknown collaboration form", "/api/networks",
                    "{\"name\":\"X\",\"collaborationForm\":\"blob\",\"foundedOn\":\"2024-01-01\"}", 400, "collaborationForm"),
                bad("missing collaboration form", "/api/networks", "{\"name\":\"X\",\"foundedOn\":\"2024-01-01\"}", 400,
                    "collaborationForm"),
                bad("blank name", "/api/networks",
                    "{\"name\":\"  \",\"collaborationForm\":\"network\",\"foundedOn\":\"2024-01-01\"}", 400, "name"),
                bad("name of 201 characters", "/api/networks", "{\"name\":\"" + "x".repeat(201)
                        + "\",\"collaborationForm\":\"network\",\"foundedOn\":\"2024-01-01\"}", 400, "name"),
                bad("oversized note", "/api/networks", "{\"name\":\"X\",\"collaborationForm\":\"network\","
                        + "\"foundedOn\":\"2024-01-01\",\"note\":\"" + "n".repeat(2_001) + "\"}", 400, "note"),
                bad("founded in the future", "/api/networks",
                    "{\"name\":\"X\",\"collaborationForm\":\"network\",\"foundedOn\":\"" + future + "\"}", 400, "foundedOn"),
                bad("impossible date", "/api/networks",
                    "{\"name\":\"X\",\"collaborationForm\":\"network\",\"foundedOn\":\"2024-13-45\"}", 400, "foundedOn"),
                bad("unknown network", "/api/networks/" + GHOST_NETWORK + "/partners",
                    "{\"name\":\"P\",\"partnerType\":\"t\",\"participationLevel\":\"core\",\"occurredOn\":\"2024-03-01\"}",
                    404, "networkId"),
                bad("not a UUID in the path", "/api/networks/not-a-uuid/partners",
                    "{\"name\":\"P\",\"partnerType\":\"t\",\"participationLevel\":\"core\",\"occurredOn\":\"2024-03-01\"}",
                    400, "networkId"),
                bad("duplicate partner name", n + "/partners",
                    "{\"name\":\"ziekenhuis noord\",\"partnerType\":\"t\",\"participationLevel\":\"core\","
                            + "\"occurredOn\":\"2024-03-01\"}", 409, "name"),
                bad("joined before founding", n + "/partners",
                    "{\"name\":\"P\",\"partnerType\":\"t\",\"participationLevel\":\"core\",\"occurredOn\":\"2023-12-31\"}",
                    400, "occurredOn"),
                bad("joined in the future", n + "/partners", "{\"name\":\"P\",\"partnerType\":\"t\","
                        + "\"participationLevel\":\"core\",\"occurredOn\":\"" + future + "\"}", 400, "occurredOn"),
                bad("unknown motive", n + "/partners", "{\"name\":\"P\",\"partnerType\":\"t\","
                        + "\"participationLevel\":\"core\",\"motives\":[\"greed\"],\"occurredOn\":\"2024-03-01\"}", 400,
                    "motives"),
                bad("blank partner type", n + "/partners",
                    "{\"name\":\"P\",\"partnerType\":\"\",\"participationLevel\":\"core\",\"occurredOn\":\"2024-03-01\"}",
                    400, "partnerType"),
                bad("withdrawal of an unknown partner", n + "/partners/" + UUID.randomUUID() + "/withdrawal",
                    "{\"reason\":\"r\",\"occurredOn\":\"2024-03-01\"}", 404, "partnerId"),
                bad("withdrawal without a reason", n + "/partners/%s/withdrawal", "{\"occurredOn\":\"2024-03-01\"}", 400,
                    "reason"));
    }

    private static Arguments bad(String what, String path, String body, int status, String field) {
        return Arguments.of(what, path, body, status, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputIsRefusedWithAFieldLevelProblemAndChangesNothing(String what, String path, String body, int status,
                                                                 String field) {
        String partnerId = partnerIdByName("Ziekenhuis Noord");
        String resolved = path.formatted(networkId, partnerId);
        long head = head();
        String before = Api.get(tp.queryPort(), "/api/networks/" + networkId, tp.coordinator).body();

        Api.Response response = Api.post(tp.commandPort(), resolved, body, resolved.startsWith("/api/networks/") ? tp.coordinator : tp.admin);

        assertThat(response.status()).as(what).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).as(what).anyMatch(f -> f.equals(field) || f.startsWith(field + "["));
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(head()).as("nothing was appended").isEqualTo(head);
        assertThat(Api.get(tp.queryPort(), "/api/networks/" + networkId, tp.coordinator).body()).isEqualTo(before);
    }

    @Test
    void reusingACommandIdForADifferentCommandIsAConflict() {
        String commandId = UUID.randomUUID().toString();
        Api.post(tp.commandPort(), "/api/networks/" + networkId + "/partners", """
                {"commandId":"%s","name":"Huisartsen Noord","partnerType":"gp","participationLevel":"core",
                 "occurredOn":"2024-03-01"}""".formatted(commandId), tp.coordinator);
        long head = head();
        Api.Response reuse = Api.post(tp.commandPort(), "/api/networks/" + networkId + "/partners", """
                {"commandId":"%s","name":"Another name","partnerType":"gp","participationLevel":"core",
                 "occurredOn":"2024-03-01"}""".formatted(commandId), tp.coordinator);
        assertThat(reuse.status()).isEqualTo(409);
        assertThat(reuse.json().get("errors").get(0).get("field").asText()).isEqualTo("commandId");
        assertThat(head()).isEqualTo(head);
    }

    @Test
    void aLongHistoryIsSnapshottedAndTheNetworkStillDecidesCorrectly() {
        String network = tp.found("Leerwerkverbond West");
        tp.grantCoordinator(network);
        for (int i = 0; i < 120; i++) {
            Api.Response joined = Api.post(tp.commandPort(), "/api/networks/" + network + "/partners", """
                    {"name":"Zorgorganisatie %d","partnerType":"care provider","participationLevel":"participant",
                     "occurredOn":"2024-03-01"}""".formatted(i), tp.coordinator);
            assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        }
        com.mongodb.client.MongoDatabase db = tp.platform.commands().getBean(com.mongodb.client.MongoDatabase.class);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                db.getCollection("snapshots").find(new org.bson.Document("_id", network)).first() != null);

        // Decided on snapshot + later events: the duplicate name is still known, a new partner still joins.
        Api.Response duplicate = Api.post(tp.commandPort(), "/api/networks/" + network + "/partners", """
                {"name":"Zorgorganisatie 7","partnerType":"care provider","participationLevel":"core",
                 "occurredOn":"2024-03-02"}""", tp.coordinator);
        assertThat(duplicate.status()).isEqualTo(409);
        Api.Response fresh = Api.post(tp.commandPort(), "/api/networks/" + network + "/partners", """
                {"name":"ROC West","partnerType":"vocational school","participationLevel":"core",
                 "occurredOn":"2024-03-02"}""", tp.coordinator);
        assertThat(fresh.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.get(tp.queryPort(), "/api/networks/" + network,
                                                                    tp.coordinator).json().get("partners").size() == 121);
    }

    @Test
    void theHashChainOfANetworkVerifies() {
        JsonNode report = Api.get(tp.queryPort(), "/api/networks/" + networkId + "/integrity", tp.coordinator).json();
        assertThat(report.get("intact").asBoolean()).isTrue();
        assertThat(report.get("eventsChecked").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void bothServicesAreHealthyAndPublishProcessorMetricsAndLag() {
        assertThat(Api.get(tp.commandPort(), "/actuator/health", Api.Login.ANONYMOUS).json().get("status").asText()).isEqualTo("UP");
        assertThat(Api.get(tp.queryPort(), "/actuator/health", Api.Login.ANONYMOUS).json().get("status").asText()).isEqualTo("UP");
        String metrics = Api.get(tp.queryPort(), "/actuator/prometheus", tp.admin).body();
        assertThat(metrics).contains("samenspel_processor_lag_events{application=\"query-service\",processorName=\"network-views\"}")
                           .contains("eventProcessor_capacity");
        assertThat(Api.get(tp.commandPort(), "/actuator/prometheus", tp.admin).body()).contains("commandBus_");
    }

    /**
     * Requests are measured once each ({@code http_server_requests}); Spring Security's observation of every filter of
     * every request (a timer per chain and two counters per filter, looked up again for each request) is not made: it
     * took about a tenth of the request threads' time with eight clients.
     */
    @Test
    void requestsAreMeasuredWithoutObservingEverySecurityFilter() {
        Api.get(tp.queryPort(), "/api/networks/" + networkId, tp.coordinator);
        for (int port : new int[]{tp.commandPort(), tp.queryPort()}) {
            String metrics = Api.get(port, "/actuator/prometheus", tp.admin).body();
            assertThat(metrics).contains("http_server_requests_seconds_count")
                               .doesNotContain("spring_security_filterchains")
                               .doesNotContain("spring_security_authentications")
                               .doesNotContain("spring_security_authorizations");
        }
    }

    private static String join(String body) {
        Api.Response response = Api.post(tp.commandPort(), "/api/networks/" + networkId + "/partners", body,
                                         tp.coordinator);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("subjectId").asText();
    }

    private static void awaitPartners(int count) {
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Api.get(tp.queryPort(), "/api/networks/" + networkId, tp.coordinator).json().get("partners").size() >= count);
    }

    private static JsonNode partner(String partnerId) {
        for (JsonNode p : Api.get(tp.queryPort(), "/api/networks/" + networkId, tp.coordinator).json().get("partners")) {
            if (p.get("partnerId").asText().equals(partnerId)) {
                return p;
            }
        }
        return null;
    }

    private static String partnerIdByName(String name) {
        for (JsonNode p : Api.get(tp.queryPort(), "/api/networks/" + networkId, tp.coordinator).json().get("partners")) {
            if (p.get("name").asText().equals(name)) {
                return p.get("partnerId").asText();
            }
        }
        throw new IllegalStateException("no partner " + name);
    }

    private static long head() {
        return tp.head();
    }
}
