package nl.samenspel.platform.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import nl.samenspel.command.api.CommandDispatcher;
import nl.samenspel.eventstore.EmbeddedStore;
import nl.samenspel.eventstore.MongoEventStorageEngine;
import nl.samenspel.health.EffectiveHistory;
import nl.samenspel.health.HealthModel;
import nl.samenspel.health.IncrementalHealth;
import nl.samenspel.health.LoggedEntry;
import nl.samenspel.health.MonthHealth;
import nl.samenspel.health.NetworkState;
import nl.samenspel.kernel.access.NetworkRole;
import nl.samenspel.kernel.correction.EntryCorrected;
import nl.samenspel.kernel.meeting.MeetingHeld;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.NetworkFounded;
import nl.samenspel.platform.Platform;
import nl.samenspel.platform.SamenspelPlatform;
import nl.samenspel.platform.demo.DemoLoader;
import nl.samenspel.platform.demo.DemoNetworks;
import nl.samenspel.platform.demo.DemoScript;
import nl.samenspel.query.health.MonthText;
import nl.samenspel.support.security.Actor;
import nl.samenspel.support.security.SamenspelPrincipal;
import nl.samenspel.support.security.UserAccount;
import nl.samenspel.support.security.UserStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Measures the health engine and prints its figures: (1) events folded per second by the pure health model on one
 * thread, over the four demo histories; (2) the time to rebuild the health read models of all demo networks from the
 * event store (reset and replay of the live processor), next to a raw read of the same events in the same run.
 * First, and alone with the argument {@code ten-year}, it measures one large network ({@link TenYearNetwork}: ten
 * years, 10,000 entries, 12 partners): the full monthly timeline, a correction of an entry in the founding month
 * through {@link IncrementalHealth}, each next to reading the same 10,000 entries back from an embedded store; with
 * the argument {@code rebuild} it skips that network and measures (1) and (2) only. The rebuild runs on the memory
 * backend, or with the argument {@code h2} on the on-disk store as {@code ./samenspel} opens it (synced before it
 * answers), in a temporary file.
 *
 * <p>Run: {@code mvn -q -pl platform exec:java -Dexec.mainClass=nl.samenspel.platform.bench.HealthBenchmark
 * [-Dexec.args=ten-year|rebuild|"rebuild h2"]}.
 */
public final class HealthBenchmark {
    /**
     * Rounds of every measure of the ten-year network before the measured ones, the same for the fold and the store
     * read it is compared with; for the demo networks the least before the warm-up waits for the JIT compiler to quiet.
     */
    private static final int WARM_UP = 25;
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private HealthBenchmark() {
    }

