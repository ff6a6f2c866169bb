package nl.samenspel.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import nl.samenspel.eventstore.EmbeddedStore.Durability;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An on-disk store answers a write only once it is in the file: a copy of the file taken right after the last answer,
 * while the store still runs (what a {@code kill -9} leaves behind), opens with every answered document in it.
 */
class DurableStoreTest {

    @Test
    void everyAnsweredWriteIsInTheFileBeforeTheStoreCloses(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("store.mv");
        Path copy = dir.resolve("copy.mv");
        try (EmbeddedStore store = EmbeddedStore.onDisk(file, 0);
             MongoClient client = MongoClients.create(store.uri("test"))) {
            MongoCollection<Document> docs = client.getDatabase("test").getCollection("docs");
            docs.createIndex(new Document("key", 1), new com.mongodb.client.model.IndexOptions().unique(true));
            ExecutorService writers = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        docs.insertOne(new Document("key", writer + ":" + i));
                    }
                    docs.insertMany(List.of(new Document("key", writer + ":many1"), new Document("key", writer + ":many2")));
                    docs.updateOne(new Document("key", writer + ":0"), new Document("$set", new Document("updated", true)));
                    docs.deleteOne(new Document("key", writer + ":1"));
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            writers.shutdown();
            Files.copy(file, copy);
        }

        try (EmbeddedStore reopened = EmbeddedStore.onDisk(copy, 0);
             MongoClient client = MongoClients.create(reopened.uri("test"))) {
            MongoCollection<Document> docs = client.getDatabase("test").getCollection("docs");
            assertThat(docs.countDocuments()).isEqualTo(8 * (25 + 2 - 1));
            assertThat(docs.countDocuments(new Document("updated", true))).isEqualTo(8);
            assertThat(docs.countDocuments(new Document("key", "3:1"))).isZero();
            // The unique index came back whole with its documents: a duplicate is still refused.
            assertThat(docs.listIndexes().into(new ArrayList<>())).hasSize(2);
        }
    }

    /**
     * Space a synced commit stops using is written again: a document rewritten over and over (as a network's health
     * month is, on every entry) does not make the file grow with every rewrite.
     */
    @Test
    void rewritingALargeDocumentAgainAndAgainDoesNotGrowTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("store.mv");
        byte[] month = new byte[190_000];
        new java.util.Random(1).nextBytes(month);
        try (EmbeddedStore store = EmbeddedStore.onDisk(file, 0);
             MongoClient client = MongoClients.create(store.uri("test"))) {
            MongoCollection<Document> months = client.getDatabase("test").getCollection("months");
            for (int i = 0; i < 300; i++) {
                months.insertOne(new Document("_id", "month-" + i).append("health", month));
                months.deleteOne(new Document("_id", "month-" + (i - 1)));
            }
            // 300 versions of 190 KB are 57 MB; what is live is one.
            assertThat(Files.size(file)).isLessThan(10L << 20);
            assertThat(months.countDocuments()).isEqualTo(1);
        }
    }

    /**
     * A commit that rewrites a large document and adds a document that stays (as a health batch stores a month and a
     * new page of facts) leaves a chunk in the file that the rewrite alone would have freed: without compaction, the
     * file grew by most of a month with every such commit, for good. The store rewrites such chunks as it goes.
     */
    @Test
    void rewritesCommittedBesideLastingDocumentsDoNotGrowTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("store.mv");
        byte[] month = new byte[190_000];
        new java.util.Random(2).nextBytes(month);
        String page = "x".repeat(8_000);
        int rounds = 600;
        try (EmbeddedStore store = EmbeddedStore.onDisk(file, 0);
             MongoClient client = MongoClients.create(store.uri("test"))) {
            MongoCollection<Document> docs = client.getDatabase("test").getCollection("docs");
            ReplaceOptions upsert = new ReplaceOptions().upsert(true);
            long largest = 0;
            for (int i = 0; i < rounds; i++) {
                // One update command, so one commit: a page that stays and the month that is rewritten.
                docs.bulkWrite(List.of(
                        new ReplaceOneModel<>(new Document("_id", String.format("page-%05d", i)),
                                              new Document("text", page), upsert),
                        new ReplaceOneModel<>(new Document("_id", "month"),
                                              new Document("health", month).append("round", i), upsert)));
                largest = Math.max(largest, Files.size(file));
            }
            // 600 versions of a 190 KB month are 114 MB; what is live is one month and 600 pages of 8 KB (5 MB).
            assertThat(largest).isLessThan(40L << 20);
            assertThat(docs.countDocuments()).isEqualTo(rounds + 1);
            // And it goes on once the writes stop, until the file is near the size of what is live.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> Files.size(file) < 20L << 20);
        }
        try (EmbeddedStore store = EmbeddedStore.onDisk(file, 0);
             MongoClient client = MongoClients.create(store.uri("test"))) {
            MongoCollection<Document> docs = client.getDatabase("test").getCollection("docs");
            assertThat(docs.countDocuments()).isEqualTo(rounds + 1);
            assertThat(docs.find(new Document("_id", "month")).first().getInteger("round")).isEqualTo(rounds - 1);
            assertThat(docs.find(new Document("_id", "page-00000")).first().getString("text")).isEqualTo(page);
        }
    }

    @Test
    void theBackgroundStoreStillOpensAndKeepsWhatWasClosedCleanly(@TempDir Path dir) {
        Path file = dir.resolve("store.mv");
        try (EmbeddedStore store = EmbeddedStore.onDisk(file, 0, Durability.BACKGROUND);
             MongoClient client = MongoClients.create(store.uri("test"))) {
            client.getDatabase("test").getCollection("docs").insertOne(new Document("key", 1));
        }
        try (EmbeddedStore store = EmbeddedStore.onDisk(file, 0);
             MongoClient client = MongoClients.create(store.uri("test"))) {
            assertThat(client.getDatabase("test").getCollection("docs").countDocuments()).isEqualTo(1);
        }
    }

    /**
     * A write sent with {@code j: false} (the event store's counter and recorded heads) is answered without waiting
     * for a sync, yet reaches the file on its own shortly after, with no journaled write to carry it.
     */
    @Test
    void anUnjournaledWriteReachesTheFileShortlyAfterItsAnswer(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("store.mv");
        Path copy = dir.resolve("copy.mv");
        try (EmbeddedStore store = EmbeddedStore.onDisk(file, 0);
             MongoClient client = MongoClients.create(store.uri("test"))) {
            MongoCollection<Document> docs = client.getDatabase("test").getCollection("docs");
            docs.insertOne(new Document("key", "journaled"));
            docs.withWriteConcern(com.mongodb.WriteConcern.ACKNOWLEDGED.withJournal(false))
                .insertOne(new Document("key", "unjournaled"));
            // Copies of the running store's file, as a kill -9 would leave it, until one holds the write: the commit is
            // asked for within LATER_COMMIT_MILLIS, and a busy machine may run it somewhat later, but it must come.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            boolean inTheFile = false;
            while (!inTheFile && System.nanoTime() < deadline) {
                Thread.sleep(GroupCommitBackend.LATER_COMMIT_MILLIS);
                Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                inTheFile = countInCopy(copy, "unjournaled") == 1;
            }
            assertThat(inTheFile).as("the unjournaled write reached the file with no journaled write after it").isTrue();
        }
    }

    private static long countInCopy(Path copy, String key) {
        try (EmbeddedStore reopened = EmbeddedStore.onDisk(copy, 0);
             MongoClient client = MongoClients.create(reopened.uri("test"))) {
            return client.getDatabase("test").getCollection("docs").countDocuments(new Document("key", key));
        }
    }
}
