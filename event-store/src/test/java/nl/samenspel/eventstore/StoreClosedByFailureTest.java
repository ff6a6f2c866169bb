package nl.samenspel.eventstore;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * H2 closes its store when it meets an internal error. Every later write then fails while the process goes on, so
 * the store tells, once, whoever asked to know (the platform stops, to be started again on the same data); a store
 * closed on purpose tells nobody.
 */
class StoreClosedByFailureTest {

    @Test
    void aStoreClosedUnderItsWritersTellsOnce(@TempDir Path dir) {
        List<Throwable> told = new CopyOnWriteArrayList<>();
        MVStore file = new MVStore.Builder().fileName(dir.resolve("store.mv").toString()).autoCommitDisabled().open();
        GroupCommitBackend backend = new GroupCommitBackend(new OnDiskBackend(file, dir.resolve("store.mv")));
        backend.whenClosedByFailure(told::add);
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> docs = client.getDatabase("test").getCollection("docs");
            docs.insertOne(new Document("n", 1));
            assertThat(told).as("told while the store is open").isEmpty();

            file.closeImmediately(); // what H2 does after an internal error
            for (int n = 2; n <= 3; n++) {
                Document doc = new Document("n", n);
                assertThatThrownBy(() -> docs.insertOne(doc)).isInstanceOf(MongoException.class);
            }
            assertThat(told).as("told once, with the failure").hasSize(1);
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void aStoreClosedOnPurposeTellsNobody(@TempDir Path dir) {
        List<Throwable> told = new CopyOnWriteArrayList<>();
        try (EmbeddedStore store = EmbeddedStore.onDisk(dir.resolve("store.mv"), 0).whenClosedByFailure(told::add);
             MongoClient client = MongoClients.create(store.uri("test"))) {
            client.getDatabase("test").getCollection("docs").insertOne(new Document("n", 1));
        }
        assertThat(told).isEmpty();
    }
}
