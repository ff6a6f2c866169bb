package nl.samenspel.platform.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import nl.samenspel.command.CommandServiceApplication;
import nl.samenspel.eventstore.EmbeddedStore;
import nl.samenspel.kernel.access.NetworkRole;
import nl.samenspel.support.security.UserAccount;
import nl.samenspel.support.security.UserStore;
import org.bson.Document;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a command costs the same on a network with a long history as on a fresh one: one client logs single entries
 * over HTTP into a freshly founded network and into one that already holds a ten-year history of N entries, in
 * alternating rounds of the same run, and the program prints commands/s, latency percentiles and the ratio, and the
 * size of the big network's snapshot. Only the command-service runs (no query side competing for the CPU).
 *
 * <p>Run: {@code mvn -q -pl platform -am package -DskipTests} once, then
 * {@code mvn -q -pl platform exec:java -Dexec.mainClass=nl.samenspel.platform.bench.CommandCostBenchmark
 * -Dexec.args="10000 600 memory"} (arguments: history entries, commands per network, memory|h2).
 */
public final class CommandCostBenchmark {
    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\":\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int PARTNERS = 40;
    private static final int ROUNDS = 4;

    private CommandCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int history = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int commands = args.length > 1 ? Integer.parseInt(args[1]) : 600;
        String backend = args.length > 2 ? args[2] : "memory";
        Path dir = Files.createTempDirectory("samenspel-command-bench");
        try (EmbeddedStore store = backend.equals("h2") ? EmbeddedStore.onDisk(dir.resolve("bench.mv"), 0)
                                                        : EmbeddedStore.inMemory();
             MongoClient mongo = MongoClients.create(store.uri("bench"));
             ConfigurableApplicationContext service = CommandServiceApplication.application().run(
                     "--spring.data.mongodb.uri=" + store.uri("bench"), "--server.port=0",
                     "--server.address=127.0.0.1", "--samenspel.security.token-secret=" + "b".repeat(48),
                     "--logging.level.root=WARN")) {
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            UserStore users = service.getBean(UserStore.class);
            UserAccount admin = users.create("bench-admin", "Bench", "bench-password-1", true);
            UserAccount coordinator = users.create("bench-coordinator", "Bench", "bench-password-2", false);
            String adminAuth = basic("bench-admin", "bench-password-1");
            String auth = basic("bench-coordinator", "bench-password-2");

            String fresh = found(port, adminAuth, "Fresh network");
            String big = found(port, adminAuth, "Network with a long history");
            for (String network : List.of(fresh, big)) {
                users.grant(coordinator.userId(), UUID.fromString(network), NetworkRole.COORDINATOR);
            }
            List<String> freshPartners = joinPartners(port, auth, fresh);
            List<String> bigPartners = joinPartners(port, auth, big);
            long fillStart = System.nanoTime();
            fill(port, auth, big, bigPartners, history);
            System.out.printf("Samenspel command cost: %s backend; filled the big network with %,d entries in %.1f s%n",
                              backend, history, (System.nanoTime() - fillStart) / 1e9);

            // Warm up both paths (JIT, caches), then alternate rounds so drift hits both alike.
            measure(port, auth, fresh, freshPartners, 100, new ArrayList<>());
            measure(port, auth, big, bigPartners, 100, new ArrayList<>());
            List<Long> freshLatencies = new ArrayList<>();
            List<Long> bigLatencies = new ArrayList<>();
            double freshSeconds = 0;
            double bigSeconds = 0;
            for (int round = 0; round < ROUNDS; round++) {
                freshSeconds += measure(port, auth, fresh, freshPartners, commands / ROUNDS, freshLatencies);
                bigSeconds += measure(port, auth, big, bigPartners, commands / ROUNDS, bigLatencies);
            }
            double freshRate = freshLatencies.size() / freshSeconds;
            double bigRate = bigLatencies.size() / bigSeconds;
            System.out.printf("%-40s %10s %9s %9s%n", "one client, single entries", "commands/s", "p50 ms", "p95 ms");
            print("fresh network", freshRate, freshLatencies);
            print("network with " + String.format("%,d", history) + " entries", bigRate, bigLatencies);
            System.out.printf("ratio long history / fresh: %.2f (target >= 0.80)%n", bigRate / freshRate);
            Document snapshot = mongo.getDatabase("bench").getCollection("snapshots").find(Filters.eq("_id", big)).first();
            System.out.printf("snapshot of the big network: %s%n", snapshot == null ? "none"
                    : String.format("%,d bytes of payload (sequence %d)", snapshot.getString("payload").length(),
                                    snapshot.get("sequenceNumber", Number.class).longValue()));
        }
    }

    private static void print(String label, double rate, List<Long> latencies) {
        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf("%-40s %10.1f %9.1f %9.1f%n", label, rate, sorted.get(sorted.size() / 2) / 1e6,
                          sorted.get((int) (sorted.size() * 0.95)) / 1e6);
    }

    /** Logs {@code count} single entries, one at a time; returns the seconds taken, adds each latency (ns). */
    private static double measure(int port, String auth, String network, List<String> partners, int count,
                                  List<Long> latencies) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String a = partners.get(i % partners.size());
            String b = partners.get((i + 1) % partners.size());
            String[] entry = switch (i % 3) {
                case 0 -> new String[]{"temperature-measured", """
                        {"pair":["%s","%s"],"level":2,"signals":["guardedness","avoided-topics"],"occurredOn":"%s"}"""
                        .formatted(a, b, LocalDate.now().minusDays(1))};
                case 1 -> new String[]{"meeting-held", """
                        {"kind":"informal","modality":"online","purpose":"Weekly check-in","attendance":[{"partnerId":"%s","level":"management"}],"occurredOn":"%s"}"""
                        .formatted(a, LocalDate.now().minusDays(1))};
                default -> new String[]{"value-realised", """
                        {"beneficiaryGroup":"residents","capital":"social","questionId":"S1","description":"Neighbours help each other","evidence":"Survey","occurredOn":"%s"}"""
                        .formatted(LocalDate.now().minusDays(1))};
            };
            long sent = System.nanoTime();
            post(port, auth, "/api/networks/" + network + "/entries/" + entry[0], entry[1], "application/json");
            latencies.add(System.nanoTime() - sent);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static List<String> joinPartners(int port, String auth, String network) throws Exception {
        StringBuilder file = new StringBuilder();
        List<String> partners = new ArrayList<>();
        for (int p = 0; p < PARTNERS; p++) {
            String partner = UUID.randomUUID().toString();
            partners.add(partner);
            file.append("""
                    {"type":"partner-joined","partnerId":"%s","name":"Partner %d","partnerType":"care","participationLevel":"core","motives":["moral"],"occurredOn":"2015-01-02"}
                    """.formatted(partner, p));
        }
        post(port, auth, "/api/networks/" + network + "/imports", file.toString(), "application/x-ndjson");
        return partners;
    }

    /**
     * Ten years of entries, as a network accumulates them: meetings, readings, agreements and their outcomes,
     * contributions, value realised, balance ratings, representatives; imported in files of 200 lines.
     */
    private static void fill(int port, String auth, String network, List<String> partners, int entries) throws Exception {
        LocalDate first = LocalDate.of(2015, 2, 1);
        int days = (int) (LocalDate.now().minusDays(2).toEpochDay() - first.toEpochDay());
        StringBuilder file = new StringBuilder();
        int lines = 0;
        for (int i = 0; i < entries; i++) {
            String on = first.plusDays((long) i * days / entries).toString();
            String a = partners.get(i % partners.size());
            String b = partners.get((i + 7) % partners.size());
            String id = UUID.randomUUID().toString();
            file.append(switch (i % 8) {
                case 0 -> """
                        {"type":"meeting-held","meetingId":"%s","kind":"formal","modality":"in-person","purpose":"Network table","attendance":[{"partnerId":"%s","level":"board"},{"partnerId":"%s","level":"management"}],"occurredOn":"%s"}
                        """.formatted(id, a, b, on);
                case 1 -> """
                        {"type":"temperature-measured","pair":["%s","%s"],"level":2,"signals":["guardedness"],"occurredOn":"%s"}
                        """.formatted(a, b, on);
                case 2 -> """
                        {"type":"agreement-made","agreementId":"%s","title":"Agreement %d","kind":"promise","partyIds":["%s","%s"],"occurredOn":"%s"}
                        """.formatted(id, i, a, b, on);
                case 3 -> """
                        {"type":"contribution-recorded","contributionId":"%s","fromPartnerId":"%s","kind":"capacity","quantity":8,"unit":"hours","capital":"social","status":"delivered","occurredOn":"%s"}
                        """.formatted(id, a, on);
                case 4 -> """
                        {"type":"value-realised","beneficiaryGroup":"residents","capital":"social","questionId":"S1","description":"Value %d","evidence":"Survey","occurredOn":"%s"}
                        """.formatted(i, on);
                case 5 -> """
                        {"type":"balance-assessed","partnerId":"%s","rating":"balanced","occurredOn":"%s"}
                        """.formatted(a, on);
                case 6 -> """
                        {"type":"success-achieved","kind":"grant","title":"Success %d","occurredOn":"%s"}
                        """.formatted(i, on);
                default -> """
                        {"type":"context-changed","kind":"funding","direction":"positive","summary":"Change %d","occurredOn":"%s"}
                        """.formatted(i, on);
            });
            if (++lines == 200 || i == entries - 1) {
                post(port, auth, "/api/networks/" + network + "/imports", file.toString(), "application/x-ndjson");
                file.setLength(0);
                lines = 0;
            }
        }
    }

    private static String found(int port, String auth, String name) throws Exception {
        String body = post(port, auth, "/api/networks", """
                {"name":"%s","collaborationForm":"network","foundedOn":"2015-01-01"}""".formatted(name), "application/json");
        Matcher matcher = Pattern.compile("\"networkId\":\"([^\"]+)\"").matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("No network id in " + body);
        }
        return matcher.group(1);
    }

    private static String post(int port, String auth, String path, String body, String contentType) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                                         .header("Authorization", auth).header("Content-Type", contentType)
                                                         .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                                  HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 || !EVENT_ID.matcher(response.body()).find()) {
            String answer = response.body();
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                                                    + answer.substring(0, Math.min(answer.length(), 600)));
        }
        return response.body();
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
