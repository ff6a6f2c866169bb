package nl.samenspel.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded store's unique indexes read a key on one top-level field directly instead of through the server's
 * general path. They must still refuse and allow exactly what that path does (and what MongoDB does), on both
 * backends, over the wire: numbers equal across types, a sparse index that skips documents without the field, a
 * non-sparse one that counts a missing field as null, array values indexed element by element, and keys that follow
 * updates and deletes.
 */
class UniqueIndexTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void singleFieldUniqueIndexesRefuseAndAllowAsTheServerDoes(String backend) {
        withKeyIndexedDocs(backend, docs -> {
            docs.createIndex(Indexes.ascending("tag"), new IndexOptions().unique(true).sparse(true).name("tag_sparse"));

            // _id: numbers are equal across their types.
            docs.insertOne(new Document("_id", 1L).append("key", "a"));
            refused(() -> docs.insertOne(new Document("_id", 1.0).append("key", "b")), "_id");
            refused(() -> docs.insertOne(new Document("_id", 1).append("key", "b")), "_id");

            // A string key, and a document without it: the non-sparse index counts it once, as null.
            refused(() -> docs.insertOne(new Document("_id", 2L).append("key", "a")), "key_unique");
            docs.insertOne(new Document("_id", 3L));
            refused(() -> docs.insertOne(new Document("_id", 4L)), "key_unique");
            refused(() -> docs.insertOne(new Document("_id", 4L).append("key", null)), "key_unique");

            // The sparse index skips documents without the field, and holds those with it unique.
            docs.insertOne(new Document("_id", 5L).append("key", "c"));
            docs.insertOne(new Document("_id", 6L).append("key", "d").append("tag", "t"));
            refused(() -> docs.insertOne(new Document("_id", 7L).append("key", "e").append("tag", "t")), "tag_sparse");

            // An array value: each element is a key.
            docs.insertOne(new Document("_id", 8L).append("key", List.of("f", "g")));
            refused(() -> docs.insertOne(new Document("_id", 9L).append("key", "g")), "key_unique");

            // A nested document as a key: its numbers compare as numbers too.
            docs.insertOne(new Document("_id", 10L).append("key", new Document("n", 1)));
            refused(() -> docs.insertOne(new Document("_id", 11L).append("key", new Document("n", 1.0))), "key_unique");

            // Keys follow an update and a delete.
            docs.updateOne(Filters.eq("_id", 1L), Updates.set("key", "h"));
            docs.insertOne(new Document("_id", 12L).append("key", "a"));
            refused(() -> docs.updateOne(Filters.eq("_id", 12L), Updates.set("key", "h")), "key_unique");
            docs.deleteOne(Filters.eq("_id", 6L));
            docs.insertOne(new Document("_id", 13L).append("key", "i").append("tag", "t"));

            // The index finds what it holds, by key and by a list of keys.
            assertThat(docs.find(Filters.eq("key", "h")).first()).extracting(d -> d.get("_id")).isEqualTo(1L);
            assertThat(docs.find(Filters.in("_id", List.of(1L, 12L, 99L))).into(new ArrayList<>()))
                    .extracting(d -> d.get("_id")).containsExactlyInAnyOrder(1L, 12L);
            assertThat(docs.countDocuments()).isEqualTo(7);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void listsOfKeysFindWhatTheServersGeneralPathFinds(String backend) {
        withKeyIndexedDocs(backend, docs -> {
            for (long id = 1; id <= 12; id++) {
                docs.insertOne(new Document("_id", id).append("key", "k" + (100 - id)));
            }
            docs.insertOne(new Document("_id", (1L << 53) + 1).append("key", "big"));

            // In order, out of order, with repeats and with ids that are not there: each found once, in id order.
            assertThat(ids(docs, Filters.in("_id", List.of(2L, 3L, 5L, 40L)))).containsExactly(2L, 3L, 5L);
            assertThat(ids(docs, Filters.in("_id", List.of(9L, 1L, 9L, 4L, 77L, 1L)))).containsExactly(1L, 4L, 9L);
            // Strings: ordered as text, so "k88" (id 12) comes before "k99" (id 1).
            assertThat(ids(docs, Filters.in("key", List.of("k99", "k88", "k99", "nothing")))).containsExactly(12L, 1L);
            // Other kinds of values take the server's own path: numbers equal across their types, mixed lists, big longs.
            assertThat(ids(docs, Filters.in("_id", List.of(3, 1.0, 2L)))).containsExactly(1L, 2L, 3L);
            assertThat(ids(docs, Filters.in("_id", List.of((1L << 53) + 1, 7L)))).containsExactly(7L, (1L << 53) + 1);
            assertThat(ids(docs, Filters.in("_id", List.of()))).isEmpty();
            // A list beside another condition is not a list lookup alone.
            assertThat(ids(docs, Filters.and(Filters.in("_id", List.of(1L, 2L, 3L)), Filters.ne("key", "k98"))))
                    .containsExactly(1L, 3L);
        });
    }

    /** Runs {@code test} on a collection of a fresh store of {@code backend} with a unique index on {@code key}. */
    private void withKeyIndexedDocs(String backend, java.util.function.Consumer<MongoCollection<Document>> test) {
        try (EmbeddedStore store = open(backend);
             MongoClient client = MongoClients.create(store.uri("index"))) {
            MongoCollection<Document> docs = client.getDatabase("index").getCollection("docs");
            docs.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true).name("key_unique"));
            test.accept(docs);
        }
    }

    private static List<Object> ids(MongoCollection<Document> docs, org.bson.conversions.Bson filter) {
        return docs.find(filter).map(d -> d.get("_id")).into(new ArrayList<>());
    }

    private EmbeddedStore open(String backend) {
        return backend.equals("h2")
                ? EmbeddedStore.onDisk(dir.resolve("index.mv"), 0, EmbeddedStore.Durability.ON_ACKNOWLEDGE)
                : EmbeddedStore.inMemory();
    }

    private static void refused(Runnable write, String index) {
        assertThatThrownBy(write::run)
                .isInstanceOfSatisfying(MongoWriteException.class, e -> {
                    assertThat(ErrorCategory.fromErrorCode(e.getError().getCode()))
                            .isEqualTo(ErrorCategory.DUPLICATE_KEY);
                    assertThat(e.getMessage()).contains(index);
                });
    }
}
