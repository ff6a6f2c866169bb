package nl.samenspel.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import nl.samenspel.eventstore.EmbeddedStore;
import nl.samenspel.eventstore.EmbeddedStore.Durability;
import nl.samenspel.eventstore.MongoEventStorageEngine;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What it costs that the embedded H2 store answers a write only once it is on disk: the same writes, in the same run,
 * against a store that commits in the background ({@link Durability#BACKGROUND}, the baseline) and one that commits and
 * syncs before answering ({@link Durability#ON_ACKNOWLEDGE}), with one writer and with eight.
 *
 * <p>Arguments: {@code [maxEventsPerMeasure=20000] [maxSecondsPerMeasure=3] [rounds=3]}. Each measure stops at
 * whichever bound it reaches first; the figures are medians over the rounds.
 */
public final class DurabilityBenchmark {
    private static final int BATCH = 5;
    /** Every engine the measures append through, closed before their stores. */
    private static final List<MongoEventStorageEngine> ENGINES = new ArrayList<>();

    record PartnerJoinedLike(String networkId, String partnerId, String name, String partnerType, String level,
                             String occurredOn, String note) {
    }

    /** One measure: writes events with {@code writers} threads until the bounds are reached. */
    private interface Writer {
        /** Writes one unit (one or {@value #BATCH} events) for writer {@code writer}; answers how many events. */
        int write(int writer, long unit);
    }

    public static void main(String[] args) throws Exception {
        int maxEvents = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        double maxSeconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        System.out.printf("Samenspel durability benchmark: H2 backend, each measure up to %,d events or %.0f s, "
                          + "median of %d rounds, the two stores taking turns%n", maxEvents, maxSeconds, rounds);
        Durability[] modes = {Durability.BACKGROUND, Durability.ON_ACKNOWLEDGE};
        Path dir = Files.createTempDirectory("samenspel-durability");
        Map<String, List<List<Double>>> results = new LinkedHashMap<>();
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        List<EmbeddedStore> stores = new ArrayList<>();
        List<MongoClient> clients = new ArrayList<>();
        try {
            List<Map<String, Writer>> measures = new ArrayList<>();
            for (Durability mode : modes) {
                EmbeddedStore store = EmbeddedStore.onDisk(dir.resolve(mode + ".mv"), 0, mode);
                stores.add(store);
                MongoClient client = MongoClients.create(store.uri("bench"));
                clients.add(client);
                MongoDatabase database = client.getDatabase("bench");
                warmUp(database, serializer);
                measures.add(measures(database, serializer));
            }
            // Alternating the stores within each round keeps a machine whose load drifts from favouring either one.
            for (int round = 0; round < rounds; round++) {
                for (String name : measures.get(0).keySet()) {
                    int writers = name.contains(", 8 writers") ? 8 : 1;
                    for (int k = 0; k < modes.length; k++) {
                        int m = (round + k) % modes.length;
                        double rate = measure(writers, maxEvents, maxSeconds, measures.get(m).get(name));
                        results.computeIfAbsent(name, n -> List.of(new ArrayList<>(), new ArrayList<>())).get(m).add(rate);
                        System.out.printf("  round %d %-14s %-36s %,10.0f events/s%n", round + 1, modes[m], name, rate);
                    }
                }
            }
        } finally {
            // The engines write the heads still pending before their stores go.
            ENGINES.forEach(MongoEventStorageEngine::close);
            clients.forEach(MongoClient::close);
            stores.forEach(EmbeddedStore::close);
        }
        for (Durability mode : modes) {
            System.out.printf("%s: store file %,d KB after the run%n", mode, Files.size(dir.resolve(mode + ".mv")) / 1024);
        }

        System.out.println();
        System.out.printf("%-40s %14s %16s %8s%n", "measure (events/s, median)", "BACKGROUND", "ON_ACKNOWLEDGE", "ratio");
        results.forEach((name, r) -> {
            double background = median(r.get(0));
            double durable = median(r.get(1));
            System.out.printf("%-40s %,14.0f %,16.0f %7.2fx%n", name, background, durable, durable / background);
        });
        System.out.println("ratio = ON_ACKNOWLEDGE / BACKGROUND (synced before the answer / committed within a second)");
    }

    /** The six measures on one store: raw insertOne, raw insertMany and engine appends, by one and by eight writers. */
    private static Map<String, Writer> measures(MongoDatabase database, JacksonSerializer serializer) {
        Map<String, Writer> measures = new LinkedHashMap<>();
        for (int writers : new int[]{1, 8}) {
            String by = writers == 1 ? ", 1 writer" : ", 8 writers";
            // Units count on across rounds, so ids and sequence numbers stay unique.
            AtomicLong units = new AtomicLong();
            MongoCollection<Document> one = database.getCollection("one_" + writers);
            measures.put("raw insertOne" + by, (w, unit) -> {
                one.insertOne(document(serializer, w, units.incrementAndGet()));
                return 1;
            });
            MongoCollection<Document> many = database.getCollection("many_" + writers);
            measures.put("raw insertMany of " + BATCH + by, (w, unit) -> {
                List<Document> docs = new ArrayList<>(BATCH);
                long first = units.getAndAdd(BATCH);
                for (int k = 0; k < BATCH; k++) {
                    docs.add(document(serializer, w, first + k));
                }
                many.insertMany(docs);
                return BATCH;
            });
            MongoEventStorageEngine engine = engine(database, serializer, "engine" + writers + "_");
            long[] next = new long[writers];
            measures.put("engine append of 1" + by, (w, unit) -> {
                engine.appendEvents(List.<EventMessage<?>>of(new GenericDomainEventMessage<>(
                        "Network", "writer-" + w, next[w]++, payload((int) unit))));
                return 1;
            });
        }
        return measures;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void warmUp(MongoDatabase database, JacksonSerializer serializer) throws Exception {
        MongoCollection<Document> warm = database.getCollection("warm");
        MongoEventStorageEngine engine = engine(database, serializer, "warm_");
        measure(8, 2_000, 5, (w, unit) -> {
            warm.insertOne(document(serializer, w, unit));
            engine.appendEvents(List.<EventMessage<?>>of(new GenericDomainEventMessage<>(
                    "Network", "warm-" + w, unit, payload((int) unit))));
            return 2;
        });
    }

    /** The engine as the platform runs it on its embedded store: the store's only writer. */
    private static MongoEventStorageEngine engine(MongoDatabase database, JacksonSerializer serializer, String prefix) {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(database).collectionPrefix(prefix)
                .soleWriter(true).eventSerializer(serializer).snapshotSerializer(serializer).build();
        ENGINES.add(engine);
        return engine;
    }

    private static Document document(JacksonSerializer serializer, int writer, long unit) {
        String payload = serializer.serialize(payload((int) unit), String.class).getData();
        return new Document("_id", writer + ":" + unit).append("streamKey", "writer-" + writer + ":" + unit)
                .append("eventId", UUID.randomUUID().toString()).append("payload", payload)
                .append("metaData", "{}").append("timestamp", java.time.Instant.now().toString());
    }

    private static PartnerJoinedLike payload(int i) {
        return new PartnerJoinedLike(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "Partner " + i,
                                     "care provider", "core", "2025-03-14", "Joined after the regional meeting");
    }

    /** Runs {@code writers} threads, each writing units in sequence, until either bound; answers events/s. */
    private static double measure(int writers, int maxEvents, double maxSeconds, Writer writer) throws Exception {
        AtomicLong events = new AtomicLong();
        long deadline = System.nanoTime() + (long) (maxSeconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int id = w;
                running.add(pool.submit(() -> {
                    for (long unit = 0; events.get() < maxEvents && System.nanoTime() < deadline; unit++) {
                        events.addAndGet(writer.write(id, unit));
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return events.get() / ((System.nanoTime() - start) / 1e9);
    }


    private DurabilityBenchmark() {
    }
}
