package nl.samenspel.platform;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Clients that send their request bodies slowly, or open many connections, cannot take the command port from the
 * others: a body that does not arrive in time is refused and its connection closed, a trickling body holds no worker
 * thread, and one address cannot hold more connections than its share.
 */
class SlowClientTest {
    private static final String PARTNER = """
            {"name":"%s","partnerType":"care","participationLevel":"core","occurredOn":"2024-03-01"}""";

    @Test
    void aBodyThatTricklesPastTheDeadlineIsAnswered408AndItsConnectionClosed() throws Exception {
        try (TestPlatform tp = new TestPlatform("--samenspel.security.body-read-deadline=1s")) {
            long head = tp.head();
            byte[] body = PARTNER.formatted("Traag Zorg").getBytes(StandardCharsets.UTF_8);
            try (Socket socket = connect("127.0.0.1", tp.commandPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(headers("/api/networks/" + tp.networkA + "/partners", tp.coordinator, body.length));
                Thread trickle = new Thread(() -> {
                    try {
                        // A byte every 300 ms: never silent long enough for an idle timeout, far too slow as a whole.
                        for (int i = 0; i < body.length - 1; i++) {
                            out.write(body[i]);
                            out.flush();
                            Thread.sleep(300);
                        }
                    } catch (IOException | InterruptedException closed) {
                        // the server hung up, as it should
                    }
                });
                trickle.setDaemon(true);
                trickle.start();
                String answer = readToEnd(socket);
                trickle.interrupt();
                assertThat(answer).startsWith("HTTP/1.1 408");
                assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json")
                                  .contains("\"field\":\"body\"");
            }
            assertThat(tp.head()).isEqualTo(head);
            Api.Response accepted = Api.post(tp.commandPort(), "/api/networks/" + tp.networkA + "/partners",
                                             PARTNER.formatted("Snel Zorg"), tp.coordinator);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        }
    }

    @Test
    void bodiesThatTrickleInHoldNoWorkerThread() throws Exception {
        try (TestPlatform tp = new TestPlatform("--server.tomcat.threads.max=4", "--server.tomcat.threads.min-spare=1",
                                                "--samenspel.security.max-connections-per-address=0")) {
            List<Socket> slow = new ArrayList<>();
            try {
                byte[] body = PARTNER.formatted("Traag Zorg").getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 12; i++) {
                    Socket socket = connect("127.0.0.1", tp.commandPort());
                    socket.getOutputStream().write(headers("/api/networks/" + tp.networkA + "/partners",
                                                           tp.coordinator, body.length));
                    socket.getOutputStream().write(body, 0, 1);
                    socket.getOutputStream().flush();
                    slow.add(socket);
                }
                // Three times as many unfinished bodies as worker threads; a blocking read would hold every worker
                // until its client gave up, and this request would wait in the queue behind them.
                HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                HttpResponse<String> answer = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + tp.commandPort() + "/api/networks/"
                                                          + tp.networkA + "/partners"))
                                   .timeout(Duration.ofSeconds(15))
                                   .header("Content-Type", "application/json")
                                   .header("Authorization", tp.coordinator.authorization())
                                   .POST(HttpRequest.BodyPublishers.ofString(PARTNER.formatted("Snel Zorg")))
                                   .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            } finally {
                for (Socket socket : slow) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void oneAddressCannotHoldMoreConnectionsThanTheCap() throws Exception {
        assumeThat(canBind("127.0.0.3")).as("a second loopback address to connect from").isTrue();
        try (TestPlatform tp = new TestPlatform("--samenspel.security.max-connections-per-address=3")) {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    Socket socket = connect("127.0.0.3", tp.commandPort());
                    assertThat(statusLine(exchange(socket))).isEqualTo("HTTP/1.1 200 ");
                    held.add(socket);
                }
                try (Socket beyond = connect("127.0.0.3", tp.commandPort())) {
                    String refused = readToEnd(beyond);
                    assertThat(refused).startsWith("HTTP/1.1 429").contains("\"field\":\"connection\"");
                }
                // Another address is not affected.
                assertThat(Api.get(tp.commandPort(), "/actuator/health", Api.Login.ANONYMOUS).status()).isEqualTo(200);

                held.remove(0).close();
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                    try (Socket again = connect("127.0.0.3", tp.commandPort())) {
                        assertThat(statusLine(exchange(again))).isEqualTo("HTTP/1.1 200 ");
                    }
                });
            } finally {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    private static Socket connect(String from, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(15_000);
        return socket;
    }

    private static boolean canBind(String address) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] headers(String path, Api.Login login, int length) {
        return ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Authorization: " + login.authorization() + "\r\nContent-Length: " + length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends a health check on a kept-alive connection and reads the answer's head. */
    private static String exchange(Socket socket) throws IOException {
        socket.getOutputStream().write("GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                                               .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String statusLine(String answer) {
        return answer.isEmpty() ? "" : answer.substring(0, Math.min(answer.length(), "HTTP/1.1 200 ".length()));
    }

    /** Everything the server sends until it closes the connection; times out (and fails) if it never does. */
    private static String readToEnd(Socket socket) throws IOException {
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}
