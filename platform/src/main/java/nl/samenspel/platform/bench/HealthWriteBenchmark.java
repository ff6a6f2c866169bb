package nl.samenspel.platform.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import nl.samenspel.eventstore.EmbeddedStore;
import nl.samenspel.health.HealthModel;
import nl.samenspel.health.MonthHealth;
import nl.samenspel.query.health.HealthStore;
import nl.samenspel.query.health.HealthVersion;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * What one live health write costs as the store fills with other networks: the health of {@code networks} networks
 * of ten years (121 months each, {@link TenYearNetwork}) is stored on the embedded store (H2, synced, as the default
 * runs), then the current month of one of them is written again as a live batch does. Baseline, same run: the same
 * write with only that one network stored. A ratio near 1 means a write touches what it changes, not every month
 * stored.
 *
 * <p>Run: {@code java -cp platform/target/classes:$(cat /tmp/platform.cp)
 * nl.samenspel.platform.bench.HealthWriteBenchmark [networks, default 40] [h2 | memory]}.
 */
public final class HealthWriteBenchmark {
    private HealthWriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int networks = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        boolean h2 = args.length < 2 || args[1].equals("h2");
        LocalDate today = LocalDate.now();
        List<MonthHealth> months = HealthModel.standard().timeline(TenYearNetwork.generate(2026, today, 10_000, 12), today)
                                              .months();
        liveWrite(2, months, today, h2);  // warm-up: the JIT, the store's first files
        double alone = liveWrite(1, months, today, h2);
        double among = liveWrite(networks, months, today, h2);
        System.out.printf("Health store (%s), one live month written as a batch does, median of 30 after 5:%n",
                          h2 ? "embedded H2, synced" : "embedded, memory");
        System.out.printf("  with 1 network of %d months stored:    %8.1f ms%n", months.size(), alone);
        System.out.printf("  with %d networks of %d months stored: %8.1f ms   ratio %.2f%n", networks, months.size(), among,
                          among / alone);
        System.exit(0);
    }

    private static double liveWrite(int networks, List<MonthHealth> months, LocalDate today, boolean h2) throws Exception {
        Path dir = Files.createTempDirectory("samenspel-health-write");
        try (EmbeddedStore store = h2 ? EmbeddedStore.onDisk(dir.resolve("store.mv"), 0) : EmbeddedStore.inMemory();
             MongoClient client = MongoClients.create(store.uri("bench"))) {
            HealthStore health = new HealthStore(new MongoTemplate(client, "bench"), ServiceJson.MAPPER);
            UUID measured = UUID.randomUUID();
            health.save(measured, months, null, new HealthVersion(10_000, today));
            for (int n = 1; n < networks; n++) {
                health.save(UUID.randomUUID(), months, null, new HealthVersion(10_000, today));
            }
            YearMonth current = months.get(months.size() - 1).month();
            double[] times = new double[30];
            for (int run = -5; run < times.length; run++) {
                long start = System.nanoTime();
                health.save(measured, months, current, new HealthVersion(10_001 + run + 5, today));
                if (run >= 0) {
                    times[run] = (System.nanoTime() - start) / 1e6;
                }
            }
            Arrays.sort(times);
            return times[times.length / 2];
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
