package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import nl.samenspel.command.CommandServiceApplication;
import nl.samenspel.eventstore.EmbeddedStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resending commands after a restart, to a command-service in a fresh JVM (another instance, or the same one after a
 * restart): every kind of entry and a whole import file, with sets and lists in them, replays with the event id it
 * was logged with and logs nothing; a command id of one network is refused (409) in another. With both instances
 * running, each decides on what the other logged, although both cache the network.
 *
 * <p>The fresh JVM matters: a hash set of enum constants iterates in an order that depends on identity hash codes,
 * which differ from JVM to JVM but not within one. Readings with many signals make the old fingerprint over
 * {@code toString()} differ in practice.
 */
class ResendAfterRestartTest {
    private static final String DATABASE = "samenspel-resend";
    private static final List<String> SIGNALS = List.of("recurring-issue", "guardedness", "uneasy-feeling",
            "avoided-topics", "incomplete-information", "goal-dispute", "language-confusion", "defensiveness",
            "cancellations", "rising-emotions", "positional-talk", "disengagement");

    /** One command as first sent, and what it logged. */
    private record Sent(String path, String body, String contentType, JsonNode answer) {
    }

    @Test
    void everyCommandResentToAFreshJvmReplaysWithTheSameEventIdAndLogsNothing(@TempDir Path dir) throws Exception {
        try (EmbeddedStore store = EmbeddedStore.inMemory();
             MongoClient mongo = MongoClients.create(store.uri(DATABASE));
             TestPlatform tp = platformBeside(store, dir)) {
            // More than 100 events, a correction among them: the fresh JVM loads network A from a snapshot.
            List<Sent> sent = logEveryKind(tp);
            Sent importFile = importWithSetsAndLists(tp);
            long head = head(mongo);
            Document snapshot = mongo.getDatabase(DATABASE).getCollection("snapshots")
                                     .find(Filters.eq("_id", tp.networkA)).first();
            assertThat(snapshot).as("network A has a snapshot, sealed").isNotNull().containsKey("seal");

            try (ChildCommandService fresh = ChildCommandService.start(store.uri(DATABASE), dir)) {
                for (Sent first : sent) {
                    Api.Response again = Api.send("POST", fresh.port, first.path(), first.body(), first.contentType(),
                                                  tp.coordinator);
                    assertThat(again.status()).as("%s %s: %s", first.path(), first.body(), again.body()).isEqualTo(201);
                    assertThat(again.json().get("replayed").asBoolean()).as(first.path()).isTrue();
                    assertThat(again.json().get("eventId")).as(first.path()).isEqualTo(first.answer().get("eventId"));
                }

                Api.Response again = Api.send("POST", fresh.port, importFile.path(), importFile.body(),
                                              importFile.contentType(), tp.coordinator);
                assertThat(again.status()).as(again.body()).isEqualTo(201);
                assertThat(again.json().get("logged").asInt()).isZero();
                assertThat(eventIds(again.json())).isEqualTo(eventIds(importFile.answer()))
                                                  .hasSize(importFile.answer().get("logged").asInt());
                assertThat(again.json().get("lines")).allMatch(line -> line.get("replayed").asBoolean());

                // The command id of an entry of network A, used for an entry of network B: refused, whatever the body.
                Sent ofA = sent.get(sent.size() - 1);
                Api.Response reused = Api.post(fresh.port, "/api/networks/" + tp.networkB + "/entries/success-achieved", """
                        {"commandId":"%s","kind":"grant","title":"Grant","occurredOn":"2024-09-10"}"""
                        .formatted(commandIdOf(ofA)), tp.otherCoordinator);
                assertThat(reused.status()).as(reused.body()).isEqualTo(409);
                assertThat(reused.json().get("errors").get(0).get("field").asText()).isEqualTo("commandId");
                assertThat(head(mongo)).as("nothing was logged by the resends").isEqualTo(head);

                // Two instances on one store, each with network A in its cache: each sees what the other logged.
                Api.Response sameName = Api.post(fresh.port, "/api/networks/" + tp.networkA + "/partners", """
                        {"name":"Ziekenhuis Noorderkwartier","partnerType":"hospital","participationLevel":"core",
                         "occurredOn":"2024-03-01"}""", tp.coordinator);
                assertThat(sameName.status()).as("the snapshot holds the active partners: " + sameName.body())
                                             .isEqualTo(409);
                String newcomer = UUID.randomUUID().toString();
                Api.Response joined = Api.post(fresh.port, "/api/networks/" + tp.networkA + "/partners", """
                        {"partnerId":"%s","name":"Thuiszorg West","partnerType":"home care","participationLevel":"core",
                         "occurredOn":"2024-03-01"}""".formatted(newcomer), tp.coordinator);
                assertThat(joined.status()).as(joined.body()).isEqualTo(201);
                Api.Response named = Api.post(tp.commandPort(), entryPath(tp, "agreement-made"), """
                        {"title":"Shared night shifts","kind":"promise","partyIds":["%s"],"occurredOn":"2024-03-02"}"""
                        .formatted(newcomer), tp.coordinator);
                assertThat(named.status()).as("a cached network behind the store is loaded again: " + named.body())
                                          .isEqualTo(201);
                Api.Response afterThat = Api.post(fresh.port, entryPath(tp, "success-achieved"), """
                        {"kind":"grant","title":"Night shifts funded","occurredOn":"2024-03-03"}""", tp.coordinator);
                assertThat(afterThat.status()).as(afterThat.body()).isEqualTo(201);
            }
        }
    }

