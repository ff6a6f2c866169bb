package nl.samenspel.platform;

import nl.samenspel.eventstore.EmbeddedStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The embedded default keeps its data on disk: a network founded before a restart is still there after it. */
class RestartTest {

    @Test
    void aNetworkSurvivesARestartOfStoreAndServices(@TempDir Path dataDir) throws Exception {
        int port = freePort();
        Path file = dataDir.resolve("samenspel.mv");
        String networkId;
        try (EmbeddedStore store = EmbeddedStore.onDisk(file, port);
             Platform platform = Platform.start(store.uri("samenspel"), 0, 0)) {
            Api.Response founded = Api.post(platform.commandPort(), "/api/networks", """
                    {"name":"Bouwteam Kademuren","collaborationForm":"building-team","foundedOn":"2025-02-01"}""");
            assertThat(founded.status()).isEqualTo(201);
            networkId = founded.json().get("networkId").asText();
            await().atMost(Duration.ofSeconds(20))
                   .until(() -> Api.get(platform.queryPort(), "/api/networks/" + networkId).status() == 200);
        }

        try (EmbeddedStore store = EmbeddedStore.onDisk(file, port);
             Platform platform = Platform.start(store.uri("samenspel"), 0, 0)) {
            assertThat(Api.get(platform.queryPort(), "/api/networks/" + networkId).json().get("name").asText())
                    .isEqualTo("Bouwteam Kademuren");
            // The aggregate loads from disk too: a partner can join the restored network.
            Api.Response joined = Api.post(platform.commandPort(), "/api/networks/" + networkId + "/partners", """
                    {"name":"Gemeente Kade","partnerType":"municipality","participationLevel":"core",
                     "occurredOn":"2025-02-02"}""");
            assertThat(joined.status()).as(joined.body()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    Api.get(platform.queryPort(), "/api/networks/" + networkId).json().get("partners").size() == 1);
            assertThat(Api.get(platform.queryPort(), "/api/networks/" + networkId + "/integrity").json()
                          .get("intact").asBoolean()).isTrue();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
