package nl.samenspel.eventstore;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * After MongoDB's {@code compact} command the on-disk store's file holds live data only: what was overwritten before
 * the command is gone from it once the store has closed, or, when it did not close cleanly, once it has opened again;
 * every live document and index is still there.
 */
class StoreCompactionTest {
    private static final String SECRET = "Geertruida Overwater-Smit";

    @Test
    void overwrittenDataIsGoneFromTheFileOnceTheStoreClosesAfterACompact(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("store.mv");
        try (EmbeddedStore store = EmbeddedStore.onDisk(file, 0);
             MongoClient client = MongoClients.create(store.uri("test"))) {
            writeAndOverwrite(client.getDatabase("test"));
            assertThat(holds(file, SECRET)).as("the overwritten value is still in the file").isTrue();
            client.getDatabase("test").runCommand(new Document("compact", "people"));
        }
        assertThat(holds(file, SECRET)).isFalse();
        assertThat(dir.resolve("store.mv" + StoreCompaction.DUE_SUFFIX)).doesNotExist();
        assertEverythingLiveIsThere(file);
    }

    @Test
    void aCompactionDueWhenTheStoreStoppedUncleanlyHappensBeforeItOpensAgain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("store.mv");
        Path crashed = dir.resolve("crashed.mv");
        try (EmbeddedStore store = EmbeddedStore.onDisk(file, 0);
             MongoClient client = MongoClients.create(store.uri("test"))) {
            writeAndOverwrite(client.getDatabase("test"));
            client.getDatabase("test").runCommand(new Document("compact", "people"));
            // What a kill -9 right after the answer leaves: the file as synced, and the mark beside it.
            Files.copy(file, crashed);
            Files.copy(dir.resolve("store.mv" + StoreCompaction.DUE_SUFFIX),
                       dir.resolve("crashed.mv" + StoreCompaction.DUE_SUFFIX));
            // And a copy from an earlier compaction that was itself interrupted.
            Files.copy(file, dir.resolve("crashed.mv" + StoreCompaction.COPY_SUFFIX));
        }
        assertThat(holds(crashed, SECRET)).isTrue();

        try (EmbeddedStore reopened = EmbeddedStore.onDisk(crashed, 0)) {
            assertThat(holds(crashed, SECRET)).isFalse();
            assertThat(dir.resolve("crashed.mv" + StoreCompaction.DUE_SUFFIX)).doesNotExist();
            assertThat(dir.resolve("crashed.mv" + StoreCompaction.COPY_SUFFIX)).doesNotExist();
        }
        assertEverythingLiveIsThere(crashed);
    }

    @Test
    void withoutACompactTheFileIsNotRewritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("store.mv");
        try (EmbeddedStore store = EmbeddedStore.onDisk(file, 0);
             MongoClient client = MongoClients.create(store.uri("test"))) {
            writeAndOverwrite(client.getDatabase("test"));
        }
        assertThat(StoreCompaction.compactIfDue(file)).isFalse();
    }

    /** A person whose name is then erased, and 500 documents under a unique index that must all survive. */
    private static void writeAndOverwrite(MongoDatabase db) {
        MongoCollection<Document> people = db.getCollection("people");
        people.insertOne(new Document("_id", "p1").append("name", SECRET).append("erased", false));
        MongoCollection<Document> events = db.getCollection("events");
        events.createIndex(new Document("streamKey", 1), new IndexOptions().unique(true));
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            batch.add(new Document("_id", (long) i).append("streamKey", "n:" + i).append("payload", "entry " + i));
        }
        events.insertMany(batch);
        people.updateOne(new Document("_id", "p1"),
                         new Document("$set", new Document("name", null).append("erased", true)));
    }

    private static void assertEverythingLiveIsThere(Path file) {
        try (EmbeddedStore store = EmbeddedStore.onDisk(file, 0);
             MongoClient client = MongoClients.create(store.uri("test"))) {
            MongoDatabase db = client.getDatabase("test");
            Document person = db.getCollection("people").find(new Document("_id", "p1")).first();
            assertThat(person).isNotNull();
            assertThat(person.getBoolean("erased")).isTrue();
            assertThat(person.getString("name")).isNull();
            MongoCollection<Document> events = db.getCollection("events");
            assertThat(events.countDocuments()).isEqualTo(500);
            assertThat(events.find(new Document("_id", 499L)).first().getString("payload")).isEqualTo("entry 499");
            assertThatThrownBy(() -> events.insertOne(new Document("_id", 500L).append("streamKey", "n:7")))
                    .as("the unique index came back whole").isInstanceOf(MongoWriteException.class);
        }
    }

    private static boolean holds(Path file, String value) throws IOException {
        byte[] content = Files.readAllBytes(file);
        byte[] needle = value.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i <= content.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (content[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
