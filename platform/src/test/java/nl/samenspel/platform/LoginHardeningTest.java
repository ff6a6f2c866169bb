package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import nl.samenspel.support.security.LoginThrottle;
import nl.samenspel.support.security.UserStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logins and tokens against a running platform: usernames cannot be told apart by timing, the throttle's memory stays
 * bounded, tokens must be complete and meant for this platform, identity-provider users are found by issuer and
 * subject through an explicit link, and admins can disable users, reset passwords and end tokens.
 * <p>
 * The throttle is set loose here so that fifty wrong passwords in a row are answered rather than waited out; how it
 * slows guessers is shown in {@link LoginThrottleTest}. An identity provider runs in the test on real HTTP, publishing
 * its discovery document and keys, so its tokens are checked exactly as a real provider's would be.
 */
class LoginHardeningTest {
    private static final String AUDIENCE = "samenspel-test-client";
    private static final String SECRET = "s".repeat(48);
    private static final String METRICS_PASSWORD = "scrape me every fifteen seconds";

    private static HttpServer provider;
    private static String issuer;
    private static RSAKey providerKey;
    private static TestPlatform tp;

    @BeforeAll
    static void start() throws Exception {
        providerKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + provider.getAddress().getPort() + "/realms/test";
        provider.createContext("/realms/test/.well-known/openid-configuration", exchange -> respond(exchange, """
                {"issuer":"%s","jwks_uri":"%s/keys","subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"response_types_supported":["code"],
                 "authorization_endpoint":"%s/auth","token_endpoint":"%s/token"}"""
                .formatted(issuer, issuer, issuer, issuer)));
        provider.createContext("/realms/test/keys",
                               exchange -> respond(exchange, new JWKSet(providerKey.toPublicJWK()).toString()));
        provider.start();
        tp = new TestPlatform("--samenspel.security.login-attempts=1000",
                              "--samenspel.security.oidc-issuer-uri=" + issuer,
                              "--samenspel.security.oidc-audience=" + AUDIENCE,
                              "--samenspel.security.metrics-password=" + METRICS_PASSWORD);
    }

    @AfterAll
    static void stop() {
        tp.close();
        provider.stop(0);
    }

