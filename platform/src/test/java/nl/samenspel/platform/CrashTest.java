package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default, started as its own OS process on its on-disk store, is killed with SIGKILL while eight clients
 * are logging entries over HTTP, and restarted on the same data; three times. Whatever was answered 201 before a kill
 * must be there afterwards exactly once, each network's sequence dense, its hash chain intact, the read models (the
 * facts) must hold each logged entry once, and a resend of any answered command with its {@code commandId} must replay
 * the first result and log nothing new.
 */
class CrashTest {
    private static final String ADMIN = "crash-admin";
    private static final String PASSWORD = "kill nine, restart, recount";
    private static final int CLIENTS = 8;
    private static final int NETWORKS = 4;
    private static final int CYCLES = 3;

    /** One command sent, with what the platform answered: the status (0 = no answer) and the logged event id. */
    record Sent(String networkId, String type, String body, String commandId, int status, String eventId) {
    }

    @TempDir
    Path dataDir;
    private final Random random = new Random();
    private Process process;
    private int commandPort;
    private int queryPort;
    private Api.Login asCoordinator;
    private Api.Login asAdmin;
    /** The output of the platform process started last. */
    private Path platformLog;

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES) // four platform starts, each slow on a busy machine
    void nothingAnsweredIsLostOnKillNineAndResendsReplay() throws Exception {
        commandPort = freePort();
        queryPort = freePort();
        start();
        // Bearer tokens, not Basic: Basic hashes the password on every request, which would throttle the clients.
        // The token secret lives in the data directory, so the tokens stay valid across restarts.
        asAdmin = token(ADMIN);
        List<String> networks = new ArrayList<>();
        Map<String, List<String>> partners = new HashMap<>();
        String coordinator = Api.post(commandPort, "/api/admin/users", """
                {"username":"crash-coordinator","displayName":"Crash coordinator","password":"%s"}""".formatted(PASSWORD),
                                      asAdmin).json().get("userId").asText();
        asCoordinator = token("crash-coordinator");
        for (int n = 0; n < NETWORKS; n++) {
            Api.Response founded = Api.post(commandPort, "/api/networks", """
                    {"name":"Crash network %d","collaborationForm":"network","foundedOn":"2024-01-10"}""".formatted(n),
                                             asAdmin);
            assertThat(founded.status()).as(founded.body()).isEqualTo(201);
            String networkId = founded.json().get("networkId").asText();
            assertThat(Api.post(commandPort, "/api/admin/users/" + coordinator + "/grants", """
                    {"networkId":"%s","role":"coordinator"}""".formatted(networkId), asAdmin).status()).isEqualTo(201);
            List<String> ids = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                Api.Response joined = Api.post(commandPort, "/api/networks/" + networkId + "/partners", """
                        {"name":"Partner %d","partnerType":"municipality","participationLevel":"core",
                         "occurredOn":"2024-02-01"}""".formatted(p), asCoordinator);
                assertThat(joined.status()).as(joined.body()).isEqualTo(201);
                ids.add(joined.json().get("subjectId").asText());
            }
            networks.add(networkId);
            partners.put(networkId, ids);
        }

        List<Sent> answered = new ArrayList<>();
        SoftAssertions resends = new SoftAssertions();
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            List<Sent> sent = sendUntilKilled(networks, partners);
            assertThat(sent).as("cycle %d: every command answered is answered 201", cycle)
                            .allSatisfy(s -> assertThat(s.status()).as(s.eventId()).isIn(0, 201));
            List<Sent> ok = sent.stream().filter(s -> s.status() == 201).toList();
            System.out.printf("cycle %d: %d answered 201, %d without answer at the kill%n", cycle, ok.size(),
                              sent.size() - ok.size());
            assertThat(ok).as("cycle %d: commands answered 201 before the kill", cycle).hasSizeGreaterThanOrEqualTo(20);
            answered.addAll(ok);
            start();

            // Commands without an answer may or may not have been logged; a client resends them, which logs them once.
            for (Sent unknown : sent.stream().filter(s -> s.status() == 0).toList()) {
                Api.Response again = Api.post(commandPort, path(unknown), unknown.body(), asCoordinator);
                if (again.status() == 201 || again.status() == 200) {
                    answered.add(new Sent(unknown.networkId(), unknown.type(), unknown.body(), unknown.commandId(),
                                          201, again.json().path("eventId").asText(null)));
                }
            }

            Map<String, List<JsonNode>> logs = new HashMap<>();
            for (String networkId : networks) {
                List<JsonNode> log = events(networkId);
                logs.put(networkId, log);
                for (int i = 0; i < log.size(); i++) {
                    assertThat(log.get(i).get("sequenceNumber").asLong())
                            .as("cycle %d: sequence of network %s is dense", cycle, networkId).isEqualTo(i);
                }
                Api.Response verified = Api.get(queryPort, "/api/networks/" + networkId + "/integrity", asCoordinator);
                assertThat(verified.status()).as("cycle %d: integrity of %s: %s", cycle, networkId, verified.body())
                                             .isEqualTo(200);
                JsonNode integrity = verified.json();
                assertThat(integrity.get("intact").asBoolean()).as("cycle %d: chain of %s: %s", cycle, networkId,
                                                                    integrity).isTrue();
            }
            // The read models come back with the log: once the facts have caught up, they hold every logged meeting
            // and temperature reading exactly once (none lost behind a token that survived, none applied twice).
            for (String networkId : networks) {
                List<JsonNode> log = logs.get(networkId);
                JsonNode facts = caughtUp(networkId, log.size() - 1, cycle);
                assertThat(eventIds(facts.path("meetings").path("held")))
                        .as("cycle %d: meetings in the facts of %s", cycle, networkId)
                        .containsExactlyInAnyOrderElementsOf(eventIdsOf(log, "MeetingHeld"));
                assertThat(eventIds(facts.path("temperature").path("readings")))
                        .as("cycle %d: temperature readings in the facts of %s", cycle, networkId)
                        .containsExactlyInAnyOrderElementsOf(eventIdsOf(log, "TemperatureMeasured"));
            }
            Map<String, List<String>> eventIdsByCommand = new HashMap<>();
            logs.values().stream().flatMap(List::stream).filter(e -> e.path("payload").has("note")).forEach(
                    e -> eventIdsByCommand.computeIfAbsent(e.get("payload").get("note").asText(), k -> new ArrayList<>())
                                          .add(e.get("eventId").asText()));
            List<String> lost = answered.stream().filter(s -> !eventIdsByCommand.containsKey(s.commandId()))
                                        .map(s -> s.type() + " " + s.commandId()).toList();
            assertThat(lost).as("cycle %d: commands answered 201 but missing after kill -9 and restart (of %d answered)",
                                cycle, answered.size()).isEmpty();
            for (Sent s : answered) {
                assertThat(eventIdsByCommand.get(s.commandId())).as("cycle %d: %s logged exactly once, as answered",
                                                                    cycle, s.commandId()).containsExactly(s.eventId());
            }
            assertThat(eventIdsByCommand.values()).as("cycle %d: no command logged twice", cycle)
                                                  .allSatisfy(ids -> assertThat(ids).hasSize(1));

            // Resending every answered command replays its first result and logs nothing new.
            Map<String, Integer> before = new HashMap<>();
            logs.forEach((id, log) -> before.put(id, log.size()));
            for (Sent s : answered) {
                Api.Response again = Api.post(commandPort, path(s), s.body(), asCoordinator);
                resends.assertThat(again.status()).as("cycle %d: resend of %s %s: %s", cycle, s.type(), s.commandId(),
                                                      again.body()).isBetween(200, 201);
                if (again.status() < 300) {
                    resends.assertThat(again.json().path("replayed").asBoolean()).as("replayed: %s", again.body()).isTrue();
                    resends.assertThat(again.json().path("eventId").asText()).as("same event id").isEqualTo(s.eventId());
                }
            }
            for (String networkId : networks) {
                assertThat(events(networkId)).as("cycle %d: resends log nothing new in %s", cycle, networkId)
                                             .hasSize(before.get(networkId));
            }
        }
        resends.assertAll();
    }

    /** Eight clients log entries, four into one network and four spread over all, until the platform is killed. */
    private List<Sent> sendUntilKilled(List<String> networks, Map<String, List<String>> partners) throws Exception {
        ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
        AtomicBoolean killed = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                Random r = new Random();
                while (!killed.get()) {
                    String networkId = client < CLIENTS / 2 ? networks.get(0) : networks.get(r.nextInt(networks.size()));
                    String commandId = UUID.randomUUID().toString();
                    String type = List.of("temperature-measured", "meeting-held", "success-achieved").get(r.nextInt(3));
                    String body = entry(type, commandId, partners.get(networkId), r);
                    Sent attempt = new Sent(networkId, type, body, commandId, 0, null);
                    try {
                        Api.Response response = Api.post(commandPort, path(attempt), body, asCoordinator);
                        sent.add(new Sent(networkId, type, body, commandId, response.status(),
                                          response.status() == 201 ? response.json().get("eventId").asText()
                                                                   : response.body()));
                    } catch (IllegalStateException noAnswer) {
                        sent.add(new Sent(networkId, type, body, commandId, 0, String.valueOf(noAnswer.getCause())));
                        return;
                    }
                }
            }, "crash-client-" + c);
            clients.add(thread);
            thread.start();
        }
        // Kill at a random moment once traffic flows (at least 20 answers), not while the first requests warm up.
        await().atMost(Duration.ofSeconds(120)).until(() -> sent.stream().filter(s -> s.status() == 201).count() >= 20
                || sent.stream().anyMatch(s -> s.status() != 201));
        Thread.sleep(random.nextInt(2_000));
        process.destroyForcibly();
        killed.set(true);
        process.waitFor();
        process = null;
        for (Thread client : clients) {
            client.join();
        }
        return new ArrayList<>(sent);
    }

    private static String entry(String type, String commandId, List<String> partners, Random r) {
        String day = "2025-%02d-%02d".formatted(1 + r.nextInt(12), 1 + r.nextInt(28));
        return switch (type) {
            case "temperature-measured" -> """
                    {"commandId":"%s","note":"%1$s","pair":["%s","%s"],"level":%d,
                     "signals":["guardedness","avoided-topics"],"occurredOn":"%s"}"""
                    .formatted(commandId, partners.get(0), partners.get(1 + r.nextInt(2)), 1 + r.nextInt(4), day);
            case "meeting-held" -> """
                    {"commandId":"%s","note":"%1$s","kind":"formal","modality":"hybrid","purpose":"Steering group",
                     "attendance":[{"partnerId":"%s","level":"board"},{"partnerId":"%s","level":"management"}],
                     "occurredOn":"%s"}""".formatted(commandId, partners.get(0), partners.get(2), day);
            default -> """
                    {"commandId":"%s","note":"%1$s","kind":"milestone","title":"Milestone %d","occurredOn":"%s"}"""
                    .formatted(commandId, r.nextInt(1000), day);
        };
    }

    private Api.Login token(String username) {
        Api.Response issued = Api.post(commandPort, "/api/auth/token", """
                {"username":"%s","password":"%s"}""".formatted(username, PASSWORD), Api.Login.ANONYMOUS);
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        return Api.Login.bearer(issued.json().get("accessToken").asText());
    }

    private static String path(Sent s) {
        return "/api/networks/" + s.networkId() + "/entries/" + s.type();
    }

    /**
     * The network's facts once they include the entry at {@code lastSequence}. When they do not within a minute, the
     * failure says where the processors stand and what the platform logged, which a kill -9 leaves nowhere else.
     */
    private JsonNode caughtUp(String networkId, long lastSequence, int cycle) throws IOException {
        try {
            return await().atMost(Duration.ofSeconds(60))
                          .until(() -> facts(networkId), f -> f.path("lastSequence").asLong(-1) >= lastSequence);
        } catch (ConditionTimeoutException behind) {
            Api.Response ready = Api.get(queryPort, "/actuator/health/readiness", asAdmin);
            List<String> logged = Files.readAllLines(platformLog).stream()
                    .filter(line -> line.contains(" WARN ") || line.contains(" ERROR ") || line.contains("Exception")
                                    || line.contains("gap") || line.contains("Closed position"))
                    .toList();
            throw new AssertionError(("cycle %d: the facts of %s stand at entry %d, not %d, a minute after the restart;"
                    + "%nprocessors: %s%nlogged by the platform (%d lines):%n%s").formatted(
                    cycle, networkId, facts(networkId).path("lastSequence").asLong(-1), lastSequence,
                    ready.json().at("/components/processors"), logged.size(),
                    String.join("\n", logged.subList(Math.max(0, logged.size() - 60), logged.size()))), behind);
        }
    }

    /** A network's facts; an empty object while they are not there (yet). */
    private JsonNode facts(String networkId) {
        Api.Response facts = Api.get(queryPort, "/api/networks/" + networkId + "/facts", asCoordinator);
        return facts.status() == 200 ? facts.json() : JsonNodeFactory.instance.objectNode();
    }

    private static List<String> eventIds(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("eventId").asText()));
        return ids;
    }

    private static List<String> eventIdsOf(List<JsonNode> log, String type) {
        return log.stream().filter(e -> e.get("type").asText().equals(type)).map(e -> e.get("eventId").asText())
                  .toList();
    }

    private List<JsonNode> events(String networkId) {
        List<JsonNode> all = new ArrayList<>();
        while (true) {
            Api.Response page = Api.get(queryPort, "/api/networks/" + networkId + "/events?limit=1000&fromSequence="
                    + all.size(), asCoordinator);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().forEach(all::add);
            // the next page by its relation: the header also names the page before and the last one
            String links = page.header("Link");
            if (links == null || !links.contains("rel=\"next\"")) {
                return all;
            }
        }
    }

    /** Starts the platform as its own JVM on the data directory and waits until it says it is ready. */
    private void start() throws IOException {
        platformLog = dataDir.resolve("platform-" + System.nanoTime() + ".log");
        process = PlatformProcess.start(platformLog, Map.of(
                "SAMENSPEL_DATA_DIR", dataDir.resolve("data").toString(),
                "SAMENSPEL_STORE_PORT", Integer.toString(freePort()),
                "COMMAND_PORT", Integer.toString(commandPort),
                "QUERY_PORT", Integer.toString(queryPort),
                // its pages on a port of their own too: 8080 may be taken by a platform someone runs beside the tests
                "WEB_PORT", Integer.toString(freePort()),
                // An admin from configuration means the store is not empty at first start, so no demo networks.
                "SAMENSPEL_ADMIN_USERNAME", ADMIN,
                "SAMENSPEL_ADMIN_PASSWORD", PASSWORD));
    }

    private static int freePort() throws IOException {
        return PlatformProcess.freePort();
    }
}
