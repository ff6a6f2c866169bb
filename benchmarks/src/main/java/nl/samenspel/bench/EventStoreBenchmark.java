package nl.samenspel.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import nl.samenspel.eventstore.EmbeddedStore;
import nl.samenspel.eventstore.MongoEventStorageEngine;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Appends N events through the storage engine and replays them, next to a raw-driver baseline measured in the same
 * run on the same server: {@code insertMany} of documents of the same shape and size, and a full collection scan.
 *
 * <p>Arguments: {@code [events=100000] [commitSize=1] [backend=memory|h2]}.
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
        Path dir = Files.createTempDirectory("samenspel-bench");
        try (EmbeddedStore store = backend.equals("h2") ? EmbeddedStore.onDisk(dir.resolve("bench.mv"), 0)
                                                        : EmbeddedStore.inMemory();
             MongoClient client = MongoClients.create(store.uri("bench"))) {
            System.out.printf("Samenspel event store benchmark: %,d events, commits of %d, %s backend, %d aggregates%n",
                              events, commitSize, backend, AGGREGATES);
            MongoDatabase database = client.getDatabase("bench");
            JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(database)
                    .collectionPrefix("engine_").eventSerializer(serializer).snapshotSerializer(serializer).build();

            warmUp(database, engine, serializer);

            double rawAppend = rawAppend(database.getCollection("raw_events"), events, commitSize, serializer);
            double engineAppend = engineAppend(engine, events, commitSize);
            double rawScan = rawScan(database.getCollection("raw_events"), events);
            double engineReplay = engineReplay(engine, events);

            System.out.println();
            System.out.printf("%-44s %12s%n", "measure", "events/s");
            System.out.printf("%-44s %,12.0f%n", "raw driver insertMany (baseline)", rawAppend);
            System.out.printf("%-44s %,12.0f   %.2fx baseline%n", "engine append (positions, chain, index)",
                              engineAppend, engineAppend / rawAppend);
            System.out.printf("%-44s %,12.0f%n", "raw driver full scan (baseline)", rawScan);
            System.out.printf("%-44s %,12.0f   %.2fx baseline%n", "engine replay (gap-aware token, $in batches)",
                              engineReplay, engineReplay / rawScan);
            Runtime rt = Runtime.getRuntime();
            System.out.printf("heap used after run: %,d MB%n", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
        }
    }

    private static void warmUp(MongoDatabase database, MongoEventStorageEngine engine, JacksonSerializer serializer) {
        MongoEventStorageEngine warm = MongoEventStorageEngine.builder().database(database).collectionPrefix("warm_")
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
        engineAppendInto(warm, 3_000, 1, "warm");
        try (Stream<? extends TrackedEventMessage<?>> s = warm.readEvents(null, false)) {
            s.forEach(e -> { });
        }
        rawAppend(database.getCollection("warm_raw"), 3_000, 1, serializer);
        database.getCollection("warm_raw").find().forEach(d -> { });
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
                docs.add(new Document("_id", id).append("streamKey", "agg-" + (i % AGGREGATES) + ":" + id)
                        .append("eventId", UUID.randomUUID().toString()).append("payload", payload)
                        .append("metaData", "{}").append("timestamp", java.time.Instant.now().toString()));
            }
            collection.insertMany(docs);
        }
        return events / seconds(start);
    }

    private static double engineAppend(MongoEventStorageEngine engine, int events, int commitSize) {
        long start = System.nanoTime();
        engineAppendInto(engine, events, commitSize, "agg");
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

    private static double engineReplay(MongoEventStorageEngine engine, int events) {
        long start = System.nanoTime();
        long count;
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
            count = stream.mapToLong(e -> e.getPayload() != null ? 1 : 0).sum();
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
