package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default as a person runs it: its own OS process, with the logging it ships with, on a fresh data
 * directory. The first start (which makes the demo users and networks) logs no warning or error, and each line names
 * the service it comes from; SIGTERM (Ctrl-C) while the processors catch up on a large import stops it without a
 * stack trace; a restart on the same data is just as quiet.
 */
class CleanStartAndStopTest {
    private static final Pattern WARNING = Pattern.compile("^\\S+\\s+(WARN|ERROR)\\s", Pattern.MULTILINE);
    private static final Pattern STACK_TRACE = Pattern.compile("^\\s+at |Exception|^Caused by", Pattern.MULTILINE);

    @TempDir
    Path dir;
    private Process process;
    private int commandPort;
    private int queryPort;
    private int webPort;

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES) // two platform starts, slow on a busy machine
    void aFreshStartIsQuietAndSigtermDuringCatchUpStopsCleanly() throws Exception {
        commandPort = freePort();
        queryPort = freePort();
        webPort = freePort();
        Path first = start();
        String startup = Files.readString(first);
        assertThat(lines(startup, WARNING)).as("warnings and errors of a first start").isEmpty();
        assertThat(line(startup, "Tomcat started on port " + commandPort)).contains("[command-service]");
        assertThat(line(startup, "Tomcat started on port " + queryPort)).contains("[query-service]");
        assertThat(line(startup, "Tomcat started on port " + webPort)).contains("[web]");

        Api.Login coordinator = Api.Login.basic("coordinator", demoPassword("coordinator"));
        String network = Api.get(queryPort, "/api/networks", coordinator).json().get(0).get("networkId").asText();
        Api.Response imported = Api.send("POST", commandPort, "/api/networks/" + network + "/imports", milestones(2_000),
                                         "application/x-ndjson", coordinator);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        JsonNode readiness = Api.get(queryPort, "/actuator/health/readiness",
                                     Api.Login.basic("admin", demoPassword("admin"))).json();
        System.out.println("processors when stopped: " + readiness.at("/components/processors/details/processors"));
        stopWithSigterm(first);

        Path second = start();
        assertThat(lines(Files.readString(second), WARNING)).as("warnings and errors of a restart").isEmpty();
        assertThat(Files.readString(second)).doesNotContain("created database");
        Api.Login admin = Api.Login.basic("admin", demoPassword("admin"));
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            JsonNode processors = Api.get(queryPort, "/actuator/health/readiness", admin).json()
                                     .at("/components/processors/details/processors");
            return processors.size() == 3 && processors.findValues("lag").stream().allMatch(lag -> lag.asLong() == 0);
        });
        stopWithSigterm(second);
    }

    private void stopWithSigterm(Path log) throws Exception {
        process.destroy();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("stopped within 90 s").isTrue();
        process = null;
        String output = Files.readString(log);
        assertThat(output.substring(output.indexOf("Samenspel is ready"))).contains("Stopping Samenspel...")
                                                                        .contains("Samenspel stopped.");
        assertThat(lines(output, WARNING)).as("warnings and errors until stopped").isEmpty();
        assertThat(lines(output, STACK_TRACE)).as("stack traces until stopped").isEmpty();
    }

    private String demoPassword(String username) throws IOException {
        return Files.readAllLines(dir.resolve("data").resolve(DemoLogins.FILE)).stream()
                    .filter(line -> line.startsWith(username + " ")).map(line -> line.trim().split("\\s+")[1])
                    .findFirst().orElseThrow();
    }

    /** An import of {@code count} milestones on the days before today. */
    private static String milestones(int count) {
        LocalDate today = LocalDate.now();
        return IntStream.range(0, count).mapToObj(i -> """
                {"type":"success-achieved","kind":"milestone","title":"Milestone %d","occurredOn":"%s"}"""
                .formatted(i, today.minusDays(1 + i % 20))).collect(Collectors.joining("\n", "", "\n"));
    }

    /** Starts the platform as its own JVM with the logging it ships with, and waits until it says it is ready. */
    private Path start() throws IOException {
        Path log = dir.resolve("platform-" + System.nanoTime() + ".log");
        process = PlatformProcess.start(log, Map.of(
                "SAMENSPEL_DATA_DIR", dir.resolve("data").toString(),
                "SAMENSPEL_STORE_PORT", Integer.toString(freePort()),
                "COMMAND_PORT", Integer.toString(commandPort),
                "QUERY_PORT", Integer.toString(queryPort),
                "WEB_PORT", Integer.toString(webPort)),
                // The test class path also holds the tests' own logging configuration; use the one the jar ships.
                "-Dlogging.config=classpath:logback.xml");
        return log;
    }

    private static List<String> lines(String output, Pattern pattern) {
        return output.lines().filter(line -> pattern.matcher(line).find()).toList();
    }

    private static String line(String output, String containing) {
        return output.lines().filter(line -> line.contains(containing)).findFirst().orElse("(no line with " + containing + ")");
    }

    private static int freePort() throws IOException {
        return PlatformProcess.freePort();
    }
}