    /**
     * Ends the JVM once the program is done, also when it failed: the platform it starts leaves a thread behind that
     * keeps the JVM alive, so a failed run printed its error and then hung.
     */
    public static void main(String[] args) {
        int status = 0;
        try {
            measure(args);
        } catch (Throwable failure) {
            failure.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static void measure(String[] args) throws Exception {
        LocalDate today = LocalDate.now();
        if (!Arrays.asList(args).contains("rebuild")) {
            tenYearNetwork(today);
        }
        if (Arrays.asList(args).contains("ten-year")) {
            return;
        }
        List<DemoScript> scripts = DemoNetworks.all(today, 2026);
        HealthModel model = HealthModel.standard();

        List<List<LoggedEntry>> logs = new ArrayList<>();
        int events = 0;
        for (DemoScript script : scripts) {
            List<LoggedEntry> log = log(script);
            logs.add(log);
            events += log.size();
        }
        int modelWarmRounds = untilCompilerQuiet(() -> logs.forEach(log -> model.timeline(log, today)), WARM_UP, 1000);
        int rounds = 10;
        int months = 0;
        long start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (List<LoggedEntry> log : logs) {
                months += model.timeline(log, today).months().size();
            }
        }
        double foldSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Pure health model, one thread, %d demo networks, %,d events, %d rounds after %d until the JIT compiler quieted:%n",
                          scripts.size(), events, rounds, modelWarmRounds);
        System.out.printf("  %,.0f events folded/s  (%,.0f network-months/s; one full timeline = every month recomputed)%n",
                          events * rounds / foldSeconds, months / foldSeconds);
        storedForms(logs.stream().flatMap(log -> model.timeline(log, today).months().stream()).toList());

        boolean onDisk = Arrays.asList(args).contains("h2");
        Path file = onDisk ? Files.createTempDirectory("health-bench").resolve("store.mv") : null;
        try (EmbeddedStore store = onDisk ? EmbeddedStore.onDisk(file, 0) : EmbeddedStore.inMemory();
             Platform platform = Platform.start(store.uri("bench"), 0, 0, SamenspelPlatform.SOLE_WRITER_OPTION + "true",
                                                "--samenspel.security.token-secret=" + "b".repeat(48),
                                                "--logging.level.root=WARN")) {
            UserStore users = platform.commands().getBean(UserStore.class);
            UserAccount admin = users.create("bench-admin", "Bench", null, true);
            UserAccount coordinator = users.create("bench-coordinator", "Bench", null, false);
            for (DemoScript script : scripts) {
                users.grant(coordinator.userId(), script.networkId, NetworkRole.COORDINATOR);
            }
            CommandDispatcher dispatcher = platform.commands().getBean(CommandDispatcher.class);
            long loadStart = System.nanoTime();
            for (DemoScript script : scripts) {
                DemoLoader.load(script, dispatcher, new Actor(SamenspelPrincipal.of(admin), "admin"),
                                new Actor(SamenspelPrincipal.of(coordinator), "coordinator"));
            }
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            MongoEventStorageEngine engine = platform.commands().getBean(MongoEventStorageEngine.class);
            long head = engine.head();
            StreamingEventProcessor health = platform.queries().getBean(EventProcessingConfiguration.class)
                                                     .eventProcessor("health", StreamingEventProcessor.class).orElseThrow();
            waitFor(health, head);

            // The first replay runs on code the JIT has seen only for live batches; it is shown apart. Then rounds
            // that are not measured run until the JIT compiler has quieted (a replay touches code of the store, the
            // processor, the model and the writes that live batches did not make hot, and the compiler went on for
            // hundreds of rounds), then the measured ones. Each round reads the same events raw right after its
            // replay, so both sides see the same machine.
            Round first = rebuildRound(health, head, engine, scripts);
            int warmRounds = 1 + untilCompilerQuiet(() -> rebuildRound(health, head, engine, scripts), WARM_UP / 2, 600);
            int measured = 10;
            double[] rebuild = new double[measured];
            double[] rawRead = new double[measured];
            double[] rebuildCpu = new double[measured];
            for (int round = 0; round < measured; round++) {
                Round r = rebuildRound(health, head, engine, scripts);
                rebuild[round] = r.rebuild();
                rawRead[round] = r.rawRead();
                rebuildCpu[round] = r.cpu();
            }

            System.out.printf("Event store (embedded, %s), %,d events logged through the command path in %.1f s%n",
                              onDisk ? "H2, synced before it answers" : "memory", first.events(), loadSeconds);
            System.out.printf("  first rebuild of all health read models: %7.1f ms  raw read of the same events %.1f ms  (%.1fx)%n",
                              first.rebuild() * 1e3, first.rawRead() * 1e3, first.rebuild() / first.rawRead());
            System.out.printf("  later rebuilds, median of %d after %d until the JIT compiler quieted: %5.1f ms  raw read, median %.1f ms  (%.1fx)%n",
                              measured, warmRounds, median(rebuild) * 1e3, median(rawRead) * 1e3,
                              median(rebuild) / median(rawRead));
            // The process's CPU time moves in steps of 10 ms here, so a median of rounds of 30 ms lands on a step;
            // the mean of the rounds does not.
            double meanCpu = Arrays.stream(rebuildCpu).average().orElse(0);
            double meanRebuild = Arrays.stream(rebuild).average().orElse(0);
            System.out.printf("  the process's CPU during those rebuilds, mean %.1f ms (%.2f of the %d cores busy)%n",
                              meanCpu * 1e3, meanCpu / meanRebuild,
                              Runtime.getRuntime().availableProcessors());
            System.out.printf("  (the health model alone computes these networks' timelines in %.1f ms on one thread: %.1fx the raw read)%n",
                              foldSeconds / rounds * 1e3, foldSeconds / rounds / median(rawRead));
        } finally {
            if (file != null) {
                Files.deleteIfExists(file);
                Files.deleteIfExists(file.getParent());
            }
        }
    }

