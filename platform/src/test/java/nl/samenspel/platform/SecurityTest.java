package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspel.support.security.UserStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who recorded an entry cannot be forged, erased people vanish from every view while the log still verifies,
 * tokens work across both services, and the edges (size limits, headers, throttling, sessions and CSRF) hold.
 */
class SecurityTest {
    private static TestPlatform tp;

    @BeforeAll
    static void start() {
        tp = new TestPlatform();
    }

    @AfterAll
    static void stop() {
        tp.close();
    }

    @Test
    void recordedByComesFromTheLoginAndCannotBeForgedInTheBody() {
        String coordinatorId = userId("coordinator");
        Api.Response forged = Api.post(tp.commandPort(), "/api/networks/" + tp.networkA + "/partners", """
                {"name":"Woningcorporatie Noord","partnerType":"housing","participationLevel":"associate",
                 "occurredOn":"2024-04-01","recordedBy":"mallory","recordedAs":"admin",
                 "metaData":{"recordedBy":"mallory"}}""", tp.coordinator);
        assertThat(forged.status()).as(forged.body()).isEqualTo(400);
        assertThat(forged.json().get("errors").get(0).get("field").asText()).isEqualTo("recordedBy");

        Api.Response joined = Api.post(tp.commandPort(), "/api/networks/" + tp.networkA + "/partners", """
                {"name":"Woningcorporatie Noord","partnerType":"housing","participationLevel":"associate",
                 "occurredOn":"2024-04-01"}""", tp.coordinator);
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);

