package nl.samenspel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Drives the real HTTP API of a running platform with N clients over M networks for T seconds, and prints
 * acknowledged commands per second, latency percentiles and refusals by status, each next to a baseline measured in
 * the same run.
 *
 * <p>Without {@code --url} it starts the platform itself as a child process ({@code java -jar} of the platform jar,
 * embedded store on the H2 backend, a temporary data directory, free ports) and stops it at the end. Every request goes
 * to 127.0.0.1; every scenario runs for a bounded time and the program stops by itself.
 *
 * <pre>
 * scenarios (default: history scale slow):
 *   history  one client logging into a fresh network, then into one that already holds --prefill entries (≥ 0.8×)
 *   health   a network of --partners partners founded ten years ago and holding --health-entries entries spread over
 *            those years: the timeline's size on the wire (gzip and plain, target ≤ 300 KB), p50/p95 of the
 *            timeline, as-of and compare over --samples requests at varied dates after --health-warmup unmeasured
 *            ones (the first timed on its own), and how long an entry back-dated nine years takes to show in the
 *            timeline after its 201
 *   scale    one client on one network, then --clients clients on as many networks (≥ 3×)
 *   slow     one client alone, then beside --slow-clients clients trickling a body byte every --trickle-seconds
 *            (its p95 must stay under 1 s)
 *   load     --clients clients over --networks networks, nothing to compare with
 * options: --jit-warmup=60 (seconds of 8 clients before any scenario, not measured)
 *          --shape-warmup-max=240 (scale: at most this many seconds of each run's own clients before it, unmeasured,
 *          until the JIT compiler is quiet; 0 to skip)
 *          --seconds=20 --warmup=3 --prefill=10000 --clients=8 --networks=8 --slow-clients=300 --trickle-seconds=5
 *          --health-entries=10000 --partners=12 --samples=100 --health-warmup=20
 *          --slow-from=127.0.0.2 (one address for all slow clients) or --slow-from=spread (one address each)
 *          --dated=spread (the entries clients log are dated over eight years after the founding, so each one makes
 *          the health of every later month be computed again) or --dated=today (dated the day they are logged)
 *          --jar=platform/target/samenspel-platform.jar --platform-arg=--some.setting=value (repeatable)
 *          --url=http://127.0.0.1:8081 --query-url=http://127.0.0.1:8082 --user=... --password=... (a running
 *          platform; the user must be an admin)
 * </pre>
 */
