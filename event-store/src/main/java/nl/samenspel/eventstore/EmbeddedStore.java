package nl.samenspel.eventstore;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded MongoDB wire-protocol server: what runs when no {@code MONGODB_URI} is given. Applications talk to it
 * with the real MongoDB driver over TCP on the loopback interface, exactly as they talk to a real MongoDB.
 */
public final class EmbeddedStore implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedStore(MongoBackend backend, int port) {
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        this.address = server.getLocalAddress();
    }

    /** A store that keeps its data in one file (H2 MVStore) and survives restarts, also after a hard kill. */
    public static EmbeddedStore onDisk(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create the data directory for " + file, e);
        }
        return new EmbeddedStore(new H2Backend(file.toString()), port);
    }

    /** A store in memory, on a free port: for tests and benchmarks. */
    public static EmbeddedStore inMemory() {
        return new EmbeddedStore(new MemoryBackend(), 0);
    }

    public int port() {
        return address.getPort();
    }

    /** The connection string for {@code database} on this store. */
    public String uri(String database) {
        return "mongodb://127.0.0.1:" + port() + "/" + database;
    }

    /** Stops accepting connections and closes the backend, which flushes an on-disk store. */
    @Override
    public void close() {
        server.shutdown();
    }
}