    /** Every kind of entry of the catalogue, and readings with many signals, each under a command id of its own. */
    private static List<Sent> logEveryKind(TestPlatform tp) throws Exception {
        Map<String, String> tokens = new HashMap<>();
        for (String name : List.of("hospital", "gp", "municipality", "insurer", "agreement", "contribution",
                                   "evaluation", "action", "conflict", "meeting", "coalition")) {
            tokens.put(name, UUID.randomUUID().toString());
        }
        List<Sent> sent = new ArrayList<>();
        for (JsonNode line : CatalogueEndToEndTest.lines("complete-history.jsonl")) {
            ObjectNode body = (ObjectNode) Api.JSON.readTree(CatalogueEndToEndTest.resolve(line.get("body").toString(),
                                                                                           tokens));
            body.put("commandId", UUID.randomUUID().toString());
            Sent first = send(tp, entryPath(tp, line.get("type").asText()), body.toString());
            if (line.has("as")) {
                tokens.put("event:" + line.get("as").asText(), first.answer().get("eventId").asText());
            }
            sent.add(first);
        }
        for (int i = 0; i < 70; i++) {
            sent.add(send(tp, entryPath(tp, "temperature-measured"), """
                    {"commandId":"%s","pair":["%s","%s"],"level":3,"signals":%s,"occurredOn":"2024-05-%02d"}"""
                    .formatted(UUID.randomUUID(), tokens.get("hospital"), tokens.get("gp"), signals(i), 1 + i % 28)));
        }
        return sent;
    }

    /** A JSON Lines import without command ids: the import's and its lines' ids are derived from the file. */
    private static Sent importWithSetsAndLists(TestPlatform tp) {
        String partner = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        StringBuilder file = new StringBuilder("""
                {"type":"partner-joined","partnerId":"%1$s","name":"Woonstichting Kade","partnerType":"housing","participationLevel":"core","motives":["moral","instrumental","affective"],"occurredOn":"2024-02-01"}
                {"type":"partner-joined","partnerId":"%2$s","name":"Welzijn Noord","partnerType":"welfare","participationLevel":"participant","occurredOn":"2024-02-01"}
                {"type":"agreement-made","title":"Shared intake","kind":"promise","partyIds":["%1$s","%2$s"],"occurredOn":"2024-06-12"}
                {"type":"meeting-held","kind":"formal","modality":"in-person","purpose":"Steering group","attendance":[{"partnerId":"%1$s","level":"board"},{"partnerId":"%2$s","level":"management"}],"occurredOn":"2024-06-12"}
                """.formatted(partner, other));
        for (int i = 0; i < 8; i++) {
            file.append("""
                    {"type":"temperature-measured","pair":["%s","%s"],"level":2,"signals":%s,"occurredOn":"2024-07-%02d"}
                    """.formatted(partner, other, signals(i + 3), 1 + i));
        }
        return send(tp, "/api/networks/" + tp.networkA + "/imports", file.toString(), "application/x-ndjson");
    }

    /** Six to eleven of the twelve signals, a different selection each time. */
    private static String signals(int i) {
        List<String> chosen = new ArrayList<>();
        for (int k = 0; k < 6 + i % 6; k++) {
            chosen.add('"' + SIGNALS.get((i * 5 + k * 7) % SIGNALS.size()) + '"');
        }
        return chosen.stream().distinct().toList().toString();
    }

    private static String entryPath(TestPlatform tp, String type) {
        return "/api/networks/" + tp.networkA + "/entries/" + type;
    }

    private static Sent send(TestPlatform tp, String path, String body) {
        return send(tp, path, body, "application/json");
    }

    private static Sent send(TestPlatform tp, String path, String body, String contentType) {
        Api.Response response = Api.send("POST", tp.commandPort(), path, body, contentType, tp.coordinator);
        assertThat(response.status()).as("%s %s: %s", path, body, response.body()).isEqualTo(201);
        assertThat(response.json().path("replayed").asBoolean()).isFalse();
        return new Sent(path, body, contentType, response.json());
    }

