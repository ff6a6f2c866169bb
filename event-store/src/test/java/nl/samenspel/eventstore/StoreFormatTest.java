package nl.samenspel.eventstore;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoNamespace;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The on-disk store's format: documents kept as BSON and unique indexes with keys compared value by value. A store
 * written in the earlier form (Java-serialised documents and keys) opens with every document and index whole, and
 * collections and indexes behave as MongoDB's do.
 */
class StoreFormatTest {

    @Test
    void aStoreWrittenInTheEarlierFormOpensWithEveryDocumentAndIndexWhole(@TempDir Path dir) {
        Path file = dir.resolve("store.mv");
        MongoServer earlier = new MongoServer(new H2Backend(MVStore.open(file.toString())));
        earlier.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + earlier.getLocalAddress().getPort())) {
            fill(client.getDatabase("test").getCollection("events"));
        } finally {
            earlier.shutdown();
        }
        assertThat(maps(file, "._index_")).as("the earlier form's index maps").isNotEmpty()
                .noneMatch(name -> name.endsWith(OnDiskBackend.KEYED));
        assertThat(maps(file, "databases.")).as("the earlier form's document maps").isNotEmpty()
                .noneMatch(name -> name.endsWith(OnDiskBackend.BSON));

        try (EmbeddedStore store = EmbeddedStore.onDisk(file, 0);
             MongoClient client = MongoClients.create(store.uri("test"))) {
            MongoCollection<Document> events = client.getDatabase("test").getCollection("events");
            assertWhole(events);
        }
        assertThat(maps(file, "._index_")).as("index maps after the store opened once").isNotEmpty()
                .allMatch(name -> name.endsWith(OnDiskBackend.KEYED));
        assertThat(maps(file, "databases.")).as("document maps after the store opened once").isNotEmpty()
                .allMatch(name -> name.endsWith(OnDiskBackend.BSON));

        try (EmbeddedStore store = EmbeddedStore.onDisk(file, 0);
             MongoClient client = MongoClients.create(store.uri("test"))) {
            assertWhole(client.getDatabase("test").getCollection("events"));
        }
    }

    @Test
    void aDroppedIndexOrCollectionLeavesNoKeysBehind(@TempDir Path dir) {
        try (EmbeddedStore store = EmbeddedStore.onDisk(dir.resolve("store.mv"), 0);
             MongoClient client = MongoClients.create(store.uri("test"))) {
            MongoCollection<Document> events = client.getDatabase("test").getCollection("events");
            fill(events);
            events.dropIndex("streamKey_1");
            events.insertOne(new Document("_id", 9_000L).append("streamKey", "n:7"));
            assertThat(events.countDocuments(new Document("streamKey", "n:7"))).isEqualTo(2);

            events.drop();
            fill(events);
            assertWhole(events);
        }
    }

    /** H2's backend would rename a collection for the session and lose its documents when the store next opened. */
    @Test
    void renamingACollectionIsRefusedAndLosesNothing(@TempDir Path dir) {
        Path file = dir.resolve("store.mv");
        try (EmbeddedStore store = EmbeddedStore.onDisk(file, 0);
             MongoClient client = MongoClients.create(store.uri("test"))) {
            MongoCollection<Document> events = client.getDatabase("test").getCollection("events");
            fill(events);
            assertThatThrownBy(() -> events.renameCollection(new MongoNamespace("test", "renamed")))
                    .isInstanceOf(MongoCommandException.class).hasMessageContaining("does not rename");
        }
        try (EmbeddedStore store = EmbeddedStore.onDisk(file, 0);
             MongoClient client = MongoClients.create(store.uri("test"))) {
            assertWhole(client.getDatabase("test").getCollection("events"));
            assertThat(client.getDatabase("test").getCollection("renamed").countDocuments()).isZero();
        }
    }

    @Test
    void everyKindOfValueReadsBackAsItWasWritten(@TempDir Path dir) {
        Path file = dir.resolve("store.mv");
        Document written = new Document("_id", new ObjectId()).append("text", "Zoë \u200b ✓ \uD83D\uDE00")
                .append("int", 7).append("long", 7L << 40).append("double", -0.5).append("flag", true)
                .append("nothing", null).append("when", new java.util.Date(1_700_000_000_000L))
                .append("bytes", new org.bson.types.Binary(new byte[] {0, 1, 2, (byte) 255}))
                .append("decimal", new org.bson.types.Decimal128(new java.math.BigDecimal("12.34")))
                .append("list", List.of(1, "two", List.of(3L), new Document("four", 4)))
                .append("nested", new Document("a", new Document("b", List.of())));
        try (EmbeddedStore store = EmbeddedStore.onDisk(file, 0);
             MongoClient client = MongoClients.create(store.uri("test"))) {
            client.getDatabase("test").getCollection("docs").insertOne(written);
        }
        try (EmbeddedStore store = EmbeddedStore.onDisk(file, 0);
             MongoClient client = MongoClients.create(store.uri("test"))) {
            assertThat(client.getDatabase("test").getCollection("docs").find().first()).isEqualTo(written);
        }
    }

    @Test
    void keysOfMixedKindsStayApartAndEqualKeysCollide(@TempDir Path dir) {
        try (EmbeddedStore store = EmbeddedStore.onDisk(dir.resolve("store.mv"), 0);
             MongoClient client = MongoClients.create(store.uri("test"))) {
            assertKeysOfMixedKinds(client.getDatabase("test").getCollection("docs"));
        }
    }

    /** The memory store answers lists of ids the same way. */
    @Test
    void theMemoryStoreFindsByListsOfIdsAsMongoDbDoes() {
        try (EmbeddedStore store = EmbeddedStore.inMemory();
             MongoClient client = MongoClients.create(store.uri("test"))) {
            assertKeysOfMixedKinds(client.getDatabase("test").getCollection("docs"));
        }
    }

    private static void assertKeysOfMixedKinds(MongoCollection<Document> docs) {
        docs.createIndex(new Document("a", 1).append("b", 1), new IndexOptions().unique(true));
        docs.insertMany(List.of(new Document("_id", 1L).append("a", "x").append("b", 1L),
                                new Document("_id", "1").append("a", "x").append("b", "1"),
                                new Document("_id", 2L).append("a", "x").append("b", 2L),
                                new Document("_id", 3L).append("a", "y").append("b", 1L)));
        assertThat(docs.find(new Document("_id", new Document("$in", List.of(1L, "1", 3L)))).into(new ArrayList<>()))
                .extracting(d -> d.get("_id")).containsExactlyInAnyOrder(1L, "1", 3L);
        assertThat(docs.find(new Document("a", "x").append("b", "1")).first().get("_id")).isEqualTo("1");
        // A list of ids of other kinds, or a query that is more than a list of ids, is matched as MongoDB does.
        assertThat(docs.find(new Document("_id", new Document("$in", List.of(2, 3.0)))).into(new ArrayList<>()))
                .extracting(d -> d.get("_id")).containsExactlyInAnyOrder(2L, 3L);
        assertThat(docs.find(new Document("_id", new Document("$in", List.of(1L, 2L, "1"))).append("a", "x")
                                     .append("b", new Document("$ne", 2L))).into(new ArrayList<>()))
                .extracting(d -> d.get("_id")).containsExactlyInAnyOrder(1L, "1");
        assertThatThrownBy(() -> docs.insertOne(new Document("_id", 4L).append("a", "y").append("b", 1L)))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> docs.insertOne(new Document("_id", "1").append("a", "z")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        docs.insertOne(new Document("_id", 4L).append("a", "y").append("b", 2L));
        assertThat(docs.countDocuments()).isEqualTo(5);
    }

    /** 500 events under the {@code _id} and a unique stream key, as the event store keeps them. */
    private static void fill(MongoCollection<Document> events) {
        events.createIndex(new Document("streamKey", 1), new IndexOptions().unique(true));
        List<Document> batch = new ArrayList<>();
        for (long i = 0; i < 500; i++) {
            batch.add(new Document("_id", i).append("streamKey", "n:" + i).append("payload", "entry " + i));
        }
        events.insertMany(batch);
    }

    private static void assertWhole(MongoCollection<Document> events) {
        assertThat(events.countDocuments()).isEqualTo(500);
        assertThat(events.find(new Document("_id", new Document("$in", List.of(3L, 250L, 499L, 500L))))
                           .into(new ArrayList<>()))
                .extracting(d -> d.getString("payload")).containsExactlyInAnyOrder("entry 3", "entry 250", "entry 499");
        assertThat(events.find(new Document("streamKey", "n:42")).first().get("_id")).isEqualTo(42L);
        assertThatThrownBy(() -> events.insertOne(new Document("_id", 499L).append("streamKey", "other")))
                .as("the _id index is whole").isInstanceOf(MongoWriteException.class);
        assertThatThrownBy(() -> events.insertOne(new Document("_id", 10_000L).append("streamKey", "n:7")))
                .as("the stream key index is whole").isInstanceOf(MongoWriteException.class);
    }

    private static List<String> maps(Path file, String containing) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            return store.getMapNames().stream().filter(name -> name.contains(containing)).toList();
        } finally {
            store.close();
        }
    }
}