    /**
     * The demo networks' months as the health store keeps them (with evidence counts, as every month but the latest):
     * in Smile, and as JSON text as the build before kept them; each written and read back on one thread.
     */
    private static void storedForms(List<MonthHealth> months) {
        ObjectMapper json = ServiceJson.MAPPER;
        MonthText text = new MonthText(json);
        MonthText smile = MonthText.smile(json);
        List<byte[]> texts = months.stream().map(text::counted).toList();
        List<byte[]> smiles = months.stream().map(smile::counted).toList();
        // One round: writing as text, writing in Smile, parsing the text, reading Smile (seconds each).
        Supplier<double[]> round = () -> {
            long start = System.nanoTime();
            months.forEach(text::counted);
            long wroteText = System.nanoTime();
            months.forEach(smile::counted);
            long wroteSmile = System.nanoTime();
            texts.forEach(bytes -> Document.parse(new String(bytes, StandardCharsets.UTF_8)));
            long readText = System.nanoTime();
            smiles.forEach(smile::read);
            long readSmile = System.nanoTime();
            return new double[]{(wroteText - start) / 1e9, (wroteSmile - wroteText) / 1e9,
                                (readText - wroteSmile) / 1e9, (readSmile - readText) / 1e9};
        };
        int warmRounds = untilCompilerQuiet(round::get, WARM_UP, 1000);
        int rounds = 20;
        double[] seconds = new double[4];
        for (int r = 0; r < rounds; r++) {
            double[] took = round.get();
            for (int i = 0; i < seconds.length; i++) {
                seconds[i] += took[i];
            }
        }
        long textBytes = texts.stream().mapToLong(bytes -> bytes.length).sum();
        long smileBytes = smiles.stream().mapToLong(bytes -> bytes.length).sum();
        System.out.printf("Their %d months as stored, one thread, %d rounds after %d until the JIT compiler quieted:%n",
                          months.size(), rounds, warmRounds);
        System.out.printf("  JSON text (as stored before): %,d bytes, written in %.2f ms, parsed in %.2f ms%n", textBytes,
                          seconds[0] / rounds * 1e3, seconds[2] / rounds * 1e3);
        System.out.printf("  Smile:                        %,d bytes (%.2fx), written in %.2f ms (%.2fx), read in %.2f ms (%.2fx)%n",
                          smileBytes, smileBytes / (double) textBytes, seconds[1] / rounds * 1e3, seconds[1] / seconds[0],
                          seconds[3] / rounds * 1e3, seconds[3] / seconds[2]);
    }

