package nl.samenspel.platform;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import nl.samenspel.eventstore.EmbeddedStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default keeps its data private to its owner and listens on the loopback interface only, unless told
 * otherwise.
 */
class EmbeddedDefaultPrivacyTest {

    @Test
    void theDataDirectoryAndEveryFileInItAreTheOwnersAlone(@TempDir Path parent) throws Exception {
        Path dataDir = parent.resolve("data");
        try (EmbeddedStore store = SamenspelPlatform.openEmbeddedStore(dataDir, freePort());
             MongoClient client = MongoClients.create(store.uri("samenspel"))) {
            client.getDatabase("samenspel").getCollection("events").insertOne(new Document("name", "Jolanda"));
        }
        assertPrivate(dataDir);

        // A directory made readable by someone else is made private again at the next start.
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dataDir.resolve("samenspel.mv"), PosixFilePermissions.fromString("rw-r--r--"));
        try (EmbeddedStore store = SamenspelPlatform.openEmbeddedStore(dataDir, freePort())) {
            assertPrivate(dataDir);
        }
    }

    @Test
    void theServicesListenOnLoopbackOnlyUnlessAnAddressIsConfigured() throws Exception {
        assertThat(SamenspelPlatform.serviceArguments(new String[0], Map.of())).contains("--server.address=127.0.0.1");
        assertThat(SamenspelPlatform.serviceArguments(new String[0], Map.of("SAMENSPEL_BIND_ADDRESS", "0.0.0.0")))
                .contains("--server.address=0.0.0.0").doesNotContain("--server.address=127.0.0.1");
        assertThat(SamenspelPlatform.serviceArguments(new String[]{"--server.address=10.0.0.5"}, Map.of()))
                .containsExactly("--server.address=10.0.0.5");

        List<String> args = new ArrayList<>(SamenspelPlatform.serviceArguments(new String[0], Map.of()));
        args.add("--samenspel.security.token-secret=" + "s".repeat(48));
        try (EmbeddedStore store = EmbeddedStore.inMemory();
             Platform platform = Platform.start(store.uri("privacy"), 0, 0, args.toArray(String[]::new))) {
            for (int port : new int[]{platform.commandPort(), platform.queryPort(), store.port()}) {
                assertThat(accepts(InetAddress.getLoopbackAddress(), port)).as("loopback, port %d", port).isTrue();
                Optional<InetAddress> outside = nonLoopbackAddress();
                if (outside.isPresent()) {
                    assertThat(accepts(outside.get(), port)).as("%s, port %d", outside.get(), port).isFalse();
                }
            }
            assertThat(nonLoopbackAddress()).as("this machine needs a non-loopback address for the test to mean much")
                                            .isPresent();
        }
    }

    private static void assertPrivate(Path dataDir) throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.walk(dataDir)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertThat(all).as("the store's file").isNotEmpty();
            for (Path file : all) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as("%s", file)
                                                                                             .isEqualTo("rw-------");
            }
        }
    }

    private static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces().filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses).filter(Inet4Address.class::isInstance).findFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
