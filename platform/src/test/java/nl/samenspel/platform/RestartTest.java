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
        try (TestPlatform tp = new TestPlatform(EmbeddedStore.onDisk(file, port), "samenspel")) {
            networkId = tp.found("Bouwteam Kademuren");
        }

        // Users, roles and events all come back from disk: the coordinator logs in and the aggregate loads.
        try (TestPlatform tp = new TestPlatform(EmbeddedStore.onDisk(file, port), "samenspel")) {
            tp.grantCoordinator(networkId);
            assertThat(Api.get(tp.queryPort(), "/api/networks/" + networkId, tp.coordinator).json().get("name").asText())
                    .isEqualTo("Bouwteam Kademuren");
            Api.Response joined = Api.post(tp.commandPort(), "/api/networks/" + networkId + "/partners", """
                    {"name":"Gemeente Kade","partnerType":"municipality","participationLevel":"core",
                     "occurredOn":"2025-02-02"}""", tp.coordinator);
            assertThat(joined.status()).as(joined.body()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(20)).until(() -> Api.get(tp.queryPort(), "/api/networks/" + networkId,
                                                                        tp.coordinator).json().get("partners").size() == 1);
            assertThat(Api.get(tp.queryPort(), "/api/networks/" + networkId + "/integrity", tp.coordinator).json()
                          .get("intact").asBoolean()).isTrue();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