    @Test
    void theLoginPageOfAPlatformWithoutDemoUsersSaysWhomToAskNotWhereDemoLoginsAre() throws Exception {
        tp.platform.startWeb(0);
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + tp.platform.webPort() + "/login?lang=en")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Ask whoever runs Samenspel for your organisation")
                               .doesNotContain("demo-logins.txt");
    }

    @Test
    void anUnknownUsernameTakesAsLongAsAKnownOneWithAWrongPassword() {
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            long a = timedTokenRequest("auditor", "wrong password " + i);
            long b = timedTokenRequest("nobody-" + UUID.randomUUID(), "wrong password " + i);
            if (i >= 5) { // the first few warm up both paths
                known.add(a);
                unknown.add(b);
            }
        }
        double ratio = (double) median(unknown) / median(known);
        System.out.printf("login timing: unknown username median %d ms, known username with a wrong password %d ms,"
                                  + " ratio %.2f%n", median(unknown) / 1_000_000, median(known) / 1_000_000, ratio);
        assertThat(ratio).as("median unknown %d µs against known %d µs", median(unknown) / 1000, median(known) / 1000)
                         .isBetween(0.6, 1.67);
    }

    @Test
    void theThrottleStaysBoundedUnderAHundredThousandRandomUsernames() {
        LoginThrottle throttle = tp.platform.commands().getBean(LoginThrottle.class);
        long before = usedHeapAfterGc();
        for (int i = 0; i < 100_000; i++) {
            throttle.failed(UUID.randomUUID() + "@example.org", "203.0.113." + (i % 200));
        }
        long grown = usedHeapAfterGc() - before;
        System.out.printf("login throttle: %d KiB kept after 100,000 random usernames, %d tracked%n", grown / 1024,
                          throttle.tracked());
        assertThat(grown).as("heap kept after 100,000 random usernames: %d KiB", grown / 1024)
                         .isLessThan(8L * 1024 * 1024);
        assertThat(throttle.tracked()).isLessThanOrEqualTo(10_000);
        assertThat(throttle.waitFor("someone", "198.51.100.1")).isZero();
    }

    @Test
    void ownTokensNeedAnExpiryThisIssuerAndThisAudience() throws Exception {
        String userId = tp.platform.commands().getBean(UserStore.class).byUsername("auditor").orElseThrow().userId();
        Instant now = Instant.now();
        Consumer<JWTClaimsSet.Builder> complete = c -> c.issuer("samenspel").audience("samenspel-api").subject(userId)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600))).claim("ver", 0);

        assertThat(meWith(ownToken(complete))).as("a complete token").isEqualTo(200);
        assertThat(meWith(ownToken(complete.andThen(c -> c.expirationTime(null))))).as("no exp").isEqualTo(401);
        assertThat(meWith(ownToken(complete.andThen(c -> c.issuer("someone-else"))))).as("other iss").isEqualTo(401);
        assertThat(meWith(ownToken(complete.andThen(c -> c.issuer(null))))).as("no iss").isEqualTo(401);
        assertThat(meWith(ownToken(complete.andThen(c -> c.audience((String) null))))).as("no aud").isEqualTo(401);
        assertThat(meWith(ownToken(complete.andThen(c -> c.audience("another-app"))))).as("other aud").isEqualTo(401);
        assertThat(meWith(ownToken(complete.andThen(c -> c.expirationTime(Date.from(now.minusSeconds(3600)))))))
                .as("expired").isEqualTo(401);
    }

    @Test
    void identityProviderUsersAreFoundByIssuerAndSubjectThroughAnExplicitLink() throws Exception {
        String subject = "f81d4fae-7dec-11d0-a765-00a0c91e6bf6";
        // The provider calls its user "steering", like a Samenspel user; that alone must not make them that user.
        Consumer<JWTClaimsSet.Builder> claims = c -> c.issuer(issuer).audience(AUDIENCE).subject(subject)
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).claim("preferred_username", "steering");
        String token = providerToken(claims);
        assertThat(meWith(token)).as("not linked yet").isEqualTo(401);

        String userId = tp.platform.commands().getBean(UserStore.class).byUsername("steering").orElseThrow().userId();
        Api.Response linked = Api.post(tp.commandPort(), "/api/admin/users/" + userId + "/identities",
                                       "{\"issuer\":\"%s\",\"subject\":\"%s\"}".formatted(issuer, subject), tp.admin);
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);

        Api.Response me = Api.get(tp.queryPort(), "/api/me", Api.Login.bearer(token));
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("username").asText()).isEqualTo("steering");

        assertThat(meWith(providerToken(claims.andThen(c -> c.audience("another-app"))))).as("other aud").isEqualTo(401);
        assertThat(meWith(providerToken(claims.andThen(c -> c.expirationTime(null))))).as("no exp").isEqualTo(401);
        assertThat(meWith(providerToken(claims.andThen(c -> c.subject("someone-else"))))).as("unlinked subject")
                .isEqualTo(401);

        Api.Response other = Api.post(tp.commandPort(), "/api/admin/users/" + adminId() + "/identities",
                                      "{\"issuer\":\"%s\",\"subject\":\"%s\"}".formatted(issuer, subject), tp.admin);
        assertThat(other.status()).as("one provider account links to one user").isEqualTo(409);
    }

    @Test
    void anAdminDisablesAUserResetsAPasswordAndEndsTokens() {
        UserStore users = tp.platform.commands().getBean(UserStore.class);
        String userId = users.create("leaver", "Leaver", TestPlatform.PASSWORD, false).userId();
        Api.Login basic = Api.Login.basic("leaver", TestPlatform.PASSWORD);
        Api.Login token = Api.Login.bearer(token("leaver", TestPlatform.PASSWORD));
        assertThat(Api.get(tp.queryPort(), "/api/me", token).status()).isEqualTo(200);

        assertThat(adminPost("/api/admin/users/" + userId + "/revoke-tokens", null).status()).isEqualTo(204);
        assertThat(Api.get(tp.queryPort(), "/api/me", token).status()).as("a revoked token").isEqualTo(401);
        assertThat(Api.get(tp.queryPort(), "/api/me", basic).status()).as("the password still works").isEqualTo(200);

        Api.Response reset = adminPost("/api/admin/users/" + userId + "/password", "{\"password\":\"short\"}");
        assertThat(reset.status()).isEqualTo(400);
        assertThat(reset.json().get("errors").get(0).get("field").asText()).isEqualTo("password");
        Api.Login fresh = Api.Login.bearer(token("leaver", TestPlatform.PASSWORD));
        assertThat(adminPost("/api/admin/users/" + userId + "/password", "{\"password\":\"a brand new passphrase\"}")
                           .status()).isEqualTo(204);
        assertThat(Api.get(tp.commandPort(), "/api/me", basic).status()).as("the old password, though remembered")
                                                                         .isEqualTo(401);
        assertThat(Api.get(tp.queryPort(), "/api/me", fresh).status()).as("a token from before the reset").isEqualTo(401);
        Api.Login renewed = Api.Login.basic("leaver", "a brand new passphrase");
        assertThat(Api.get(tp.commandPort(), "/api/me", renewed).status()).isEqualTo(200);

        assertThat(adminPost("/api/admin/users/" + userId + "/disable", null).status()).isEqualTo(200);
        assertThat(Api.get(tp.commandPort(), "/api/me", renewed).status()).as("a disabled user").isEqualTo(401);
        assertThat(Api.post(tp.commandPort(), "/api/auth/token",
                            "{\"username\":\"leaver\",\"password\":\"a brand new passphrase\"}", Api.Login.ANONYMOUS)
                      .status()).isEqualTo(401);
        assertThat(adminPost("/api/admin/users/" + userId + "/enable", null).status()).isEqualTo(200);
        assertThat(Api.get(tp.commandPort(), "/api/me", renewed).status()).isEqualTo(200);

        List<String> actions = new ArrayList<>();
        Api.get(tp.commandPort(), "/api/admin/access-log", tp.admin).json()
           .forEach(entry -> {
               if (userId.equals(entry.path("userId").asText())) {
                   actions.add(entry.get("action").asText());
               }
           });
        assertThat(actions).containsSubsequence("tokens-revoked", "password-reset", "user-disabled", "user-enabled");
    }

    @Test
    void aUserCanEndTheirOwnTokens() {
        Api.Login token = Api.Login.bearer(token("coordinator", TestPlatform.PASSWORD));
        assertThat(Api.post(tp.commandPort(), "/api/auth/revoke", null, token).status()).isEqualTo(204);
        assertThat(Api.get(tp.commandPort(), "/api/me", token).status()).isEqualTo(401);
        assertThat(Api.get(tp.commandPort(), "/api/me", tp.coordinator).status()).isEqualTo(200);
    }

    @Test
    void aGrantForANetworkThatDoesNotExistIsRefusedAndChangesNothing() {
        String userId = tp.platform.commands().getBean(UserStore.class).byUsername("auditor").orElseThrow().userId();
        String nowhere = UUID.randomUUID().toString();
        Api.Response refused = adminPost("/api/admin/users/" + userId + "/grants",
                                         "{\"networkId\":\"%s\",\"role\":\"auditor\"}".formatted(nowhere));
        assertThat(refused.status()).as(refused.body()).isEqualTo(404);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("networkId");
        assertThat(refused.json().get("detail").asText()).startsWith("networkId: ");
        assertThat(Api.get(tp.commandPort(), "/api/me", tp.auditor).body()).doesNotContain(nowhere);

        Api.Response granted = adminPost("/api/admin/users/" + userId + "/grants",
                                         "{\"networkId\":\"%s\",\"role\":\"auditor\"}".formatted(tp.networkB));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
    }

    @Test
    void aPasswordHashedTheOldWayIsReHashedAtTheNextLogin() {
        UserStore users = tp.platform.commands().getBean(UserStore.class);
        String userId = users.create("veteran", "Veteran", TestPlatform.PASSWORD, false).userId();
        MongoDatabase database = tp.platform.commands().getBean(MongoDatabase.class);
        // As stored before hashes carried the encoder's mark, and at a lower cost.
        database.getCollection("users").updateOne(Filters.eq("_id", userId), Updates.set("passwordHash",
                new BCryptPasswordEncoder(4).encode(TestPlatform.PASSWORD)));
        assertThat(Api.get(tp.commandPort(), "/api/me", Api.Login.basic("veteran", TestPlatform.PASSWORD)).status())
                .isEqualTo(200);
        String upgraded = users.byId(userId).orElseThrow().passwordHash();
        assertThat(upgraded).startsWith("{bcrypt}$2a$10$");
        assertThat(Api.get(tp.queryPort(), "/api/me", Api.Login.basic("veteran", TestPlatform.PASSWORD)).status())
                .isEqualTo(200);
        assertThat(Api.get(tp.queryPort(), "/api/me", Api.Login.basic("veteran", "not the password")).status())
                .isEqualTo(401);
    }

    @Test
    void metricsAreForTheAdminAndTheMetricsAccountWhichCanDoNothingElse() {
        assertThat(Api.get(tp.queryPort(), "/actuator/prometheus", Api.Login.ANONYMOUS).status()).isEqualTo(401);
        assertThat(Api.get(tp.commandPort(), "/actuator/prometheus", Api.Login.ANONYMOUS).status()).isEqualTo(401);
        assertThat(Api.get(tp.commandPort(), "/actuator/prometheus", tp.coordinator).status()).isEqualTo(403);
        Api.Response metrics = Api.get(tp.commandPort(), "/actuator/prometheus", tp.admin);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(Api.get(tp.commandPort(), "/actuator/health", Api.Login.ANONYMOUS).status()).isEqualTo(200);

        Api.Login scraper = Api.Login.basic("metrics", METRICS_PASSWORD);
        assertThat(Api.get(tp.queryPort(), "/actuator/prometheus", scraper).status()).isEqualTo(200);
        assertThat(Api.get(tp.commandPort(), "/actuator/prometheus", scraper).status()).isEqualTo(200);
        assertThat(Api.get(tp.commandPort(), "/actuator/metrics", scraper).status()).isEqualTo(403);
        assertThat(Api.get(tp.queryPort(), "/api/networks/" + tp.networkA, scraper).status()).isEqualTo(403);
        assertThat(Api.get(tp.queryPort(), "/api/networks", scraper).json()).isEmpty();
        assertThat(Api.get(tp.commandPort(), "/api/admin/users", scraper).status()).isEqualTo(403);
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    private static long timedTokenRequest(String username, String password) {
        long start = System.nanoTime();
        Api.Response response = Api.post(tp.commandPort(), "/api/auth/token",
                                         "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password),
                                         Api.Login.ANONYMOUS);
        long took = System.nanoTime() - start;
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        return took;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String ownToken(Consumer<JWTClaimsSet.Builder> claims) throws Exception {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        claims.accept(builder);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), builder.build());
        jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static String providerToken(Consumer<JWTClaimsSet.Builder> claims) throws Exception {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        claims.accept(builder);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(providerKey.getKeyID())
                                                                              .type(JOSEObjectType.JWT).build(),
                                      builder.build());
        jwt.sign(new RSASSASigner(providerKey));
        return jwt.serialize();
    }

    private static int meWith(String token) {
        return Api.get(tp.queryPort(), "/api/me", Api.Login.bearer(token)).status();
    }

    private static String token(String username, String password) {
        Api.Response response = Api.post(tp.commandPort(), "/api/auth/token",
                                         "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password),
                                         Api.Login.ANONYMOUS);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode json = response.json();
        return json.get("accessToken").asText();
    }

    private static Api.Response adminPost(String path, String body) {
        return Api.post(tp.commandPort(), path, body, tp.admin);
    }

    private static String adminId() {
        return tp.platform.commands().getBean(UserStore.class).byUsername("admin").orElseThrow().userId();
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
