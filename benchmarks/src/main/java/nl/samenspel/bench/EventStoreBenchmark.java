package nl.samenspel.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import nl.samenspel.eventstore.EmbeddedStore;
import nl.samenspel.eventstore.MongoEventStorageEngine;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Appends N events through the storage engine and replays them, next to a raw-driver baseline measured in the same
 * run on the same server: {@code insertMany} of documents with the same fields and sizes as the engine's, and a full
 * collection scan. Then one import-sized commit, written and read back from just before it as a processor would. The
 * engine runs as on the platform's embedded store, as its only writer; its append is also measured as one of several
 * writers would append (positions from the counter document, one round trip more per commit).
 *
 * <p>Arguments: {@code [events=100000] [commitSize=1] [backend=memory|h2|h2-background] [importSize=5000] [rounds=8]
 * [warmUp=3]}; {@code h2} syncs every write before it is answered, as the embedded default does. Every measure runs
 * once a round on fresh collections; the first {@code warmUp} rounds only warm the JIT up, and the figures are the
 * medians of the others. One warm-up round was not enough: the engine's replay, a longer path than a raw scan, still
 * gained a third from round 2 to round 5, while the raw scan had settled by round 3.
 */
public final class EventStoreBenchmark {
    private static final int AGGREGATES = 200;

    record PartnerJoinedLike(String networkId, String partnerId, String name, String partnerType, String level,
                             String occurredOn, String note) {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int commitSize = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        String backend = args.length > 2 ? args[2] : "memory";
        int importSize = args.length > 3 ? Integer.parseInt(args[3]) : 5_000;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        int warmUp = args.length > 5 ? Integer.parseInt(args[5]) : Math.min(3, rounds - 1);
        Path dir = Files.createTempDirectory("samenspel-bench");
        try (EmbeddedStore store = openStore(backend, dir);
             MongoClient client = MongoClients.create(store.uri("bench"))) {
            System.out.printf("Samenspel event store benchmark: %,d events, commits of %d, %s backend, %d aggregates, "
                                      + "import commit of %,d; median of rounds %d..%d (rounds 1..%d warm up)%n",
                              events, commitSize, backend, AGGREGATES, importSize, warmUp + 1, rounds, warmUp);
            System.out.println(SEALED ? "  sealed as the platform seals: the last event of each aggregate in a commit "
                                                + "(-Dsealed=false: without)"
                                      : "  events not sealed (-Dsealed=false)");
            MongoDatabase database = client.getDatabase("bench");
            JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
            List<Map<String, Double>> measuredRounds = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                Map<String, Double> measured = round(database, serializer, "r" + round + "_", events, commitSize,
                                                     importSize);
                System.out.printf("  round %d:", round);
                measured.forEach((name, rate) -> System.out.printf(" %,.0f", rate));
                System.out.println();
                if (round > warmUp) {
                    measuredRounds.add(measured);
                }
            }

            System.out.println();
            System.out.printf("%-52s %12s   %s%n", "measure", "events/s",
                              "ratio of the medians; median of the ratios per round");
            row(RAW_APPEND, measuredRounds, null);
            row("engine append, commits of " + commitSize, measuredRounds, RAW_APPEND);
            row(COUNTER_APPEND, measuredRounds, RAW_APPEND);
            row(RAW_SCAN, measuredRounds, null);
            row(REPLAY, measuredRounds, RAW_SCAN);
            row(REPLAY_PAYLOADS, measuredRounds, RAW_SCAN);
            row(RAW_IMPORT, measuredRounds, null);
            row(IMPORT_APPEND, measuredRounds, RAW_IMPORT);
            row(RAW_IMPORT_SCAN, measuredRounds, null);
            row(IMPORT_READ, measuredRounds, RAW_IMPORT_SCAN);
            Runtime rt = Runtime.getRuntime();
            System.out.printf("heap used after run: %,d MB%n", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
        }
    }

    /** The engines of the round under way; closed at its end. */
    private static final List<MongoEventStorageEngine> OPEN_ENGINES = new ArrayList<>();
    private static final String RAW_APPEND = "raw driver insertMany (baseline)";
    private static final String ENGINE_APPEND = "engine append";
    private static final String COUNTER_APPEND = "  the same, positions from the counter";
    private static final String RAW_SCAN = "raw driver full scan (baseline)";
    private static final String REPLAY = "engine replay by a new processor";
    private static final String REPLAY_PAYLOADS = "engine replay incl. payload deserialisation";
    private static final String RAW_IMPORT = "raw driver insertMany of one import (baseline)";
    private static final String IMPORT_APPEND = "engine append of one import commit";
    private static final String RAW_IMPORT_SCAN = "raw driver scan of the import (baseline)";
    private static final String IMPORT_READ = "engine read of the import commit, as a processor";