    private static List<String> eventIds(JsonNode importAnswer) {
        List<String> ids = new ArrayList<>();
        importAnswer.get("lines").forEach(line -> ids.add(line.get("eventId").asText()));
        return ids;
    }

    private static String commandIdOf(Sent sent) throws Exception {
        return Api.JSON.readTree(sent.body()).get("commandId").asText();
    }

    /**
     * A snapshot altered in the database (a partner renamed in it, as someone with access to the store could) is not
     * what a fresh JVM decides on: it made the command side accept a second partner of a name already taken, and refuse
     * the made-up name as taken, while the log still verified. A snapshot without its seal is passed over and the
     * network is loaded from its events.
     */
    @Test
    void aSnapshotAlteredInTheStoreIsNotWhatAFreshJvmDecidesOn(@TempDir Path dir) throws Exception {
        try (EmbeddedStore store = EmbeddedStore.inMemory();
             MongoClient mongo = MongoClients.create(store.uri(DATABASE));
             TestPlatform tp = platformBeside(store, dir)) {
            logEveryKind(tp);
            var snapshots = mongo.getDatabase(DATABASE).getCollection("snapshots");
            Document snapshot = snapshots.find(Filters.eq("_id", tp.networkA)).first();
            assertThat(snapshot).as("network A has a snapshot").isNotNull();
            String payload = snapshot.getString("payload");
            assertThat(payload).contains("Ziekenhuis Noorderkwartier");
            snapshots.updateOne(Filters.eq("_id", tp.networkA), com.mongodb.client.model.Updates.set(
                    "payload", payload.replace("Ziekenhuis Noorderkwartier", "Ziekenhuis Elders")));

            try (ChildCommandService fresh = ChildCommandService.start(store.uri(DATABASE), dir)) {
                Api.Response taken = Api.post(fresh.port, "/api/networks/" + tp.networkA + "/partners", """
                        {"name":"Ziekenhuis Noorderkwartier","partnerType":"hospital","participationLevel":"core",
                         "occurredOn":"2024-03-01"}""", tp.coordinator);
                assertThat(taken.status()).as("the name the log holds is taken: " + taken.body()).isEqualTo(409);
                Api.Response free = Api.post(fresh.port, "/api/networks/" + tp.networkA + "/partners", """
                        {"name":"Ziekenhuis Elders","partnerType":"hospital","participationLevel":"core",
                         "occurredOn":"2024-03-01"}""", tp.coordinator);
                assertThat(free.status()).as("a name the log does not hold is free: " + free.body()).isEqualTo(201);
            }
        }
    }

    /**
     * A platform on {@code store} beside which a second command service will write ({@link ChildCommandService}):
     * neither may take positions in memory, and both hold the key in {@code dir}, as instances of one platform do (it
     * signs receipts and seals entries and snapshots).
     */
    private static TestPlatform platformBeside(EmbeddedStore store, Path dir) {
        return new TestPlatform(store, DATABASE, "--samenspel.event-store.sole-writer=false",
                                "--samenspel.checkpoints.key-file=" + dir.resolve("checkpoint-key"));
    }

    private static long head(MongoClient mongo) {
        Document counter = mongo.getDatabase(DATABASE).getCollection("counters").find(Filters.eq("_id", "events")).first();
        return counter.get("next", Number.class).longValue();
    }

    /** The command-service alone, in a JVM of its own, on the given store. */
    private static final class ChildCommandService implements AutoCloseable {
        final Process process;
        final int port;

        private ChildCommandService(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static ChildCommandService start(String mongoUri, Path dir) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = dir.resolve("command-service.log");
            Process process = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                    "-cp", System.getProperty("java.class.path"), CommandServiceApplication.class.getName(),
                    "--spring.data.mongodb.uri=" + mongoUri, "--server.port=" + port,
                    "--server.address=127.0.0.1", "--samenspel.security.token-secret=" + "s".repeat(48),
                    "--samenspel.checkpoints.key-file=" + dir.resolve("checkpoint-key"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ChildCommandService child = new ChildCommandService(process, port);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(600));
            while (true) {
                if (!process.isAlive()) {
                    throw new AssertionError("The command-service stopped: " + Files.readString(log));
                }
                if (Instant.now().isAfter(deadline)) {
                    child.close();
                    throw new AssertionError("The command-service did not start in time: " + Files.readString(log));
                }
                try {
                    if (Api.get(port, "/actuator/health", Api.Login.ANONYMOUS).status() == 200) {
                        return child;
                    }
                } catch (RuntimeException notYetListening) {
                    // still starting
                }
                Thread.sleep(250);
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
