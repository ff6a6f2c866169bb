package nl.samenspel.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** The embedded default started as its own JVM from the test class path, for tests that kill, stop or restart it. */
final class PlatformProcess {
    private PlatformProcess() {
    }

    /**
     * Starts the platform with {@code environment} (on top of this JVM's, without any MongoDB or admin settings of
     * it) and {@code jvmOptions}, its output in {@code log}, and waits until it says it is ready.
     */
    static Process start(Path log, Map<String, String> environment, String... jvmOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SamenspelPlatform.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeAll(List.of("MONGODB_URI", "SAMENSPEL_ADMIN_USERNAME",
                                                         "SAMENSPEL_ADMIN_PASSWORD"));
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        long begin = System.nanoTime();
        Process process = builder.start();
        try {
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The platform stopped: " + Files.readString(log));
                }
                return Files.readString(log).contains("Samenspel is ready");
            });
        } catch (RuntimeException notReady) {
            process.destroyForcibly();
            throw notReady;
        }
        System.out.printf("platform started in %.1f s%n", (System.nanoTime() - begin) / 1e9);
        return process;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