    /**
     * One round on collections of its own: each measure once, the raw baseline always just before the engine's, so
     * both meet the same state of the JIT and the machine. The replay reads through an engine that did not write the
     * events, as a processor in another process does.
     */
    private static Map<String, Double> round(MongoDatabase database, JacksonSerializer serializer, String prefix,
                                             int events, int commitSize, int importSize) {
        Map<String, Double> rates = new LinkedHashMap<>();
        MongoEventStorageEngine writer = engine(database, prefix + "engine_", serializer, true);
        MongoCollection<Document> raw = database.getCollection(prefix + "raw_events");
        settle();
        rates.put(RAW_APPEND, rawAppend(raw, events, commitSize, serializer));
        settle();
        rates.put(ENGINE_APPEND, engineAppend(writer, events, commitSize));
        settle();
        rates.put(COUNTER_APPEND, engineAppend(engine(database, prefix + "counter_", serializer, false), events,
                                               commitSize));
        settle();
        rates.put(RAW_SCAN, rawScan(raw, events));
        settle();
        rates.put(REPLAY, engineRead(engine(database, prefix + "engine_", serializer, true), null, events, false));
        settle();
        rates.put(REPLAY_PAYLOADS, engineRead(engine(database, prefix + "engine_", serializer, true), null, events, true));

        MongoCollection<Document> rawImport = database.getCollection(prefix + "raw_import");
        settle();
        rates.put(RAW_IMPORT, rawAppend(rawImport, importSize, importSize, serializer));
        TrackingToken beforeImport = GapAwareTrackingToken.newInstance(writer.head(), Collections.emptySet());
        settle();
        rates.put(IMPORT_APPEND, engineAppend(writer, importSize, importSize));
        settle();
        rates.put(RAW_IMPORT_SCAN, rawScan(rawImport, importSize));
        settle();
        rates.put(IMPORT_READ, engineRead(engine(database, prefix + "engine_", serializer, true), beforeImport, importSize,
                                          false));
        // The round's engines write the heads still pending first, so that none lands in a collection dropped below.
        OPEN_ENGINES.forEach(MongoEventStorageEngine::close);
        OPEN_ENGINES.clear();
        // Each round starts from empty collections, so rounds do not slow down as the store grows.
        for (String name : database.listCollectionNames()) {
            if (name.startsWith(prefix)) {
                database.getCollection(name).drop();
            }
        }
        return rates;
    }

