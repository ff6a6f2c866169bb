package nl.samenspel.platform;

import nl.samenspel.kernel.access.NetworkRole;
import nl.samenspel.support.security.UserAccount;
import nl.samenspel.support.security.UserStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API endpoint of both services, called as every kind of caller, answers the status this table expects; a
 * refused call changes nothing. An endpoint that is missing from the table fails {@link #everyEndpointHasARule()}.
 */
class AccessControlTest {
    enum Caller { ADMIN, COORDINATOR, STEERING, AUDITOR, OTHER_NETWORK, ANONYMOUS }

    /** The request to send: path with ids filled in, a body (or null) and its content type. Made fresh for every call. */
    record Call(String path, String body, String contentType) {
        Call(String path, String body) {
            this(path, body, "application/json");
        }
    }

    /** One row: an endpoint, how to prepare a call to it, and the status each allowed caller gets. */
    record Rule(String service, String method, String pattern, Supplier<Call> call, Map<Caller, Integer> allowed,
                boolean isPublic) {
        String key() {
            return service + " " + method + " " + pattern;
        }
    }

    private static TestPlatform tp;
    private static final List<Rule> TABLE = new ArrayList<>();

    @BeforeAll
    static void start() {
        tp = new TestPlatform();
        String a = tp.networkA;
        String person = "{\"name\":\"Anna de Vries\",\"email\":\"anna@example.org\"}";
        rule("command", "POST", "/api/networks", () -> new Call("/api/networks",
                "{\"name\":\"Netwerk " + UUID.randomUUID() + "\",\"collaborationForm\":\"network\",\"foundedOn\":\"2024-01-10\"}"),
             Map.of(Caller.ADMIN, 201));
        rule("command", "POST", "/api/networks/{networkId}/partners", () -> new Call("/api/networks/" + a + "/partners",
                "{\"name\":\"Partner " + UUID.randomUUID() + "\",\"partnerType\":\"school\",\"participationLevel\":\"core\","
                        + "\"occurredOn\":\"2024-02-01\"}"), Map.of(Caller.COORDINATOR, 201));
        rule("command", "POST", "/api/networks/{networkId}/entries/{type}",
             () -> new Call("/api/networks/" + a + "/entries/success-achieved",
                            "{\"kind\":\"milestone\",\"title\":\"First joint plan\",\"occurredOn\":\"2024-05-01\"}"),
             Map.of(Caller.COORDINATOR, 201));
        rule("command", "POST", "/api/networks/{networkId}/imports",
             () -> new Call("/api/networks/" + a + "/imports", "type,kind,title,occurredOn\n"
                     + "success-achieved,milestone,Imported plan " + UUID.randomUUID() + ",2024-05-01\n", "text/csv"),
             Map.of(Caller.COORDINATOR, 201));
        rule("command", "POST", "/api/networks/{networkId}/partners/{partnerId}/withdrawal",
             () -> new Call("/api/networks/" + a + "/partners/" + newPartner() + "/withdrawal",
                            "{\"reason\":\"left the region\",\"occurredOn\":\"2024-06-01\"}"), Map.of(Caller.COORDINATOR, 201));
        rule("command", "POST", "/api/networks/{networkId}/people", () -> new Call("/api/networks/" + a + "/people", person),
             Map.of(Caller.COORDINATOR, 201));
        rule("command", "PUT", "/api/networks/{networkId}/people/{personRef}",
             () -> new Call("/api/networks/" + a + "/people/" + newPerson(), person), Map.of(Caller.COORDINATOR, 200));
        rule("command", "DELETE", "/api/networks/{networkId}/people/{personRef}",
             () -> new Call("/api/networks/" + a + "/people/" + newPerson(), null),
             Map.of(Caller.COORDINATOR, 204, Caller.ADMIN, 204));
        rule("command", "GET", "/api/admin/users", () -> new Call("/api/admin/users", null), Map.of(Caller.ADMIN, 200));
        rule("command", "POST", "/api/admin/users", () -> new Call("/api/admin/users",
                "{\"username\":\"u" + UUID.randomUUID() + "\",\"displayName\":\"New user\",\"password\":\"long enough secret\"}"),
             Map.of(Caller.ADMIN, 201));
        rule("command", "POST", "/api/admin/users/{userId}/grants", () -> new Call("/api/admin/users/" + newUser() + "/grants",
                "{\"networkId\":\"" + a + "\",\"role\":\"steering\"}"), Map.of(Caller.ADMIN, 201));
        rule("command", "DELETE", "/api/admin/users/{userId}/grants/{networkId}/{role}",
             () -> new Call("/api/admin/users/" + newUserWithGrant(a) + "/grants/" + a + "/steering", null),
             Map.of(Caller.ADMIN, 204));
        rule("command", "GET", "/api/admin/access-log", () -> new Call("/api/admin/access-log", null), Map.of(Caller.ADMIN, 200));
        rule("command", "POST", "/api/admin/users/{userId}/disable",
             () -> new Call("/api/admin/users/" + newUser() + "/disable", null), Map.of(Caller.ADMIN, 200));
        rule("command", "POST", "/api/admin/users/{userId}/enable",
             () -> new Call("/api/admin/users/" + newUser() + "/enable", null), Map.of(Caller.ADMIN, 200));
        rule("command", "POST", "/api/admin/users/{userId}/password", () -> new Call("/api/admin/users/" + newUser()
                + "/password", "{\"password\":\"a new long secret\"}"), Map.of(Caller.ADMIN, 204));
        rule("command", "POST", "/api/admin/users/{userId}/revoke-tokens",
             () -> new Call("/api/admin/users/" + newUser() + "/revoke-tokens", null), Map.of(Caller.ADMIN, 204));
        rule("command", "POST", "/api/admin/users/{userId}/identities", () -> new Call("/api/admin/users/" + newUser()
                + "/identities", "{\"issuer\":\"https://id.example.org\",\"subject\":\"" + UUID.randomUUID() + "\"}"),
             Map.of(Caller.ADMIN, 201));
        for (String service : List.of("command", "query")) {
            TABLE.add(new Rule(service, "POST", "/api/auth/token", () -> new Call("/api/auth/token",
                    "{\"username\":\"steering\",\"password\":\"" + TestPlatform.PASSWORD + "\"}"), Map.of(), true));
            rule(service, "GET", "/api/me", () -> new Call("/api/me", null), everyoneLoggedIn(200));
            rule(service, "POST", "/api/auth/revoke", () -> new Call("/api/auth/revoke", null), everyoneLoggedIn(204));
        }
        rule("query", "GET", "/api/networks", () -> new Call("/api/networks", null), everyoneLoggedIn(200));
        rule("query", "GET", "/api/portfolio", () -> new Call("/api/portfolio?organisation=Ziekenhuis%20Noord", null),
             everyoneLoggedIn(200));
        rule("query", "GET", "/api/networks/{networkId}", () -> new Call("/api/networks/" + a, null),
             Map.of(Caller.COORDINATOR, 200, Caller.STEERING, 200, Caller.AUDITOR, 200));
        rule("query", "GET", "/api/networks/{networkId}/integrity", () -> new Call("/api/networks/" + a + "/integrity", null),
             Map.of(Caller.COORDINATOR, 200, Caller.AUDITOR, 200));
        rule("query", "GET", "/api/networks/{networkId}/events", () -> new Call("/api/networks/" + a + "/events", null),
             Map.of(Caller.COORDINATOR, 200, Caller.AUDITOR, 200));
        rule("query", "GET", "/api/networks/{networkId}/export", () -> new Call("/api/networks/" + a + "/export", null),
             Map.of(Caller.COORDINATOR, 200, Caller.AUDITOR, 200));
        rule("query", "GET", "/api/networks/{networkId}/checkpoints",
             () -> new Call("/api/networks/" + a + "/checkpoints", null),
             Map.of(Caller.COORDINATOR, 200, Caller.STEERING, 200, Caller.AUDITOR, 200));
        rule("query", "GET", "/api/networks/{networkId}/checkpoint",
             () -> new Call("/api/networks/" + a + "/checkpoint", null),
             Map.of(Caller.COORDINATOR, 200, Caller.STEERING, 200, Caller.AUDITOR, 200));
        rule("query", "GET", "/api/checkpoint-key", () -> new Call("/api/checkpoint-key", null), everyoneLoggedIn(200));
        Map<Caller, Integer> readers = Map.of(Caller.COORDINATOR, 200, Caller.STEERING, 200, Caller.AUDITOR, 200);
        String month = java.time.YearMonth.now().toString();
        for (String view : List.of("", "/timeline", "/alerts", "/dip", "/give-and-take", "/capitals", "/figure-eight",
                                   "/thermometer")) {
            rule("query", "GET", "/api/networks/{networkId}/health" + view,
                 () -> new Call("/api/networks/" + a + "/health" + view, null), readers);
        }
        rule("query", "GET", "/api/networks/{networkId}/health/explain",
             () -> new Call("/api/networks/" + a + "/health/explain?indicator=H13&month=" + month, null), readers);
        rule("query", "GET", "/api/networks/{networkId}/health/policy",
             () -> new Call("/api/networks/" + a + "/health/policy", null), readers);
        rule("query", "GET", "/api/networks/{networkId}/health/as-of",
             () -> new Call("/api/networks/" + a + "/health/as-of?date=2024-06-30", null), readers);
        rule("query", "GET", "/api/networks/{networkId}/health/compare",
             () -> new Call("/api/networks/" + a + "/health/compare?date=2024-06-30&knownAt=2025-01-01T00:00:00Z", null),
             Map.of(Caller.COORDINATOR, 200, Caller.AUDITOR, 200));
        rule("query", "GET", "/api/networks/{networkId}/health/check",
             () -> new Call("/api/networks/" + a + "/health/check", null), Map.of(Caller.COORDINATOR, 200, Caller.AUDITOR, 200));
        rule("query", "GET", "/api/networks/{networkId}/people", () -> new Call("/api/networks/" + a + "/people", null),
             Map.of(Caller.COORDINATOR, 200));
        for (String facts : List.of("facts", "ambition", "interests", "agreements", "contributions", "value-claims",
                                    "balance", "evaluations", "improvement-actions", "temperature", "conflicts",
                                    "meetings", "sub-coalitions", "context")) {
            rule("query", "GET", "/api/networks/{networkId}/" + facts,
                 () -> new Call("/api/networks/" + a + "/" + facts, null),
                 Map.of(Caller.COORDINATOR, 200, Caller.STEERING, 200, Caller.AUDITOR, 200));
        }
        for (String people : List.of("partners", "roles")) {
            rule("query", "GET", "/api/networks/{networkId}/" + people,
                 () -> new Call("/api/networks/" + a + "/" + people, null),
                 Map.of(Caller.COORDINATOR, 200, Caller.AUDITOR, 200));
        }
    }

    @AfterAll
    static void stop() {
        tp.close();
    }

    @Test
    void everyEndpointHasARule() {
        Set<String> endpoints = new TreeSet<>();
        endpoints.addAll(endpoints("command", tp.platform.commands()));
        endpoints.addAll(endpoints("query", tp.platform.queries()));
        Set<String> ruled = TABLE.stream().map(Rule::key).collect(Collectors.toCollection(TreeSet::new));
        assertThat(ruled).as("the access table must name every endpoint, and only those").isEqualTo(endpoints);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryCallerAsTheTableSays() {
        return TABLE.stream().flatMap(rule -> Stream.of(Caller.values()).map(caller -> DynamicTest.dynamicTest(
                rule.key() + " as " + caller, () -> check(rule, caller))));
    }

    private void check(Rule rule, Caller caller) {
        Call call = rule.call().get();
        int expected = rule.isPublic() ? 200
                : rule.allowed().getOrDefault(caller, caller == Caller.ANONYMOUS ? 401 : 403);
        long head = tp.head();
        int users = tp.platform.commands().getBean(UserStore.class).all().size();
        int port = rule.service().equals("command") ? tp.commandPort() : tp.queryPort();

        Api.Response response = Api.send(rule.method(), port, call.path(), call.body(), call.contentType(), login(caller));

        assertThat(response.status()).as("%s as %s: %s", rule.key(), caller, response.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("errors").isArray()).as("field-level errors at the top level").isTrue();
            assertThat(response.json().get("status").asInt()).isEqualTo(expected);
            assertThat(tp.head()).as("a refused call appends nothing").isEqualTo(head);
            assertThat(tp.platform.commands().getBean(UserStore.class).all()).as("and creates no user").hasSize(users);
        }
    }

    private static Api.Login login(Caller caller) {
        return switch (caller) {
            case ADMIN -> tp.admin;
            case COORDINATOR -> tp.coordinator;
            case STEERING -> tp.steering;
            case AUDITOR -> tp.auditor;
            case OTHER_NETWORK -> tp.otherCoordinator;
            case ANONYMOUS -> Api.Login.ANONYMOUS;
        };
    }

    private static Set<String> endpoints(String service, ApplicationContext context) {
        return context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods()
                      .keySet().stream()
                      .flatMap(info -> info.getPatternValues().stream().flatMap(pattern -> {
                          Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name)
                                                    .collect(Collectors.toSet());
                          return methods.stream().map(m -> service + " " + m + " " + pattern);
                      }))
                      .filter(key -> key.contains(" /api/"))
                      .collect(Collectors.toSet());
    }

    private static void rule(String service, String method, String pattern, Supplier<Call> call, Map<Caller, Integer> allowed) {
        TABLE.add(new Rule(service, method, pattern, call, allowed, false));
    }

    private static Map<Caller, Integer> everyoneLoggedIn(int status) {
        Map<Caller, Integer> map = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            if (caller != Caller.ANONYMOUS) {
                map.put(caller, status);
            }
        }
        return map;
    }

    private static String newPartner() {
        Api.Response joined = Api.post(tp.commandPort(), "/api/networks/" + tp.networkA + "/partners",
                "{\"name\":\"Leaving " + UUID.randomUUID() + "\",\"partnerType\":\"school\",\"participationLevel\":\"core\","
                        + "\"occurredOn\":\"2024-02-01\"}", tp.coordinator);
        assertThat(joined.status()).isEqualTo(201);
        return joined.json().get("subjectId").asText();
    }

    private static String newPerson() {
        Api.Response registered = Api.post(tp.commandPort(), "/api/networks/" + tp.networkA + "/people",
                                           "{\"name\":\"Someone\"}", tp.coordinator);
        assertThat(registered.status()).isEqualTo(201);
        return registered.json().get("personRef").asText();
    }

    private static String newUser() {
        return tp.platform.commands().getBean(UserStore.class)
                 .create("user-" + UUID.randomUUID(), "Someone", null, false).userId();
    }

    private static String newUserWithGrant(String network) {
        UserStore users = tp.platform.commands().getBean(UserStore.class);
        UserAccount account = users.create("user-" + UUID.randomUUID(), "Someone", null, false);
        users.grant(account.userId(), UUID.fromString(network), NetworkRole.STEERING);
        return account.userId();
    }
}