    /**
     * One network of ten years and 10,000 entries: (a) its full timeline, (b) reading its entries from an embedded
     * store, (c) a correction in its founding month through the incremental fold, (d) events folded per second.
     */
    private static void tenYearNetwork(LocalDate today) throws Exception {
        int entries = 10_000;
        List<LoggedEntry> log = TenYearNetwork.generate(2026, today, entries, 12);
        HealthModel model = HealthModel.standard();
        int runs = 15;

        LoggedEntry target = log.stream().filter(e -> e.event() instanceof MeetingHeld)
                                .filter(e -> e.occurredOn().getMonth() == log.get(0).occurredOn().getMonth()
                                             && e.occurredOn().getYear() == log.get(0).occurredOn().getYear())
                                .findFirst().orElseThrow();
        MeetingHeld meeting = (MeetingHeld) target.event();
        MeetingHeld moved = new MeetingHeld(meeting.networkId(), meeting.meetingId(), meeting.kind(), meeting.modality(),
                                            meeting.purpose(), meeting.attendance().subList(0, 1), meeting.occurredOn().plusDays(1),
                                            meeting.source(), meeting.note());
        LoggedEntry correction = new LoggedEntry(UUID.randomUUID().toString(), log.size(), Instant.now(),
                new EntryCorrected(meeting.networkId(), target.eventId(), "Fewer attended", moved, today, null, null));

        // (e) the state fold alone: every entry applied to the network state, no month evaluated
        List<LoggedEntry> effective = EffectiveHistory.of(log);
        for (int warm = 0; warm < 200; warm++) {
            NetworkState.of(effective).get(NetworkState.STANDING);
        }
        int foldRounds = 50;
        double[] fold = new double[runs];
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            for (int round = 0; round < foldRounds; round++) {
                NetworkState.of(effective).get(NetworkState.STANDING);
            }
            fold[run] = seconds(start) / foldRounds;
        }