    /**
     * Collects the garbage of the measures before, so that a collection they caused does not land in the next one (the
     * memory backend keeps every stored document on the same heap, and the raw scan swung by a factor of three).
     */
    private static void settle() {
        System.gc();
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * The one place the benchmark builds its store, so the raw baseline and the engine always share the same server
     * and the same durability.
     */
    private static EmbeddedStore openStore(String backend, Path dir) {
        return switch (backend) {
            case "h2" -> EmbeddedStore.onDisk(dir.resolve("bench.mv"), 0, EmbeddedStore.Durability.ON_ACKNOWLEDGE);
            case "h2-background" -> EmbeddedStore.onDisk(dir.resolve("bench.mv"), 0, EmbeddedStore.Durability.BACKGROUND);
            case "memory" -> EmbeddedStore.inMemory();
            default -> throw new IllegalArgumentException("backend must be memory, h2 (synced before each answer) or h2-background, not " + backend);
        };
    }

    private static final boolean SEALED = !"false".equals(System.getProperty("sealed"));
    private static final nl.samenspel.eventstore.CheckpointKey SEALING_KEY = nl.samenspel.eventstore.CheckpointKey.ephemeral();

    /**
     * An engine as the platform runs it on its embedded store, the only writer ({@code soleWriter}: positions taken in
     * memory), or as one of several writers on a MongoDB replica set (positions from the counter document).
     */
    private static MongoEventStorageEngine engine(MongoDatabase database, String prefix, JacksonSerializer serializer,
                                                  boolean soleWriter) {
        // as the platform runs it, commits sealed with the signing key (-Dsealed=false measures without)
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(database).collectionPrefix(prefix)
                .soleWriter(soleWriter).eventSerializer(serializer).snapshotSerializer(serializer)
                .sealingKey(SEALED ? SEALING_KEY : null).build();
        OPEN_ENGINES.add(engine);
        return engine;
    }

    /**
     * One line: the median rate and, against a baseline, two ratios. The ratio of the medians compares rounds that
     * may have met the machine in different states; the median of the ratios per round compares each measure with
     * the baseline measured just before it, which on a shared machine (the raw insert swung twofold between rounds)
     * is the steadier of the two. Both are printed, so neither is chosen after the fact.
     */
    private static void row(String measure, List<Map<String, Double>> rounds, String baseline) {
        String name = measure.startsWith(ENGINE_APPEND + ",") ? ENGINE_APPEND : measure;
        double rate = median(rounds.stream().map(r -> r.get(name)).toList());
        if (baseline == null) {
            System.out.printf("%-52s %,12.0f%n", measure, rate);
        } else {
            double ofMedians = rate / median(rounds.stream().map(r -> r.get(baseline)).toList());
            double perRound = median(rounds.stream().map(r -> r.get(name) / r.get(baseline)).toList());
            System.out.printf("%-52s %,12.0f   %.2fx baseline; per round %.2fx%n", measure, rate, ofMedians,
                              perRound);
        }
    }

    private static double rawAppend(MongoCollection<Document> collection, int events, int commitSize,
                                    JacksonSerializer serializer) {
        long start = System.nanoTime();
        long id = 0;
        for (int i = 0; i < events; i += commitSize) {
            List<Document> docs = new ArrayList<>(commitSize);
            for (int k = 0; k < commitSize && i + k < events; k++) {
                id++;
                String payload = serializer.serialize(payload(i + k), String.class).getData();
                String aggregate = "agg-" + (i % AGGREGATES);
                docs.add(new Document("_id", id).append("streamKey", aggregate + ":" + id)
                        .append("eventId", UUID.randomUUID().toString()).append("aggregateType", "Network")
                        .append("aggregateId", aggregate).append("sequenceNumber", id)
                        .append("timestamp", Instant.now().toString())
                        .append("payloadType", PartnerJoinedLike.class.getName()).append("payloadRevision", null)
                        .append("payload", payload).append("metaData", "{}")
                        .append("hash", "0".repeat(64)).append("allocatedAt", System.currentTimeMillis()));
            }
            collection.insertMany(docs);
        }
        return events / seconds(start);
    }

    private static double engineAppend(MongoEventStorageEngine engine, int events, int commitSize) {
        long start = System.nanoTime();
        engineAppendInto(engine, events, commitSize, commitSize == events ? "import" : "agg");
        return events / seconds(start);
    }

    private static void engineAppendInto(MongoEventStorageEngine engine, int events, int commitSize, String prefix) {
        long[] sequences = new long[AGGREGATES];
        for (int i = 0; i < events; i += commitSize) {
            int aggregate = (i / commitSize) % AGGREGATES;
            List<EventMessage<?>> commit = new ArrayList<>(commitSize);
            for (int k = 0; k < commitSize && i + k < events; k++) {
                commit.add(new GenericDomainEventMessage<>("Network", prefix + "-" + aggregate, sequences[aggregate]++,
                                                           payload(i + k)));
            }
            engine.appendEvents(commit);
        }
    }

    private static double rawScan(MongoCollection<Document> collection, int events) {
        long start = System.nanoTime();
        long count = 0;
        for (Document ignored : collection.find()) {
            count++;
        }
        check(count, events);
        return count / seconds(start);
    }

    /** Reads {@code events} events from {@code token} on through the engine's tracking stream, as a processor does. */
    private static double engineRead(MongoEventStorageEngine engine, TrackingToken token, int events,
                                     boolean deserialize) {
        long start = System.nanoTime();
        long count;
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(token, false)) {
            count = stream.mapToLong(e -> !deserialize || e.getPayload() != null ? 1 : 0).sum();
        }
        check(count, events);
        return count / seconds(start);
    }

    private static PartnerJoinedLike payload(int i) {
        return new PartnerJoinedLike(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "Partner " + i,
                                     "care provider", "core", "2025-03-14", "Joined after the regional meeting");
    }

    private static void check(long actual, long expected) {
        if (actual != expected) {
            throw new IllegalStateException("read " + actual + " events, expected " + expected);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
