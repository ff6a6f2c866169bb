package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspel.eventstore.EmbeddedStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole embedded platform as a person meets it: both services and the web application on free ports, the demo
 * users and the four demo networks loaded as on a first start, and one more network in which the demo users hold no
 * role. Every projection has caught up before it is handed out.
 */
final class DemoWebPlatform implements AutoCloseable {
    final EmbeddedStore store;
    final Platform platform;
    final Map<String, String> passwords;
    final String otherNetwork;

    DemoWebPlatform() {
        store = EmbeddedStore.inMemory();
        Platform started = null;
        try {
            List<String> args = new ArrayList<>(List.of("--samenspel.security.token-secret=" + "w".repeat(48)));
            // a configured key, as ./samenspel keeps one in its data directory: entries are sealed with it
            args.addAll(TestPlatform.KEY_ARGS);
            started = Platform.start(store.uri("samenspel-web"), 0, 0, args.toArray(String[]::new));
            passwords = DemoSeed.seedIfEmpty(started);
            Api.Response founded = Api.post(started.commandPort(), "/api/networks", """
                    {"name":"Buurtnetwerk Elders","collaborationForm":"network","foundedOn":"2024-03-01"}""",
                                            Api.Login.basic("admin", passwords.get("admin")));
            if (founded.status() != 201) {
                throw new IllegalStateException("could not found the other network: " + founded.body());
            }
            otherNetwork = founded.json().get("networkId").asText();
            TestPlatform.awaitProjections(started);
            started.startWeb(0, null, true);
            platform = started;
        } catch (RuntimeException e) {
            if (started != null) {
                started.close();
            }
            store.close();
            throw e;
        }
    }

    int webPort() {
        return platform.webPort();
    }

    /** A bearer token for a demo user, to ask the API what the page should show. */
    Api.Login bearer(String username) {
        Api.Response token = Api.post(platform.commandPort(), "/api/auth/token", """
                {"username":"%s","password":"%s"}""".formatted(username, passwords.get(username)), Api.Login.ANONYMOUS);
        return Api.Login.bearer(token.json().get("accessToken").asText());
    }

    JsonNode query(String path, Api.Login login) {
        Api.Response response = Api.get(platform.queryPort(), path, login);
        if (response.status() != 200) {
            throw new IllegalStateException(path + " answered " + response.status() + ": " + response.body());
        }
        return response.json();
    }

    @Override
    public void close() {
        platform.close();
        store.close();
    }
}
