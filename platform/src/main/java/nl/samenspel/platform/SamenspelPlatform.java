package nl.samenspel.platform;

import nl.samenspel.eventstore.EmbeddedStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * The embedded default: one command starts the whole platform on localhost. Without {@code MONGODB_URI} it also
 * starts the embedded MongoDB wire server with its data on disk (under {@code ./data}); with it, it uses that MongoDB
 * and starts no store of its own.
 *
 * <p>Settings (environment): {@code MONGODB_URI}, {@code SAMENSPEL_DATA_DIR} (default {@code ./data}),
 * {@code SAMENSPEL_STORE_PORT} (27018), {@code COMMAND_PORT} (8081), {@code QUERY_PORT} (8082).
 */
public final class SamenspelPlatform {
    private static final Logger log = LoggerFactory.getLogger(SamenspelPlatform.class);

    private SamenspelPlatform() {
    }

    public static void main(String[] args) {
        String externalUri = System.getenv("MONGODB_URI");
        EmbeddedStore store = null;
        String uri;
        String storeLine;
        if (externalUri == null || externalUri.isBlank()) {
            Path dataDir = Path.of(env("SAMENSPEL_DATA_DIR", "data")).toAbsolutePath().normalize();
            store = EmbeddedStore.onDisk(dataDir.resolve("samenspel.mv"), Integer.parseInt(env("SAMENSPEL_STORE_PORT", "27018")));
            uri = store.uri("samenspel");
            storeLine = "embedded MongoDB wire server at " + uri + ", data in " + dataDir;
        } else {
            uri = externalUri;
            storeLine = "MongoDB at " + redact(externalUri);
        }
        Platform platform;
        try {
            platform = Platform.start(uri, Integer.parseInt(env("COMMAND_PORT", "8081")),
                                      Integer.parseInt(env("QUERY_PORT", "8082")), args);
        } catch (RuntimeException e) {
            log.error("Samenspel could not start: {}", e.getMessage());
            if (store != null) {
                store.close();
            }
            System.exit(1);
            return;
        }
        EmbeddedStore started = store;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Samenspel...");
            platform.close();
            if (started != null) {
                started.close();
            }
            System.out.println("Samenspel stopped.");
        }, "samenspel-shutdown"));
        System.out.printf("""

                Samenspel is ready.
                  Commands:  http://localhost:%1$d/api/networks
                  Queries:   http://localhost:%2$d/api/networks
                  Health:    http://localhost:%1$d/actuator/health  http://localhost:%2$d/actuator/health
                  Metrics:   http://localhost:%1$d/actuator/prometheus  http://localhost:%2$d/actuator/prometheus
                  Store:     %3$s
                Press Ctrl-C to stop.
                %n""", platform.commandPort(), platform.queryPort(), storeLine);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Never print credentials that may be part of a connection string. */
    private static String redact(String uri) {
        return uri.replaceAll("//[^@/]+@", "//***@");
    }
}