public final class ApiLoadBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final LocalDate FOUNDED = LocalDate.of(2015, 1, 5);

    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                                              .connectTimeout(Duration.ofSeconds(5)).build();
    private String base;
    private String queryBase;
    /** The platform under load when this program started it; its CPU time is printed beside each run. */
    private ProcessHandle platformProcess;
    private String adminToken;
    private String coordinatorId;
    private String coordinatorToken;
    private final AtomicLong names = new AtomicLong();
    /** Whether the entries the clients log are dated today instead of spread over the years after the founding. */
    private final boolean datedToday;

    private ApiLoadBenchmark(Map<String, String> options) {
        this.options = options;
        String dated = options.getOrDefault("dated", "spread");
        if (!List.of("spread", "today").contains(dated)) {
            throw new IllegalArgumentException("--dated must be spread or today, not " + dated);
        }
        this.datedToday = dated.equals("today");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> scenarios = new ArrayList<>();
        List<String> platformArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--platform-arg=")) {
                platformArgs.add(arg.substring("--platform-arg=".length()));
            } else if (arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                options.put(equals < 0 ? arg.substring(2) : arg.substring(2, equals), equals < 0 ? "true" : arg.substring(equals + 1));
            } else {
                scenarios.add(arg);
            }
        }
        if (scenarios.isEmpty()) {
            scenarios = List.of("history", "scale", "slow");
        }
        ApiLoadBenchmark bench = new ApiLoadBenchmark(options);
        ChildPlatform child = null;
        try {
            if (options.containsKey("url")) {
                bench.base = options.get("url").replaceAll("/+$", "");
                bench.queryBase = options.getOrDefault("query-url", "http://127.0.0.1:8082").replaceAll("/+$", "");
                if (!URI.create(bench.base).getHost().startsWith("127.")
                    || !URI.create(bench.queryBase).getHost().startsWith("127.")) {
                    throw new IllegalArgumentException("Load goes to loopback only: --url and --query-url must name 127.x.x.x");
                }
                bench.adminToken = bench.token(options.get("user"), options.get("password"));
                System.out.printf("Samenspel API load against %s%n", bench.base);
            } else {
                child = ChildPlatform.start(Path.of(options.getOrDefault("jar", "platform/target/samenspel-platform.jar")),
                                            platformArgs);
                bench.platformProcess = child.process.toHandle();
                bench.base = "http://127.0.0.1:" + child.commandPort;
                bench.queryBase = "http://127.0.0.1:" + child.queryPort;
                bench.adminToken = bench.token(child.adminUser, child.adminPassword);
                System.out.printf("Samenspel API load against a child platform (%s%s), data in %s, commands at %s%n",
                                  child.jar, platformArgs.isEmpty() ? "" : " " + String.join(" ", platformArgs),
                                  child.dataDir, bench.base);
            }
            bench.setUpCoordinator();
            bench.warmUpThePlatform();
            for (String scenario : scenarios) {
                switch (scenario) {
                    case "history" -> bench.history();
                    case "health" -> bench.health();
                    case "scale" -> bench.scale();
                    case "slow" -> bench.slow();
                    case "load" -> bench.load();
                    default -> throw new IllegalArgumentException("Unknown scenario " + scenario);
                }
            }
        } finally {
            if (child != null) {
                child.close();
            }
        }
        System.exit(0);
    }

    // ---------------------------------------------------------------- scenarios

    /**
     * Runs the command path hot before anything is measured (8 clients on networks of their own, {@code --jit-warmup}
     * 60 s, 0 to skip): a run's own 3 s of warm-up are not enough for the JIT, and a baseline measured first on a cold
     * platform ran at a quarter of its warm rate, which made both ratios look far better than they were. On a machine of
     * 2 cores the JIT compiler was still busy after 3 minutes of load (0.9 of a core, more than a thousand methods
     * compiled every 10 s), so when the platform is a child on Linux the warm-up goes on, in rounds of 20 s, until its
     * compiler threads used less than {@code --jit-quiet-percent} 15 % of a core in a round, for at most
     * {@code --jit-warmup-max} 600 s in all.
     */
    private void warmUpThePlatform() throws Exception {
        int seconds = intOption("jit-warmup", 60);
        if (seconds <= 0) {
            return;
        }
        List<String> networks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            networks.add(network());
        }
        header("warming the platform up (not a measurement)");
        run("8 clients, 8 networks", networks, seconds, 0);
        untilCompilerQuiet("8 clients, 8 networks (JIT still compiling)", networks,
                           Math.max(0, intOption("jit-warmup-max", 600) - seconds));
    }

    /**
     * Runs rounds of 20 s of {@code networks} (one client each, not measured) while the platform's JIT compiler
     * threads used {@code --jit-quiet-percent} of a core or more in the round before, for at most {@code seconds}.
     */
    private void untilCompilerQuiet(String label, List<String> networks, int seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        double quiet = intOption("jit-quiet-percent", 15) / 100.0;
        CpuTimes.Used round = lastRun;
        while (round != null && round.compilerCores() >= quiet && System.nanoTime() < until) {
            run(label, networks, 20, 0);
            round = lastRun;
        }
    }

    /**
     * Before a measured run: the same clients on the same networks, unmeasured, until the JIT compiler is quiet (at most
     * {@code --shape-warmup-max} 240 s). After the platform warm-up the compiler had quieted under eight clients, but one
     * client's run set it compiling again (half a core), and the eight clients measured after it then ran on code it
     * was still compiling: 3.3-3.4 ms of CPU per command where the warm-up had ended at 2.8 ms. Each run is measured on
     * code compiled for its own load.
     */
    private void warmUpForTheRun(String label, List<String> networks) throws InterruptedException {
        int seconds = intOption("shape-warmup-max", 240);
        if (seconds <= 0 || platformProcess == null) {
            return;
        }
        run(label + " (warming up, not measured)", networks, 20, 0);
        untilCompilerQuiet(label + " (warming up, JIT still compiling)", networks, seconds - 20);
    }

    /** Point 6: a network's history must not slow down logging into it. */
    private void history() throws Exception {
        int prefill = intOption("prefill", 10_000);
        String fresh = network();
        String full = network();
        System.out.printf("%nPrefilling a network with %,d entries through the import endpoint...%n", prefill);
        long started = System.nanoTime();
        long position = prefill(full, prefill);
        System.out.printf("  done in %.1f s%n", (System.nanoTime() - started) / 1e9);
        // Both runs start on a quiet platform: the projections first take in the import (else they would still be
        // busy with it during the run on the fresh network, and flatter the ratio).
        started = System.nanoTime();
        awaitIncluded("/api/networks/" + full + "/health/timeline", position, Duration.ofMinutes(10));
        awaitIncluded("/api/networks/" + full + "/facts", position, Duration.ofMinutes(10));
        System.out.printf("  in the health views and facts %.1f s later%n", (System.nanoTime() - started) / 1e9);
        header("history: one client logging single entries");
        Result baseline = run("fresh network", List.of(fresh));
        Result loaded = run(String.format("network holding %,d entries", prefill), List.of(full));
        ratio("rate with history / rate on a fresh network", loaded.rate() / baseline.rate(), "≥ 0.8");
    }

    /**
     * Issue 9: what a network of ten years costs its health pages. The timeline must fit a page (≤ 300 KB on the
     * wire); as-of and compare fold the log on demand and are measured, not judged; and an entry logged nine years
     * back must reach the stored months soon after its 201.
     */
    private void health() throws Exception {
        int entries = intOption("health-entries", 10_000);
        int partnerCount = intOption("partners", 12);
        int samples = intOption("samples", 100);
        int warm = Math.max(1, intOption("health-warmup", 20));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate founded = today.minusYears(10).withDayOfMonth(1);
        String network = network(founded);
        List<String> partners = new ArrayList<>();
        for (int i = 0; i < partnerCount; i++) {
            partners.add(UUID.nameUUIDFromBytes((network + ":partner-" + i).getBytes(StandardCharsets.UTF_8)).toString());
        }
        System.out.printf("%nhealth: prefilling a network founded %s with %d partners and %,d entries over ten years "
                          + "through the import endpoint...%n", founded, partnerCount, entries);
        long started = System.nanoTime();
        List<Instant> between = new ArrayList<>();
        long position = healthPrefill(network, founded, today, partners, entries, between);
        System.out.printf("  logged in %.1f s (last position %d)%n", (System.nanoTime() - started) / 1e9, position);
        String timelinePath = "/api/networks/" + network + "/health/timeline";
        long caughtUp = System.nanoTime();
        awaitIncluded(timelinePath, position, Duration.ofMinutes(30));
        System.out.printf("  the health views included it %.1f s later%n", (System.nanoTime() - caughtUp) / 1e9);

        System.out.printf("%n  %-34s %12s %12s %8s %10s %10s%n", "answer", "plain bytes", "gzip bytes", "ratio",
                          "plain ms", "gzip ms");
        Wire timeline = null;
        for (String view : List.of("/health/timeline", "/health", "/health/alerts", "/health/dip")) {
            Wire plain = wire("/api/networks/" + network + view, false);
            Wire zipped = wire("/api/networks/" + network + view, true);
            System.out.printf(Locale.ROOT, "  %-34s %,12d %,12d %7.1fx %10.0f %10.0f  %s%n", "GET …" + view, plain.bytes,
                              zipped.bytes, plain.bytes / (double) Math.max(1, zipped.bytes), plain.millis,
                              zipped.millis, zipped.encoding == null ? "not compressed" : zipped.encoding);
            if (timeline == null) {
                timeline = zipped;
                JsonNode months = JSON.readTree(plain.body);
                System.out.printf(Locale.ROOT, "  timeline: %d months, %s evidence lists, %,d evidence counts; "
                                  + "%,d bytes on the wire against the target of 300 KB (%s)%n", months.size(),
                                  months.findValues("evidence").isEmpty() ? "no" : "WITH",
                                  months.findValues("evidenceCount").size(), zipped.bytes,
                                  zipped.bytes <= 300 * 1024 ? "met" : "MISSED");
            }
        }

        java.util.Random random = new java.util.Random(9);
        long span = java.time.temporal.ChronoUnit.DAYS.between(founded, today);
        // A date or month anywhere in the ten years; i of n spreads them, the random part varies them.
        java.util.function.IntBinaryOperator day = (i, n) -> (int) (1 + (span - 1) * i / n + random.nextInt(20));
        List<Integer> compareBytes = new ArrayList<>();
        Map<String, OnDemand> onDemand = new LinkedHashMap<>();
        // The whole timeline, as the dashboard reads it: every stored month read back.
        onDemand.put("GET …/health/timeline", onDemand(samples, warm, (i, n) -> wire(timelinePath, true)));
        onDemand.put("GET …/health/as-of?date=", onDemand(samples, warm, (i, n) -> wire(
                "/api/networks/" + network + "/health/as-of?date=" + min(founded.plusDays(day.applyAsInt(i, n)), today),
                true)));
        onDemand.put("GET …/health/compare?date=&knownAt=", onDemand(samples, warm, (i, n) -> {
            Wire answer = wire("/api/networks/" + network + "/health/compare?date="
                               + min(founded.plusDays(day.applyAsInt(i, n)), today) + "&knownAt="
                               + between.get(random.nextInt(between.size())), true);
            compareBytes.add(answer.bytes);
            return answer;
        }));
        // Explain of a month before the latest computes its ids from the log (only the latest month stores them).
        onDemand.put("GET …/health/explain?indicator=H10", onDemand(samples, warm, (i, n) -> wire(
                "/api/networks/" + network + "/health/explain?indicator=H10&month="
                + YearMonth.from(founded.plusDays(day.applyAsInt(i, n))), true)));
        // The auditor's check of the stored figures and lists: every month and list folded again from the whole log.
        onDemand.put("GET …/health/check", onDemand(Math.min(samples, 20), warm,
                                                    (i, n) -> wire("/api/networks/" + network + "/health/check", true)));
        Collections.sort(compareBytes);
        System.out.printf("%n  %-34s %8s %8s %8s %8s %8s%n", "on demand (dates over ten years)", "first ms", "requests",
                          "p50 ms", "p95 ms", "max ms");
        onDemand.forEach((label, measured) -> {
            Histogram h = measured.warm();
            System.out.printf(Locale.ROOT, "  %-34s %8.0f %8d %8.0f %8.0f %8.0f%n", label, measured.firstMillis(),
                              h.getTotalCount(), h.getValueAtPercentile(50) / 1_000.0,
                              h.getValueAtPercentile(95) / 1_000.0, h.getMaxValue() / 1_000.0);
        });
        System.out.printf("  (first: the first request of its kind, on code not yet compiled; then %d requests unmeasured, "
                          + "then those the column requests counts)%n", warm - 1);
        System.out.printf(Locale.ROOT, "  compare answers on the wire: median %,d bytes, largest %,d%n",
                          compareBytes.get(compareBytes.size() / 2), compareBytes.get(compareBytes.size() - 1));

        // Entries logged while someone travels in time: the next as-of continues today's timeline from the months
        // the entry cannot change (it used to fold all ten years again).
        for (LocalDate dated : List.of(today, today.minusYears(5))) {
            Histogram next = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
            for (int i = 0; i < 5; i++) {
                send("POST", "/api/networks/" + network + "/entries/temperature-measured", """
                        {"level":2,"occurredOn":"%s"}""".formatted(dated), "application/json", coordinatorToken, 201);
                next.recordValue(Math.round(wire("/api/networks/" + network + "/health/as-of?date="
                                                 + founded.plusDays(day.applyAsInt(i, 5)), true).millis * 1_000));
            }
            System.out.printf(Locale.ROOT, "  as-of right after an entry dated %s: median %.0f ms, max %.0f ms (5 entries)%n",
                              dated, next.getValueAtPercentile(50) / 1_000.0, next.getMaxValue() / 1_000.0);
        }

        LocalDate nineYearsBack = today.minusYears(9);
        JsonNode before = JSON.readTree(wire(timelinePath, false).body);
        long posted = System.nanoTime();
        JsonNode logged = send("POST", "/api/networks/" + network + "/entries/success-achieved", """
                {"kind":"grant","title":"Late news from nine years ago","occurredOn":"%s","source":"minutes"}"""
                .formatted(nineYearsBack), "application/json", coordinatorToken, 201);
        long answered = System.nanoTime();
        awaitIncluded(timelinePath, logged.get("position").asLong(), Duration.ofMinutes(10));
        long shown = System.nanoTime();
        JsonNode after = JSON.readTree(wire(timelinePath, false).body);
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            if (i >= before.size() || !after.get(i).equals(before.get(i))) {
                changed.add(after.get(i).path("month").asText());
            }
        }
        System.out.printf(Locale.ROOT, "%n  an entry back-dated to %s: 201 after %.0f ms, in the timeline %.0f ms after "
                          + "the 201 (%d months changed%s)%n", nineYearsBack, (answered - posted) / 1e6,
                          (shown - answered) / 1e6, changed.size(),
                          changed.isEmpty() ? "" : ", " + changed.get(0) + " to " + changed.get(changed.size() - 1));
    }

    @FunctionalInterface
    private interface Request {
        Wire send(int i, int n) throws IOException, InterruptedException;
    }

    /** The first request's time, and the times of {@code samples} requests after {@code warm} in all were sent. */
    private record OnDemand(double firstMillis, Histogram warm) {
    }

    /**
     * Sends {@code warm} requests unmeasured but for the first one's time, as the other scenarios warm the platform up
     * before they measure, then {@code samples} measured ones.
     */
    private static OnDemand onDemand(int samples, int warm, Request request) throws IOException, InterruptedException {
        double first = request.send(0, warm).millis;
        for (int i = 1; i < warm; i++) {
            request.send(i, warm);
        }
        Histogram times = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        for (int i = 0; i < samples; i++) {
            times.recordValue(Math.round(request.send(i, samples).millis * 1_000));
        }
        return new OnDemand(first, times);
    }

    /**
     * Waits until the projections have taken in every entry logged so far: each run starts on a platform that is not
     * still digesting the one before it. Without this, one client's run of the scale scenario shared the machine with
     * the health projection catching up on the warm-up (one run used 66 ms of the platform's CPU per acknowledged
     * command, against 10-22 ms in others), and its rate, and so the ratio, swung by a factor of three.
     */
    private void awaitProjectionsCaughtUp(List<String> networks) throws IOException, InterruptedException {
        long started = System.nanoTime();
        long position = send("POST", "/api/networks/" + networks.get(0) + "/entries/success-achieved", """
                {"kind":"grant","title":"Marker before a run","occurredOn":"%s","source":"minutes"}"""
                .formatted(LocalDate.now(ZoneOffset.UTC)), "application/json", coordinatorToken, 201)
                .get("position").asLong();
        for (String network : networks) {
            awaitIncluded("/api/networks/" + network + "/health/timeline", position, Duration.ofMinutes(10));
            awaitIncluded("/api/networks/" + network + "/facts", position, Duration.ofMinutes(10));
        }
        double caughtUp = (System.nanoTime() - started) / 1e9;
        // Then until the platform is idle: after a minute of load its JIT compiler still kept 0.6 of the 2 cores busy
        // for seconds, which the next run would have shared.
        double quietCores = intOption("quiet-percent", 15) / 100.0;
        long quietBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(intOption("quiet-wait", 120));
        double idleCores;
        do {
            CpuTimes before = CpuTimes.now(platformProcess);
            Thread.sleep(1_000);
            CpuTimes idle = CpuTimes.now(platformProcess).minus(before);
            idleCores = idle.platform < 0 ? -1 : idle.platform / 1e9;
        } while (idleCores > quietCores && System.nanoTime() < quietBy);
        System.out.printf(Locale.ROOT, "  %-44s %.1f s, and the platform idle (%s) %.1f s after that%n",
                          "(projections caught up before the run in)", caughtUp,
                          idleCores < 0 ? "not measured" : String.format(Locale.ROOT, "%.2f cores", idleCores),
                          (System.nanoTime() - started) / 1e9 - caughtUp);
    }

    /** Asks until the answer includes {@code position} (the read-your-writes wait answers 503 while it does not). */
    private void awaitIncluded(String path, long position, Duration atMost) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(queryBase + path + "?waitFor=" + position))
                               .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + coordinatorToken)
                               .header("Accept-Encoding", "gzip").GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
                return;
            }
            if (response.statusCode() != 503 || System.nanoTime() > deadline) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            Thread.sleep(20);
        }
    }

    /** One answer as it came over the wire: its bytes (compressed when the server compressed them) and time. */
    private record Wire(int bytes, byte[] body, String encoding, double millis) {
    }

    private Wire wire(String path, boolean gzip) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(queryBase + path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + coordinatorToken).GET();
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        double millis = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return new Wire(response.body().length, response.body(),
                        response.headers().firstValue("Content-Encoding").orElse(null), millis);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? b : a;
    }

    /** Point 6: independent networks must be served in parallel. */
    private void scale() throws Exception {
        int clients = intOption("clients", 8);
        List<String> networks = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            networks.add(network());
        }
        header("scale: clients on networks of their own");
        warmUpForTheRun("1 client, 1 network", networks.subList(0, 1));
        awaitProjectionsCaughtUp(networks);
        Result one = run("1 client, 1 network", networks.subList(0, 1));
        warmUpForTheRun(clients + " clients, " + clients + " networks", networks);
        awaitProjectionsCaughtUp(networks);
        Result many = run(clients + " clients, " + clients + " networks", networks);
        ratio(clients + " clients / 1 client", many.rate() / one.rate(), "≥ 3");
    }

    /** Point 7: slow clients must not starve the others. */
    private void slow() throws Exception {
        int count = intOption("slow-clients", 300);
        int trickle = intOption("trickle-seconds", 5);
        String from = options.getOrDefault("slow-from", "127.0.0.2");
        String network = network();
        header("slow: one client logging entries, alone and beside clients that trickle their bodies");
        Result alone = run("alone", List.of(network));
        SlowClients slow = new SlowClients(count, trickle, from, URI.create(base), network, coordinatorToken);
        try {
            slow.start();
            // Let every slow client get its headers in and the first bytes of its body out before measuring.
            Thread.sleep(Math.min(2_000L + trickle * 1_000L, 10_000L));
            Result beside = run(String.format("beside %d slow clients (from %s)", count, from), List.of(network));
            ratio("p95 beside slow clients / p95 alone", beside.p95() / Math.max(0.001, alone.p95()),
                  String.format("p95 < 1000 ms (it is %.0f ms)", beside.p95()));
            System.out.printf("  slow clients: %s%n", slow.summary());
        } finally {
            slow.stop();
        }
    }

    private void load() throws Exception {
        int clients = intOption("clients", 8);
        int networkCount = intOption("networks", 8);
        List<String> networks = new ArrayList<>();
        for (int i = 0; i < networkCount; i++) {
            networks.add(network());
        }
        header("load");
        List<String> perClient = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            perClient.add(networks.get(i % networkCount));
        }
        run(clients + " clients, " + networkCount + " networks", perClient);
    }

    // ---------------------------------------------------------------- measuring

    /** One client per entry of {@code networks}, each logging single entries into its network; warm-up excluded. */
    private Result run(String label, List<String> networks) throws InterruptedException {
        return run(label, networks, intOption("seconds", 20), intOption("warmup", 3));
    }

    private Result run(String label, List<String> networks, int seconds, int warmup) throws InterruptedException {
        Result result = new Result(label, networks.size(), (int) networks.stream().distinct().count(), seconds);
        long warmupEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
        long ends = warmupEnds + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> clients = new ArrayList<>();
        for (String network : networks) {
            Thread client = new Thread(() -> {
                Histogram latencies = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
                Map<String, Long> refusals = new TreeMap<>();
                long acknowledged = 0;
                while (System.nanoTime() < ends) {
                    boolean counted = System.nanoTime() >= warmupEnds;
                    long start = System.nanoTime();
                    String outcome = logEntry(network);
                    long micros = (System.nanoTime() - start) / 1_000;
                    if (counted) {
                        latencies.recordValue(Math.min(micros, latencies.getHighestTrackableValue()));
                        if ("201".equals(outcome)) {
                            acknowledged++;
                        } else {
                            refusals.merge(outcome, 1L, Long::sum);
                        }
                    }
                }
                result.add(latencies, acknowledged, refusals);
            }, "client-" + clients.size());
            clients.add(client);
            client.start();
        }
        TimeUnit.NANOSECONDS.sleep(Math.max(0, warmupEnds - System.nanoTime()));
        CpuTimes before = CpuTimes.now(platformProcess);
        for (Thread client : clients) {
            client.join();
        }
        CpuTimes used = CpuTimes.now(platformProcess).minus(before);
        result.print();
        lastRun = used.print(seconds, result.acknowledged);
        return result;
    }

    /** The CPU the last run used, when the platform's could be measured. */
    private CpuTimes.Used lastRun;

    /**
     * CPU time of the platform (when this program started it), of its threads by kind (read from Linux's {@code /proc},
     * else none), and of this program, in nanoseconds. On a machine of n cores, a run whose platform and load together
     * keep them busy cannot go faster by adding clients: the scale ratio is then bounded by n over the cores one
     * client's run keeps busy. The threads' kinds (request threads, each processor, the group commit, the embedded
     * server, the JIT compiler, the garbage collector) say where a command's CPU goes.
     */
    private record CpuTimes(long platform, Map<String, Long> threads, long load) {
        /** Linux counts a thread's CPU time in ticks of 1/100 s on every common platform. */
        private static final long NANOS_PER_TICK = 10_000_000L;
        /** A thread's kind: its name without the number that tells threads of one pool apart. */
        private static final java.util.regex.Pattern NUMBERED = java.util.regex.Pattern.compile("[-#]?\\d+$");
        /** How HotSpot names its compiler threads, as Linux shows them (names are cut at 15 characters). */
        private static final String COMPILER = "CompilerThre";

        static CpuTimes now(ProcessHandle platform) {
            long platformNanos = platform == null ? -1
                    : platform.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
            long loadNanos = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                                     instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
            return new CpuTimes(platformNanos, platform == null ? null : threadNanos(platform.pid()), loadNanos);
        }

        /** The CPU time of the process's threads by kind, or null without {@code /proc}. */
        private static Map<String, Long> threadNanos(long pid) {
            Path tasks = Path.of("/proc", Long.toString(pid), "task");
            if (!Files.isDirectory(tasks)) {
                return null;
            }
            Map<String, Long> byKind = new TreeMap<>();
            try (Stream<Path> threads = Files.list(tasks)) {
                for (Path thread : threads.toList()) {
                    try {
                        String stat = Files.readString(thread.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        byKind.merge(NUMBERED.matcher(name).replaceFirst(""), ticks * NANOS_PER_TICK, Long::sum);
                    } catch (IOException | RuntimeException gone) {
                        // the thread ended between the listing and the read
                    }
                }
            } catch (IOException unreadable) {
                return null;
            }
            return byKind;
        }

        CpuTimes minus(CpuTimes earlier) {
            Map<String, Long> used = null;
            if (threads != null && earlier.threads != null) {
                used = new TreeMap<>();
                for (Map.Entry<String, Long> kind : threads.entrySet()) {
                    // a thread that ended in between takes its time with it: never less than nothing
                    used.put(kind.getKey(), Math.max(0, kind.getValue() - earlier.threads.getOrDefault(kind.getKey(), 0L)));
                }
            }
            return new CpuTimes(difference(platform, earlier.platform), used, difference(load, earlier.load));
        }

        private static long difference(long later, long earlier) {
            return later < 0 || earlier < 0 ? -1 : later - earlier;
        }

        private long compiler() {
            return threads == null ? -1 : threads.entrySet().stream().filter(kind -> kind.getKey().contains(COMPILER))
                                                 .mapToLong(Map.Entry::getValue).sum();
        }

        /** The cores used over a run of {@code seconds}, as printed. */
        record Used(double platformCores, double compilerCores) {
        }

        Used print(int seconds, long acknowledged) {
            double wall = seconds * 1e9;
            long compiler = compiler();
            String platformPart = platform < 0 ? "platform not measured"
                    : String.format(Locale.ROOT, "platform %.2f cores%s, %.1f ms per acknowledged command",
                                    platform / wall,
                                    compiler < 0 ? "" : String.format(Locale.ROOT, " (its JIT compiler %.2f)",
                                                                      compiler / wall),
                                    acknowledged == 0 ? 0 : platform / 1e6 / acknowledged);
            System.out.printf(Locale.ROOT, "  %-44s %s; load program %.2f cores (of %d)%n", "  CPU while measured:",
                              platformPart, load / wall, Runtime.getRuntime().availableProcessors());
            if (threads != null && acknowledged > 0) {
                // the kinds that used at least 2% of a core, most first, as ms of CPU per acknowledged command
                String kinds = threads.entrySet().stream().filter(kind -> kind.getValue() >= 0.02 * wall)
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .map(kind -> String.format(Locale.ROOT, "%s %.2f", kind.getKey(), kind.getValue() / 1e6 / acknowledged))
                        .collect(java.util.stream.Collectors.joining(", "));
                System.out.printf(Locale.ROOT, "  %-44s %s%n", "  of it, ms per command, by thread:", kinds);
            }
            return platform < 0 || compiler < 0 ? null : new Used(platform / wall, compiler / wall);
        }
    }

    /** Logs one entry; answers the status, or what went wrong when there was none. */
    private String logEntry(String network) {
        long n = names.incrementAndGet();
        String body = """
                {"kind":"grant","title":"Load %d","occurredOn":"%s","source":"document"}"""
                .formatted(n, datedToday ? LocalDate.now() : FOUNDED.plusDays(1 + n % 3_000));
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/networks/" + network + "/entries/success-achieved"))
                               .timeout(REQUEST_TIMEOUT)
                               .header("Content-Type", "application/json")
                               .header("Authorization", "Bearer " + coordinatorToken)
                               .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return Integer.toString(response.statusCode());
        } catch (HttpTimeoutException e) {
            return "timeout";
        } catch (IOException e) {
            return "io-error";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Acknowledged commands, latencies and refusals of one measured run, merged over its clients. */
    private static final class Result {
        private final String label;
        private final int clients;
        private final int networks;
        private final int seconds;
        private final Histogram latencies = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        private final Map<String, Long> refusals = new TreeMap<>();
        private long acknowledged;

        Result(String label, int clients, int networks, int seconds) {
            this.label = label;
            this.clients = clients;
            this.networks = networks;
            this.seconds = seconds;
        }

        synchronized void add(Histogram latencies, long acknowledged, Map<String, Long> refusals) {
            this.latencies.add(latencies);
            this.acknowledged += acknowledged;
            refusals.forEach((status, count) -> this.refusals.merge(status, count, Long::sum));
        }

        double rate() {
            return acknowledged / (double) seconds;
        }

        double p95() {
            return latencies.getValueAtPercentile(95) / 1_000.0;
        }

        void print() {
            System.out.printf(Locale.ROOT, "  %-44s %7d %8d %5d %9.1f %8.1f %8.1f %8.1f %8.1f  %s%n", label, clients,
                              networks, seconds, rate(), latencies.getValueAtPercentile(50) / 1_000.0, p95(),
                              latencies.getValueAtPercentile(99) / 1_000.0, latencies.getMaxValue() / 1_000.0,
                              refusals.isEmpty() ? "none" : refusals.toString());
        }
    }

    private static void header(String title) {
        System.out.printf("%n%s%n  %-44s %7s %8s %5s %9s %8s %8s %8s %8s  %s%n", title, "run", "clients", "networks",
                          "secs", "acked/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "refusals by status");
    }

    private static void ratio(String what, double value, String target) {
        System.out.printf(Locale.ROOT, "  ratio %s: %.2f (target %s)%n", what, value, target);
    }

    // ---------------------------------------------------------------- set-up through the API

    private void setUpCoordinator() throws IOException, InterruptedException {
        String user = "load-coordinator-" + Long.toHexString(System.nanoTime());
        String password = secret();
        JsonNode created = send("POST", "/api/admin/users", """
                {"username":"%s","displayName":"Load coordinator","password":"%s"}""".formatted(user, password),
                                "application/json", adminToken, 201);
        coordinatorId = created.get("userId").asText();
        coordinatorToken = token(user, password);
    }

    /** Founds a network and lets the load coordinator coordinate it. */
    private String network() throws IOException, InterruptedException {
        return network(FOUNDED);
    }

    private String network(LocalDate foundedOn) throws IOException, InterruptedException {
        JsonNode founded = send("POST", "/api/networks", """
                {"name":"Load network %d","collaborationForm":"network","foundedOn":"%s"}"""
                .formatted(names.incrementAndGet(), foundedOn), "application/json", adminToken, 201);
        String network = founded.get("networkId").asText();
        send("POST", "/api/admin/users/" + coordinatorId + "/grants", """
                {"networkId":"%s","role":"coordinator"}""".formatted(network), "application/json", adminToken, 201);
        return network;
    }

    /**
     * Fills a network with entries through the import endpoint, in files well under its size and count limits; answers
     * the position of the last entry.
     */
    private long prefill(String network, int entries) throws IOException, InterruptedException {
        int perFile = 2_500;
        long position = -1;
        for (int from = 0; from < entries; from += perFile) {
            StringBuilder file = new StringBuilder();
            for (int i = from; i < Math.min(entries, from + perFile); i++) {
                file.append("""
                        {"type":"success-achieved","kind":"grant","title":"History %d","occurredOn":"%s","source":"minutes"}
                        """.formatted(i, FOUNDED.plusDays(1 + i % 3_000)));
            }
            position = send("POST", "/api/networks/" + network + "/imports", file.toString(), "application/x-ndjson",
                            coordinatorToken, 201).get("position").asLong();
        }
        return position;
    }

    /**
     * Fills a network with partners and then a working life spread evenly from its founding to yesterday: meetings
     * with three to five partners, contributions, successes, temperature readings and balance ratings, in import files
     * of at most 2,000 lines. Notes in {@code between} the instant after each file (the "known at" moments of compare);
     * answers the position of the last entry.
     */
    private long healthPrefill(String network, LocalDate founded, LocalDate today, List<String> partners, int entries,
                               List<Instant> between) throws IOException, InterruptedException {
        long days = java.time.temporal.ChronoUnit.DAYS.between(founded, today) - 2;
        List<String> lines = new ArrayList<>();
        for (int p = 0; p < partners.size(); p++) {
            lines.add("""
                    {"type":"partner-joined","partnerId":"%s","name":"Partner %d","partnerType":"organisation","participationLevel":"%s","occurredOn":"%s"}"""
                    .formatted(partners.get(p), p + 1, p % 3 == 2 ? "participant" : "core", founded));
        }
        int n = partners.size();
        for (int i = 0; i < entries - partners.size(); i++) {
            LocalDate on = founded.plusDays(1 + days * i / entries);
            String a = partners.get(i % n);
            String b = partners.get((i * 7 + 3) % n);
            if (a.equals(b)) {
                b = partners.get((i + 1) % n);
            }
            lines.add(switch (i % 10) {
                case 0, 1, 2, 3, 4 -> {
                    StringBuilder attendance = new StringBuilder();
                    int present = 3 + i % 3;
                    for (int k = 0; k < present; k++) {
                        attendance.append(k == 0 ? "" : ",").append("""
                                {"partnerId":"%s","level":"%s"}""".formatted(partners.get((i + k * 5) % n),
                                                                                k % 2 == 0 ? "board" : "management"));
                    }
                    yield """
                            {"type":"meeting-held","kind":"formal","modality":"in-person","purpose":"Network table %d","attendance":[%s],"occurredOn":"%s","source":"minutes"}"""
                            .formatted(i, attendance, on);
                }
                case 5, 6 -> """
                        {"type":"contribution-recorded","fromPartnerId":"%s","kind":"capacity","quantity":%d,"unit":"hours","estimatedValueEur":%d,"capital":"%s","status":"delivered","occurredOn":"%s"}"""
                        .formatted(a, 8 + i % 40, 800 + i % 4_000, i % 2 == 0 ? "social" : "economic", on);
                case 7 -> """
                        {"type":"success-achieved","kind":"grant","title":"Success %d","occurredOn":"%s","source":"minutes"}"""
                        .formatted(i, on);
                case 8 -> """
                        {"type":"temperature-measured","pair":["%s","%s"],"level":%d,"signals":["guardedness"],"occurredOn":"%s"}"""
                        .formatted(a, b, 1 + i % 2, on);
                default -> """
                        {"type":"balance-assessed","partnerId":"%s","rating":"skewed-acceptable","occurredOn":"%s"}"""
                        .formatted(a, on);
            });
        }
        long position = -1;
        int perFile = 2_000;
        for (int from = 0; from < lines.size(); from += perFile) {
            String file = String.join("\n", lines.subList(from, Math.min(lines.size(), from + perFile))) + "\n";
            position = send("POST", "/api/networks/" + network + "/imports", file, "application/x-ndjson",
                            coordinatorToken, 201).get("position").asLong();
            between.add(Instant.now());
        }
        return position;
    }

    private String token(String user, String password) throws IOException, InterruptedException {
        return send("POST", "/api/auth/token", JSON.writeValueAsString(Map.of("username", user, "password", password)),
                    "application/json", null, 200).get("accessToken").asText();
    }

    private JsonNode send(String method, String path, String body, String contentType, String bearer, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected && !(expected == 201 && response.statusCode() == 200)) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                                            + response.body());
        }
        return JSON.readTree(response.body());
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
    }

    private static String secret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    // ---------------------------------------------------------------- slow clients

    /**
     * Clients that send the headers of a valid command and then its body one byte every few seconds, each on a
     * connection of its own, from one loopback address or from one address each. When the server answers or hangs up,
     * the client notes how and starts over after one interval.
     */
    private static final class SlowClients {
        private final int count;
        private final long intervalMillis;
        private final String from;
        private final URI target;
        private final byte[] head;
        private final byte[] body;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        private final List<Socket> sockets = new ArrayList<>();
        private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
        private final AtomicLong bytes = new AtomicLong();

        SlowClients(int count, int intervalSeconds, String from, URI target, String network, String token) {
            this.count = count;
            this.intervalMillis = intervalSeconds * 1_000L;
            this.from = from;
            this.target = target;
            this.body = """
                    {"kind":"grant","title":"Slow","occurredOn":"2020-01-01","source":"document"}"""
                    .getBytes(StandardCharsets.UTF_8);
            this.head = ("POST /api/networks/" + network + "/entries/success-achieved HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                         + "Content-Type: application/json\r\nAuthorization: Bearer " + token + "\r\n"
                         + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        }

        void start() {
            for (int i = 0; i < count; i++) {
                String address = "spread".equals(from) ? "127.0." + (1 + i / 250) + "." + (1 + i % 250) : from;
                Thread thread = new Thread(() -> trickle(address), "slow-" + i);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }

        private void trickle(String address) {
            while (running.get()) {
                String outcome;
                try (Socket socket = new Socket()) {
                    register(socket);
                    socket.bind(new InetSocketAddress(address, 0));
                    socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), 5_000);
                    count("connected");
                    socket.setSoTimeout((int) intervalMillis);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = socket.getInputStream();
                    out.write(head);
                    outcome = null;
                    for (int i = 0; i < body.length && outcome == null && running.get(); i++) {
                        out.write(body[i]);
                        out.flush();
                        bytes.incrementAndGet();
                        outcome = answer(in);
                    }
                    if (outcome == null) {
                        outcome = running.get() ? "whole body sent" : null;
                    }
                } catch (IOException e) {
                    outcome = running.get() ? "connection failed (" + e.getClass().getSimpleName() + ")" : null;
                }
                if (outcome == null) {
                    return;
                }
                count(outcome);
                pause();
            }
        }

        /** Waits one interval for an answer; null when the server is still waiting for the body. */
        private static String answer(InputStream in) throws IOException {
            try {
                int first = in.read();
                if (first < 0) {
                    return "closed without answer";
                }
                byte[] status = new byte[12];
                int read = in.readNBytes(status, 0, status.length);
                String line = ((char) first + new String(status, 0, read, StandardCharsets.US_ASCII));
                return line.length() >= 12 ? "answered " + line.substring(9, 12) : "answered (garbled)";
            } catch (SocketTimeoutException stillWaiting) {
                return null;
            }
        }

        private synchronized void register(Socket socket) {
            sockets.add(socket);
        }

        private void count(String outcome) {
            outcomes.computeIfAbsent(outcome, key -> new AtomicLong()).incrementAndGet();
        }

        private void pause() {
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        String summary() {
            StringBuilder summary = new StringBuilder(String.format("%,d body bytes trickled", bytes.get()));
            outcomes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> summary.append(", ").append(e.getKey()).append(": ").append(e.getValue().get()));
            return summary.toString();
        }

        void stop() throws InterruptedException {
            running.set(false);
            synchronized (this) {
                for (Socket socket : sockets) {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // closing anyway
                    }
                }
            }
            for (Thread thread : threads) {
                thread.interrupt();
                thread.join(2_000);
            }
        }
    }

    // ---------------------------------------------------------------- the platform as a child process

    /** The embedded platform (H2 backend) in a process of its own, on free ports, with its data in a temp dir. */
    private static final class ChildPlatform implements AutoCloseable {
        final Path jar;
        final Path dataDir;
        final int commandPort;
        final int queryPort;
        final String adminUser = "load-admin";
        final String adminPassword;
        private final Process process;

        private ChildPlatform(Path jar, Path dataDir, int commandPort, int queryPort, String adminPassword,
                              Process process) {
            this.jar = jar;
            this.dataDir = dataDir;
            this.commandPort = commandPort;
            this.queryPort = queryPort;
            this.adminPassword = adminPassword;
            this.process = process;
        }

        static ChildPlatform start(Path jar, List<String> args) throws IOException, InterruptedException {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build it first (mvn -o -q -DskipTests package -pl platform -am)");
            }
            Path dataDir = Files.createTempDirectory("samenspel-load-");
            int[] ports = freePorts(3);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                    "-XX:MaxMetaspaceSize=256m", "-jar", jar.toAbsolutePath().toString()));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(dataDir.resolve("platform.log").toFile());
            builder.environment().put("SAMENSPEL_DATA_DIR", dataDir.resolve("data").toString());
            builder.environment().put("SAMENSPEL_STORE_PORT", Integer.toString(ports[0]));
            builder.environment().put("COMMAND_PORT", Integer.toString(ports[1]));
            builder.environment().put("QUERY_PORT", Integer.toString(ports[2]));
            builder.environment().remove("MONGODB_URI");
            String password = secret();
            builder.environment().put("SAMENSPEL_ADMIN_USERNAME", "load-admin");
            builder.environment().put("SAMENSPEL_ADMIN_PASSWORD", password);
            ChildPlatform started = new ChildPlatform(jar, dataDir, ports[1], ports[2], password, builder.start());
            started.awaitReady();
            return started;
        }

        /** Waits until the command port answers its health check; gives up (and stops the child) after 15 minutes. */
        private void awaitReady() throws IOException, InterruptedException {
            HttpClient probe = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    HttpResponse<Void> health = probe.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + commandPort + "/actuator/health"))
                                       .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                    if (health.statusCode() == 200 && Files.readString(dataDir.resolve("platform.log"))
                                                           .contains("Samenspel is ready")) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(500);
            }
            close();
            throw new IllegalStateException("The platform did not start; see " + dataDir.resolve("platform.log"));
        }

        private static int[] freePorts(int count) throws IOException {
            int[] ports = new int[count];
            List<ServerSocket> held = new ArrayList<>();
            try {
                for (int i = 0; i < count; i++) {
                    ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                    held.add(socket);
                    ports[i] = socket.getLocalPort();
                }
            } finally {
                for (ServerSocket socket : held) {
                    socket.close();
                }
            }
            return ports;
        }

        @Override
        public void close() {
            if (process != null && process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    process.destroyForcibly();
                }
            }
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).filter(p -> !p.endsWith("platform.log")).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.err.println("Could not remove " + dataDir + ": " + e.getMessage());
            }
        }
    }
}