        JsonNode events = Api.get(tp.queryPort(), "/api/networks/" + tp.networkA + "/events?limit=1000", tp.auditor).json();
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("PartnerJoined");
        assertThat(last.get("recordedBy").asText()).isEqualTo(coordinatorId);
        assertThat(last.get("recordedAs").asText()).isEqualTo("coordinator");
        assertThat(last.get("payload").toString()).doesNotContain("mallory");
        JsonNode first = events.get(0);
        assertThat(first.get("type").asText()).isEqualTo("NetworkFounded");
        assertThat(first.get("recordedBy").asText()).isEqualTo(userId("admin"));
        assertThat(first.get("recordedAs").asText()).isEqualTo("admin");
    }

    @Test
    void anErasedPersonDisappearsFromEveryViewWhileTheLogAndItsChainStayIntact() {
        Api.Response registered = Api.post(tp.commandPort(), "/api/networks/" + tp.networkA + "/people",
                                           "{\"name\":\"Jolanda Bakker-Verhoef\",\"email\":\"jolanda@example.org\"}",
                                           tp.coordinator);
        String personRef = registered.json().get("personRef").asText();
        assertThat(Api.get(tp.queryPort(), "/api/networks/" + tp.networkA + "/people", tp.coordinator).body())
                .contains("Jolanda Bakker-Verhoef");
        long head = tp.head();
        String eventsBefore = Api.get(tp.queryPort(), "/api/networks/" + tp.networkA + "/events?limit=1000", tp.auditor).body();

        assertThat(Api.delete(tp.commandPort(), "/api/networks/" + tp.networkA + "/people/" + personRef, tp.coordinator)
                      .status()).isEqualTo(204);

        for (String path : List.of("/people", "", "/events?limit=1000", "/integrity")) {
            String body = Api.get(tp.queryPort(), "/api/networks/" + tp.networkA + path, tp.coordinator).body();
            assertThat(body).as(path).doesNotContain("Jolanda").doesNotContain("jolanda@example.org");
        }
        JsonNode person = find(Api.get(tp.queryPort(), "/api/networks/" + tp.networkA + "/people", tp.coordinator).json(),
                               personRef);
        assertThat(person.get("erased").asBoolean()).isTrue();
        assertThat(person.get("displayName").asText()).isEqualTo("erased");
        assertThat(tp.head()).as("erasure appends nothing to the log").isEqualTo(head);
        assertThat(Api.get(tp.queryPort(), "/api/networks/" + tp.networkA + "/events?limit=1000", tp.auditor).body())
                .isEqualTo(eventsBefore);
        assertThat(Api.get(tp.queryPort(), "/api/networks/" + tp.networkA + "/integrity", tp.auditor).json()
                      .get("intact").asBoolean()).isTrue();
        JsonNode log = Api.get(tp.commandPort(), "/api/admin/access-log", tp.admin).json();
        assertThat(log.findValuesAsText("personRef")).contains(personRef);
        assertThat(Api.put(tp.commandPort(), "/api/networks/" + tp.networkA + "/people/" + personRef,
                           "{\"name\":\"Back again\"}", tp.coordinator).status()).isEqualTo(409);
    }

    @Test
    void aBearerTokenFromOneServiceWorksInBothAndARevokedRoleStopsWorkingAtOnce() {
        String user = "token-user";
        UserStore users = tp.platform.commands().getBean(UserStore.class);
        String userId = users.create(user, "Token user", TestPlatform.PASSWORD, false).userId();
        Api.Response grant = Api.post(tp.commandPort(), "/api/admin/users/" + userId + "/grants",
                                      "{\"networkId\":\"" + tp.networkA + "\",\"role\":\"steering\"}", tp.admin);
        assertThat(grant.status()).isEqualTo(201);
        Api.Response issued = Api.post(tp.queryPort(), "/api/auth/token",
                                       "{\"username\":\"" + user + "\",\"password\":\"" + TestPlatform.PASSWORD + "\"}",
                                       Api.Login.ANONYMOUS);
        assertThat(issued.status()).isEqualTo(200);
        Api.Login bearer = Api.Login.bearer(issued.json().get("accessToken").asText());

        assertThat(Api.get(tp.queryPort(), "/api/networks/" + tp.networkA, bearer).status()).isEqualTo(200);
        assertThat(Api.get(tp.commandPort(), "/api/me", bearer).json().get("username").asText()).isEqualTo(user);

        assertThat(Api.delete(tp.commandPort(), "/api/admin/users/" + userId + "/grants/" + tp.networkA + "/steering",
                              tp.admin).status()).isEqualTo(204);
        assertThat(Api.get(tp.queryPort(), "/api/networks/" + tp.networkA, bearer).status()).isEqualTo(403);

        JsonNode log = Api.get(tp.commandPort(), "/api/admin/access-log", tp.admin).json();
        assertThat(log.findValuesAsText("action")).contains("role-granted", "role-revoked");
        assertThat(Api.get(tp.queryPort(), "/api/me", Api.Login.bearer(issued.json().get("accessToken").asText() + "x"))
                      .status()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsRefusedAndRepeatedFailuresAreThrottled() {
        tp.platform.commands().getBean(UserStore.class).create("guessed", "Guessed", TestPlatform.PASSWORD, false);
        for (int i = 0; i < 5; i++) {
            assertThat(Api.get(tp.commandPort(), "/api/me", Api.Login.basic("guessed", "wrong " + i)).status())
                    .isEqualTo(401);
        }
        Api.Response throttled = Api.get(tp.commandPort(), "/api/me", Api.Login.basic("guessed", TestPlatform.PASSWORD));
        assertThat(throttled.status()).as("even the right password waits out the throttle").isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotNull();
        assertThat(throttled.contentType()).startsWith("application/problem+json");
        Api.Response token = Api.post(tp.commandPort(), "/api/auth/token",
                                      "{\"username\":\"guessed\",\"password\":\"" + TestPlatform.PASSWORD + "\"}",
                                      Api.Login.ANONYMOUS);
        assertThat(token.status()).isEqualTo(429);
    }

    @Test
    void failedLoginsThroughAProxyAreCountedPerClientSoOneClientCannotSlowTheOthers() throws Exception {
        tp.platform.commands().getBean(UserStore.class).create("proxied", "Proxied", TestPlatform.PASSWORD, false);
        for (int i = 0; i < 6; i++) {
            assertThat(meThrough("198.51.100.7", "wrong " + i)).isIn(401, 429);
        }
        assertThat(meThrough("198.51.100.7", TestPlatform.PASSWORD)).as("the guessing client waits").isEqualTo(429);
        assertThat(meThrough("198.51.100.8", TestPlatform.PASSWORD)).as("another client through the same proxy")
                                                                     .isEqualTo(200);
    }

    /** GET /api/me with Basic credentials, as a proxy on the internal network forwards a client's request. */
    private static int meThrough(String client, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + tp.commandPort() + "/api/me"))
                .header("X-Forwarded-For", client)
                .header("Authorization", Api.Login.basic("proxied", password).authorization()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void anOversizedRequestIsRefusedBeforeItIsReadAndNothingChanges() {
        long head = tp.head();
        String huge = "{\"name\":\"" + "x".repeat(1_100_000) + "\",\"partnerType\":\"t\",\"participationLevel\":\"core\","
                + "\"occurredOn\":\"2024-03-01\"}";
        Api.Response response = Api.post(tp.commandPort(), "/api/networks/" + tp.networkA + "/partners", huge, tp.coordinator);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(tp.head()).isEqualTo(head);
    }

    @Test
    void anOversizedBodyWithoutAnnouncedLengthIsRefusedTooAndASmallOneStillWorks() {
        long head = tp.head();
        byte[] huge = ("{\"name\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Api.Response refused = Api.send("POST", tp.commandPort(), "/api/networks/" + tp.networkA + "/partners",
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge)),
                "application/json", tp.coordinator);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(tp.head()).isEqualTo(head);

        byte[] small = """
                {"name":"Chunked Zorg","partnerType":"care","participationLevel":"core","occurredOn":"2024-03-01"}"""
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Api.Response accepted = Api.send("POST", tp.commandPort(), "/api/networks/" + tp.networkA + "/partners",
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(small)),
                "application/json", tp.coordinator);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    }

    @Test
    void responsesCarrySecurityHeadersAndErrorsRevealNoInternals() {
        Api.Response response = Api.get(tp.queryPort(), "/api/networks/" + tp.networkB, tp.coordinator);
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(response.header("Cache-Control")).contains("no-store");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("Alliantie");

        Api.Response broken = Api.post(tp.commandPort(), "/api/networks/" + tp.networkA + "/partners", "{\"name\":",
                                       tp.coordinator);
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("jackson");
    }

    @Test
    void aBrowserSessionFromTheLoginFormWorksAndItsWritesNeedACsrfToken() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                                       .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://127.0.0.1:" + tp.commandPort();
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                                                 HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).as(form.body()).isTrue();

        HttpResponse<String> withoutToken = browser.send(post(base + "/login", "username=coordinator&password="
                + enc(TestPlatform.PASSWORD)), HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).as("login without CSRF token").isEqualTo(403);

        HttpResponse<String> login = browser.send(post(base + "/login", "username=coordinator&password="
                + enc(TestPlatform.PASSWORD) + "&_csrf=" + enc(csrf.group(1))), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");

        HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/me")).build(),
                                               HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"coordinator\"");

        long head = tp.head();
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/networks/" + tp.networkA
                        + "/partners")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Forged\",\"partnerType\":\"t\","
                        + "\"participationLevel\":\"core\",\"occurredOn\":\"2024-03-01\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("a session write without CSRF token").isEqualTo(403);
        assertThat(tp.head()).isEqualTo(head);

        // Any Authorization header that does not itself authenticate leaves the session in charge, and the CSRF check.
        for (String bogus : List.of("Foo bar", "Basic", "Bearer")) {
            HttpResponse<String> riding = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/networks/"
                            + tp.networkA + "/partners")).header("Content-Type", "application/json")
                    .header("Authorization", bogus)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Forged\",\"partnerType\":\"t\","
                            + "\"participationLevel\":\"core\",\"occurredOn\":\"2024-03-01\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(riding.statusCode()).as("a session write with Authorization: " + bogus).isEqualTo(403);
            JsonNode problem = Api.JSON.readTree(riding.body());
            assertThat(problem.get("title").asText()).isEqualTo("CSRF token missing");
            assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("_csrf");
        }
        assertThat(tp.head()).isEqualTo(head);
    }

    @Test
    void theFirstAdminComesFromConfigurationOnFirstStart() {
        try (TestPlatform fresh = new TestPlatform("--samenspel.security.admin-username=root",
                                                   "--samenspel.security.admin-password=a long admin secret")) {
            Api.Response me = Api.get(fresh.commandPort(), "/api/me", Api.Login.basic("root", "a long admin secret"));
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.json().get("admin").asBoolean()).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> Api.get(fresh.queryPort(), "/api/me",
                    Api.Login.basic("root", "a long admin secret")).status() == 200);
        }
    }

    private static HttpRequest post(String url, String form) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                          .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String userId(String username) {
        return tp.platform.commands().getBean(UserStore.class).byUsername(username).orElseThrow().userId();
    }

    private static JsonNode find(JsonNode people, String personRef) {
        for (JsonNode p : people) {
            if (p.get("personRef").asText().equals(personRef)) {
                return p;
            }
        }
        throw new AssertionError("no person " + personRef);
    }

}
