package nl.samenspel.platform.bench;

import nl.samenspel.command.api.CommandDispatcher;
import nl.samenspel.eventstore.EmbeddedStore;
import nl.samenspel.eventstore.MongoEventStorageEngine;
import nl.samenspel.health.HealthModel;
import nl.samenspel.health.LoggedEntry;
import nl.samenspel.kernel.access.NetworkRole;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.NetworkFounded;
import nl.samenspel.platform.Platform;
import nl.samenspel.platform.demo.DemoLoader;
import nl.samenspel.platform.demo.DemoNetworks;
import nl.samenspel.platform.demo.DemoScript;
import nl.samenspel.support.security.Actor;
import nl.samenspel.support.security.SamenspelPrincipal;
import nl.samenspel.support.security.UserAccount;
import nl.samenspel.support.security.UserStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the health engine and prints its figures: (1) events folded per second by the pure health model on one
 * thread, over the four demo histories; (2) the time to rebuild the health read models of all demo networks from the
 * event store (reset and replay of the live processor), next to a raw read of the same events in the same run.
 *
 * <p>Run: {@code mvn -q -pl platform exec:java -Dexec.mainClass=nl.samenspel.platform.bench.HealthBenchmark}.
 */
public final class HealthBenchmark {
    private HealthBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        LocalDate today = LocalDate.now();
        List<DemoScript> scripts = DemoNetworks.all(today, 2026);
        HealthModel model = HealthModel.standard();

        List<List<LoggedEntry>> logs = new ArrayList<>();
        int events = 0;
        for (DemoScript script : scripts) {
            List<LoggedEntry> log = log(script);
            logs.add(log);
            events += log.size();
        }
        for (int warm = 0; warm < 3; warm++) {
            logs.forEach(log -> model.timeline(log, today));
        }
        int rounds = 10;
        int months = 0;
        long start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (List<LoggedEntry> log : logs) {
                months += model.timeline(log, today).months().size();
            }
        }
        double foldSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Pure health model, one thread, %d demo networks, %,d events, %d rounds:%n", scripts.size(), events, rounds);
        System.out.printf("  %,.0f events folded/s  (%,.0f network-months/s; one full timeline = every month recomputed)%n",
                          events * rounds / foldSeconds, months / foldSeconds);

        try (EmbeddedStore store = EmbeddedStore.inMemory();
             Platform platform = Platform.start(store.uri("bench"), 0, 0,
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

            long rawStart = System.nanoTime();
            long raw = 0;
            for (DemoScript script : scripts) {
                raw += engine.storedEvents(script.networkId.toString()).count();
            }
            double rawSeconds = (System.nanoTime() - rawStart) / 1e9;

            health.shutDown();
            health.resetTokens();
            long rebuildStart = System.nanoTime();
            health.start();
            waitFor(health, head);
            double rebuildSeconds = (System.nanoTime() - rebuildStart) / 1e9;

            System.out.printf("Event store (embedded, memory), %,d events logged through the command path in %.1f s%n",
                              raw, loadSeconds);
            System.out.printf("  raw read of the same events:            %8.3f s  (%,.0f events/s)%n", rawSeconds, raw / rawSeconds);
            System.out.printf("  rebuild of all health read models:      %8.3f s  (%,.0f events/s, %.1fx the raw read)%n",
                              rebuildSeconds, raw / rebuildSeconds, rebuildSeconds / rawSeconds);
        }
        System.exit(0);
    }

    private static void waitFor(StreamingEventProcessor processor, long head) throws InterruptedException {
        while (!(processor.processingStatus().size() == 4 && processor.processingStatus().values().stream()
                .allMatch(s -> s.getCurrentPosition().orElse(0) >= head))) {
            Thread.sleep(20);
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
