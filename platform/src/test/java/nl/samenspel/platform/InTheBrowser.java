package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every browser test of the web pages stands on: the whole demo platform and one headless Chromium for the
 * class, a network founded for the test with roles for demo users, and screenshots of a page in both languages at a
 * wide and a narrow width.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InTheBrowser {
    protected DemoWebPlatform demo;
    protected Browser browser;

    @BeforeAll
    void startPlatformAndBrowser() {
        demo = new DemoWebPlatform();
        browser = new Browser(demo.webPort());
    }

    /** Each test starts on a wide window, whatever width a test before it failed at. */
    @BeforeEach
    void wideWindow() {
        browser.resize(1400);
    }

    @AfterAll
    void stopBrowserAndPlatform() {
        if (browser != null) {
            browser.close();
        }
        if (demo != null) {
            demo.close();
        }
    }

    /** Founds a network as the demo admin and gives each named demo user the role named after them. */
    String foundNetwork(String name, java.time.LocalDate foundedOn, String... members) {
        Api.Login admin = demo.bearer("admin");
        Api.Response founded = Api.post(demo.platform.commandPort(), "/api/networks", """
                {"name":"%s","collaborationForm":"network","foundedOn":"%s"}""".formatted(name, foundedOn), admin);
        assertThat(founded.status()).as(founded.body()).isEqualTo(201);
        String network = founded.json().get("networkId").asText();
        java.util.List<String> wanted = java.util.List.of(members);
        for (JsonNode user : Api.get(demo.platform.commandPort(), "/api/admin/users", admin).json()) {
            String username = user.get("username").asText();
            if (wanted.contains(username)) {
                Api.Response granted = Api.post(demo.platform.commandPort(), "/api/admin/users/"
                        + user.get("userId").asText() + "/grants",
                        "{\"networkId\":\"%s\",\"role\":\"%s\"}".formatted(network, username), admin);
                assertThat(granted.status()).as(granted.body()).isIn(200, 201);
            }
        }
        return network;
    }

    /** Partners joining {@code network} on {@code on}, logged by {@code coordinator}: their ids by name. */
    java.util.Map<String, String> joinPartners(String network, Api.Login coordinator, java.time.LocalDate on,
                                               String... names) {
        java.util.Map<String, String> ids = new java.util.LinkedHashMap<>();
        for (String name : names) {
            Api.Response joined = Api.post(demo.platform.commandPort(), "/api/networks/" + network + "/partners", """
                    {"name":"%s","partnerType":"municipality","participationLevel":"core","occurredOn":"%s"}"""
                    .formatted(name, on), coordinator);
            assertThat(joined.status()).as(joined.body()).isEqualTo(201);
            ids.put(name, joined.json().get("subjectId").asText());
        }
        return ids;
    }

    /** The id of the demo network with this name, as {@code username} sees it. */
    String demoNetwork(String username, String name) {
        for (JsonNode n : demo.query("/api/networks", demo.bearer(username))) {
            if (n.get("name").asText().equals(name)) {
                return n.get("networkId").asText();
            }
        }
        throw new IllegalStateException(username + " sees no network named " + name);
    }

    /** The entries of one kind (wire name) in a network's history, oldest first, as {@code login} reads them. */
    java.util.List<JsonNode> events(String network, String type, Api.Login login) {
        Api.Response answer = Api.get(demo.platform.queryPort(), "/api/networks/" + network + "/events?type=" + type
                + "&limit=1000", login);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        java.util.List<JsonNode> entries = new java.util.ArrayList<>();
        answer.json().forEach(entries::add);
        return entries;
    }

    /** The newest entry of one kind in a network's history; there must be one. */
    JsonNode latest(String network, String type, Api.Login login) {
        java.util.List<JsonNode> entries = events(network, type, login);
        assertThat(entries).as(type + " in the history").isNotEmpty();
        return entries.get(entries.size() - 1);
    }

    /**
     * The tables of the page whose columns reach beyond what the reader sees of them (the window, or the box they
     * scroll in), by their data-test name: on a phone such a table hides columns without a sign that it scrolls.
     */
    private static final String CUT_OFF_TABLES = """
            return Array.from(document.querySelectorAll('main table')).filter(function (t) {
              return t.offsetWidth > 0 && t.offsetWidth > Math.min(t.parentElement.clientWidth, window.innerWidth) + 1;
            }).map(function (t) { return t.getAttribute('data-test') || t.className || 'table'; });
            """;

    /**
     * Screenshots of the page shown now, in English and Dutch, wide and narrow, each checked for tables cut off at
     * the right; the page is left in English.
     */
    void shots(String name) {
        String url = browser.driver.getCurrentUrl().replaceAll("#.*$", "").replaceAll("[?&]lang=[a-z]+", "");
        String glue = url.contains("?") ? "&" : "?";
        for (String lang : new String[] {"en", "nl"}) {
            browser.driver.get(url + glue + "lang=" + lang);
            browser.await("main");
            for (int width : new int[] {1400, 390}) {
                browser.resize(width);
                browser.screenshot(name + "-" + lang + "-" + width);
                assertThat(browser.js(CUT_OFF_TABLES)).as("tables cut off at the right of " + name + " " + lang + " " + width)
                                                      .isEqualTo(java.util.List.of());
            }
            browser.resize(1400);
        }
        browser.driver.get(url + glue + "lang=en");
        browser.await("main");
    }
}
