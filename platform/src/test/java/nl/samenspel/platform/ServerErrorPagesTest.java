package nl.samenspel.platform;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request the server refuses before any application sees it (a header or address too large to read) is answered
 * with a short page of the service's kind, without the server's name, version or stack trace: the web application
 * answered a long address with the server's own page, its version and the Java stack trace.
 */
class ServerErrorPagesTest {
    private static DemoWebPlatform demo;

    @BeforeAll
    static void start() {
        demo = new DemoWebPlatform();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                                          .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The web application's settings for its server apply: an address of 12 KB is read (up to 16 KB; 8 KB before). */
    @Test
    void theWebApplicationReadsAddressesUpToItsConfiguredSize() throws Exception {
        HttpResponse<String> login = get(demo.webPort(), "/login?note=" + "x".repeat(12_000));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(login.body()).contains("Samenspel");
    }

    /**
     * A login page left open until its session ended, then sent, leads back to the login page that says the session
     * ended (it answered 403 "something went wrong"); a form of a signed-in user sent with a token of an earlier
     * session leads back to its page, which says the form was not accepted.
     */
    @Test
    void aFormOfAnEndedSessionLeadsBackWithAWordInsteadOfAnError() throws Exception {
        HttpClient oldSession = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String form = oldSession.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.webPort() + "/login"))
                                                 .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(token.find()).isTrue();
        // the session ended: a browser without it sends the form it still shows
        HttpClient later = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        HttpResponse<String> sent = later.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.webPort() + "/login"))
                           .header("Content-Type", "application/x-www-form-urlencoded")
                           .POST(HttpRequest.BodyPublishers.ofString("username=steering&password="
                                   + java.net.URLEncoder.encode(demo.passwords.get("steering"), java.nio.charset.StandardCharsets.UTF_8)
                                   + "&_csrf=" + token.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location").orElse("")).endsWith("/login?expired");

        SteeringReportTest.Session coordinator = SteeringReportTest.Session.login(demo.webPort(), "coordinator",
                                                                                  demo.passwords.get("coordinator"));
        String network = demo.otherNetwork;
        HttpResponse<byte[]> stale = coordinator.post("/networks/" + network + "/people", "name=Jan&_csrf=not-this-one",
                                                      "http://127.0.0.1:" + demo.webPort() + "/networks/" + network
                                                      + "/people/new?lang=nl");
        assertThat(stale.statusCode()).isEqualTo(302);
        assertThat(stale.headers().firstValue("Location").orElse(""))
                .as("back to the page the form was on, not to the form's own address, which may take only POST")
                .endsWith("/networks/" + network + "/people/new?lang=nl&stale");
        // logging out with a stale token, and a form without a page it came from: a page that exists
        HttpResponse<byte[]> logout = coordinator.post("/logout", "_csrf=not-this-one", null);
        assertThat(logout.headers().firstValue("Location").orElse("")).endsWith("/?stale");
        HttpResponse<byte[]> elsewhere = coordinator.post("/admin/users", "username=x&_csrf=not-this-one",
                                                          "https://elsewhere.example/trap?x=1");
        assertThat(elsewhere.headers().firstValue("Location").orElse("")).endsWith("/trap?x=1&stale")
                .startsWith("http://127.0.0.1:" + demo.webPort() + "/");
    }

    /** A page number that is no number, or a part a page needs left out, is said on a page (it was JSON). */
    @Test
    void aQueryThatCannotBeReadIsSaidOnAPage() throws Exception {
        SteeringReportTest.Session auditor = SteeringReportTest.Session.login(demo.webPort(), "auditor",
                                                                              demo.passwords.get("auditor"));
        String network = null;
        for (com.fasterxml.jackson.databind.JsonNode n : demo.query("/api/networks", demo.bearer("auditor"))) {
            network = n.get("networkId").asText();
        }
        for (String path : java.util.List.of("/networks/" + network + "/audit/history?fromSequence=abc",
                                             "/networks/" + network + "/explain")) {
            HttpResponse<byte[]> page = auditor.get(path);
            String body = new String(page.body(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page.statusCode()).as(path).isEqualTo(400);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
            assertThat(body).as(path).contains("data-reason=\"badaddress\"").contains("This address cannot be read");
        }
    }

    @Test
    void anAddressTooLargeToReadGetsAShortAnswerWithoutTheServersInnards() throws Exception {
        String tooLong = "?type=" + "x".repeat(20_000);
        Map<String, Integer> ports = Map.of("web", demo.webPort(), "command", demo.platform.commandPort(),
                                            "query", demo.platform.queryPort());
        for (var port : ports.entrySet()) {
            HttpResponse<String> answer = get(port.getValue(), "/networks" + tooLong);
            String said = port.getKey() + ": " + answer.body();
            assertThat(answer.statusCode()).as(said).isEqualTo(400);
            assertThat(answer.body()).as(said).doesNotContain("Tomcat").doesNotContain("org.apache")
                                     .doesNotContain("Exception");
            if (port.getKey().equals("web")) {
                assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(said).startsWith("text/html");
                assertThat(answer.body()).as(said).contains("Samenspel").contains("too long").contains("te lang");
            } else {
                assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(said)
                        .startsWith("application/problem+json");
                assertThat(answer.body()).as(said).contains("\"status\":400").contains("too large");
            }
        }
    }
}
