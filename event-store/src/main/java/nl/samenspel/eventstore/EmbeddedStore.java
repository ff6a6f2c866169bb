package nl.samenspel.eventstore;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The embedded MongoDB wire-protocol server: what runs when no {@code MONGODB_URI} is given. Applications talk to it
 * with the real MongoDB driver over TCP on the loopback interface, exactly as they talk to a real MongoDB.
 */
public final class EmbeddedStore implements AutoCloseable {

    private final MongoServer server;
    private final MongoBackend backend;
    private final InetSocketAddress address;
    /** The on-disk store's file; null in memory. */
    private final Path file;

    private EmbeddedStore(MongoBackend backend, int port, Path file) {
        this.file = file;
        this.backend = backend;
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        this.address = server.getLocalAddress();
    }

    /** When a write that the store has answered is on disk. */
    public enum Durability {
        /**
         * Before the answer: each write is committed and synced (fsync) before the client hears of it, with
         * concurrent writes sharing one commit and sync. Nothing answered is lost on a crash or {@code kill -9}.
         */
        ON_ACKNOWLEDGE,
        /**
         * Within about a second after the answer (H2's background commit): faster, but writes answered in the last
         * second before a crash are lost. For comparison in benchmarks.
         */
        BACKGROUND
    }

    /**
     * A store that keeps its data in one file (H2 MVStore) and survives restarts, also after a hard kill: every write
     * is on disk before it is answered ({@link Durability#ON_ACKNOWLEDGE}).
     */
    public static EmbeddedStore onDisk(Path file, int port) {
        return onDisk(file, port, Durability.ON_ACKNOWLEDGE);
    }

    /**
     * A store that keeps its data in one file (H2 MVStore), with the given promise about answered writes. It answers
     * MongoDB's {@code compact} command by rewriting the file with live data only when it is closed; if it was not
     * closed cleanly after such a command, the file is rewritten here, before it is opened.
     */
    public static EmbeddedStore onDisk(Path file, int port, Durability durability) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create the data directory for " + file, e);
        }
        StoreCompaction.compactIfDue(file);
        MongoBackend backend = switch (durability) {
            case BACKGROUND -> new OnDiskBackend(MVStore.open(file.toString()), file);
            // No background commits and none forced by unsaved memory: only the group committer commits, and only
            // between whole commands.
            case ON_ACKNOWLEDGE -> new GroupCommitBackend(new OnDiskBackend(synced(file), file));
        };
        return new EmbeddedStore(backend, port, file);
    }

    /**
     * The MVStore of a store that syncs every commit before it answers. Space that a commit stops using may be written
     * again by the next commit: H2 keeps it for 45 seconds by default, in case the disk has not yet written what
     * replaced it, but here every commit is synced before the next one is written. With the default, a network whose
     * health is rewritten on every entry grew the file by gigabytes in a minute of load.
     */
    private static MVStore synced(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().autoCommitBufferSize(0).open();
        store.setRetentionTime(0);
        return store;
    }

    /**
     * {@code handler} is told, once, when a failure has left the on-disk store closed, so that no write can succeed
     * until it is opened again; what was acknowledged is on disk. Only a store that syncs before it answers tells.
     */
    public EmbeddedStore whenClosedByFailure(Consumer<Throwable> handler) {
        if (backend instanceof GroupCommitBackend synced) {
            synced.whenClosedByFailure(handler);
        }
        return this;
    }

    /** A store in memory, on a free port: for tests and benchmarks. */
    public static EmbeddedStore inMemory() {
        return new EmbeddedStore(new InMemoryBackend(), 0, null);
    }

    /**
     * The memory backend, answering {@code compact} as done (memory keeps no old versions to rewrite), lookups by a
     * list of ids quickly ({@link IdListQuery}), with the same unique indexes as the on-disk store
     * ({@link KeyedUniqueIndex}).
     */
    private static final class InMemoryBackend extends MemoryBackend {
        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new MemoryDatabase(databaseName, getCursorRegistry()) {
                @Override
                protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                                 List<IndexKey> keys, boolean sparse) {
                    return new KeyedUniqueIndex<>(new ConcurrentHashMap<>(), indexName, keys, sparse);
                }

                @Override
                protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                    return new MemoryCollection(this, collectionName, options, getCursorRegistry()) {
                        @Override
                        protected boolean documentMatchesQuery(Document document, Document query) {
                            return IdListQuery.listed(document, query) || super.documentMatchesQuery(document, query);
                        }
                    };
                }
            };
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            if (!command.equalsIgnoreCase("compact")) {
                return super.handleCommand(channel, databaseName, command, query);
            }
            Document reply = new Document();
            Utils.markOkay(reply);
            return reply;
        }
    }

    public int port() {
        return address.getPort();
    }

    /** The connection string for {@code database} on this store. */
    public String uri(String database) {
        return "mongodb://127.0.0.1:" + port() + "/" + database;
    }

    /**
     * Stops accepting connections and closes the backend, which flushes an on-disk store; then rewrites the file with
     * live data only if a {@code compact} command asked for it.
     */
    @Override
    public void close() {
        server.shutdown();
        if (file != null) {
            StoreCompaction.compactIfDue(file);
        }
    }
}