        // (a), (b) and (c) take turns within each round, warm-up rounds first, so that the JIT, the heap and the
        // machine treat the fold and the store read it is compared with alike
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] timeline = new double[runs];
        double[] timelineCpu = new double[runs];
        double[] corrected = new double[runs];
        double[] correctedCpu = new double[runs];
        double[] read = new double[runs];
        double[] scan = new double[runs];
        int months = 0;
        try (EmbeddedStore store = EmbeddedStore.inMemory();
             MongoClient client = MongoClients.create(store.uri("bench"))) {
            MongoDatabase database = client.getDatabase("bench");
            JacksonSerializer serializer = JacksonSerializer.builder()
                    .objectMapper(JsonMapper.builder().findAndAddModules().build()).build();
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(database).collectionPrefix("ten_")
                    .eventSerializer(serializer).snapshotSerializer(serializer).build();
            String aggregate = log.get(0).event().networkId().toString();
            for (int i = 0; i < log.size(); i += 100) {
                List<EventMessage<?>> commit = new ArrayList<>();
                for (int k = i; k < Math.min(i + 100, log.size()); k++) {
                    commit.add(new GenericDomainEventMessage<>("Network", aggregate, k, log.get(k).event()));
                }
                engine.appendEvents(commit);
            }
            for (int run = -WARM_UP; run < runs; run++) {
                // (a) the full monthly timeline; the fold runs on this one thread, so its CPU time shows the work
                // even when other processes share the cores
                long cpu = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                months = model.timeline(log, today).months().size();
                double timelineSeconds = seconds(start);
                double timelineCpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;

                // (c) a correction in the founding month, through the incremental fold
                IncrementalHealth incremental = new IncrementalHealth(model);
                incremental.add(log, today);
                cpu = threads.getCurrentThreadCpuTime();
                start = System.nanoTime();
                incremental.add(List.of(correction), today);
                double correctedSeconds = seconds(start);
                double correctedCpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;

                // (b) the same entries read back from the store through the engine, and as a raw driver scan
                start = System.nanoTime();
                List<LoggedEntry> back = new ArrayList<>(entries);
                try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
                    stream.forEach(m -> back.add(new LoggedEntry(m.getIdentifier(), back.size(),
                                                                 m.getTimestamp(), (NetworkEvent) m.getPayload())));
                }
                double readSeconds = seconds(start);
                long rawStart = System.nanoTime();
                long count = 0;
                for (Document ignored : database.getCollection("ten_events").find()) {
                    count++;
                }
                double rawSeconds = seconds(rawStart);
                if (back.size() != entries || count != entries) {
                    throw new IllegalStateException("read " + back.size() + " / " + count + " entries, expected " + entries);
                }
                if (run >= 0) {
                    timeline[run] = timelineSeconds;
                    timelineCpu[run] = timelineCpuSeconds;
                    corrected[run] = correctedSeconds;
                    correctedCpu[run] = correctedCpuSeconds;
                    read[run] = readSeconds;
                    scan[run] = rawSeconds;
                }
            }
        }
        double a = median(timeline);
        double b = median(read);
        double raw = median(scan);
        double c = median(corrected);
        System.out.printf("Ten-year network: %,d entries, 12 partners, %d months; medians of %d rounds after %d warm-up rounds%n",
                          entries, months, runs, WARM_UP);
        System.out.printf("  (b) read the entries from the embedded store (engine, payloads): %8.1f ms   (raw driver scan %.1f ms)%n",
                          b * 1e3, raw * 1e3);
        System.out.printf("  (a) full monthly timeline:                                     %8.1f ms   a/b = %.2f  (a/raw = %.2f; CPU %.1f ms)%n",
                          a * 1e3, a / b, a / raw, median(timelineCpu) * 1e3);
        System.out.printf("  (c) correction in the founding month, IncrementalHealth.add:   %8.1f ms   c/b = %.2f  (CPU %.1f ms)%n",
                          c * 1e3, c / b, median(correctedCpu) * 1e3);
        System.out.printf("  (e) state fold alone (every entry applied to the network state, no month evaluated): %.2f ms, %,.0f entries/s%n",
                          median(fold) * 1e3, effective.size() / median(fold));
        System.out.printf("  (d) %,.0f events folded/s over the full timeline (%,.0f network-months/s)%n",
                          entries / a, months / a);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** One rebuild: its wall time, the process's CPU during it, then a raw read of the same events (seconds). */
    private record Round(double rebuild, double cpu, double rawRead, long events) {
    }

    private static Round rebuildRound(StreamingEventProcessor health, long head, MongoEventStorageEngine engine,
                                      List<DemoScript> scripts) {
        health.shutDown();
        health.resetTokens();
        long cpuStart = PROCESS.getProcessCpuTime();
        long start = System.nanoTime();
        health.start();
        try {
            waitFor(health, head);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double rebuild = seconds(start);
        double cpu = (PROCESS.getProcessCpuTime() - cpuStart) / 1e9;
        long rawStart = System.nanoTime();
        long events = 0;
        for (DemoScript script : scripts) {
            events += engine.storedEvents(script.networkId.toString()).count();
        }
        return new Round(rebuild, cpu, seconds(rawStart), events);
    }

    /**
     * Runs {@code round} in blocks of ten until the JIT compiler spent under 2% of a block's time compiling, at least
     * {@code min} and at most {@code max} rounds; answers how many ran.
     */
    private static int untilCompilerQuiet(Runnable round, int min, int max) {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        int rounds = 0;
        while (rounds < max) {
            long compiledBefore = compiler.getTotalCompilationTime();
            long start = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                round.run();
            }
            rounds += 10;
            double compiling = (compiler.getTotalCompilationTime() - compiledBefore) / (seconds(start) * 1e3);
            if (rounds >= min && compiling < 0.02) {
                break;
            }
        }
        return rounds;
    }

    private static void waitFor(StreamingEventProcessor processor, long head) throws InterruptedException {
        while (!(processor.processingStatus().size() == 4 && processor.processingStatus().values().stream()
                .allMatch(s -> s.getCurrentPosition().orElse(0) >= head))) {
            Thread.sleep(1);
        }
    }

    private static List<LoggedEntry> log(DemoScript script) {
        List<NetworkEvent> events = new ArrayList<>();
        events.add(new NetworkFounded(script.networkId, script.name, script.sector, script.region, script.form,
                                      script.societalTask, script.foundedOn, null, null));
        events.addAll(script.entries());
        List<LoggedEntry> log = new ArrayList<>();
        Instant recorded = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < events.size(); i++) {
            log.add(new LoggedEntry(script.networkId + ":" + i, i, recorded.plusSeconds(i), events.get(i)));
        }
        return log;
    }
}
