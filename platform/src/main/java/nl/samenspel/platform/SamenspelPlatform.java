package nl.samenspel.platform;

import nl.samenspel.eventstore.CheckpointKey;
import nl.samenspel.eventstore.EmbeddedStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded default: one command starts the whole platform on localhost. Without {@code MONGODB_URI} it also
 * starts the embedded MongoDB wire server with its data on disk (under {@code ./data}); with it, it uses that MongoDB
 * and starts no store of its own.
 *
 * <p>Settings (environment): {@code MONGODB_URI}, {@code SAMENSPEL_DATA_DIR} (default {@code ./data}),
 * {@code SAMENSPEL_STORE_PORT} (27018), {@code WEB_PORT} (8080), {@code COMMAND_PORT} (8081), {@code QUERY_PORT} (8082),
 * {@code SAMENSPEL_BIND_ADDRESS} (default {@code 127.0.0.1}: the services listen on the loopback interface only).
 *
 * <p>The data directory is private to its owner (0700, its files 0600): the store's file holds the whole log and
 * the people directory, and the embedded store's port takes no login.
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
            Path dataDir = dataDir(true);
            store = openEmbeddedStore(dataDir, Integer.parseInt(env("SAMENSPEL_STORE_PORT", "27018")));
            uri = store.uri("samenspel");
            storeLine = "embedded MongoDB wire server at " + uri + ", data in " + dataDir;
        } else {
            uri = externalUri;
            storeLine = "MongoDB at " + redact(externalUri);
        }
        Platform platform;
        Map<String, String> demoCredentials = new LinkedHashMap<>();
        try {
            List<String> serviceArgs = serviceArguments(args, System.getenv());
            if (System.getenv("SAMENSPEL_TOKEN_SECRET") == null) {
                serviceArgs.add("--samenspel.security.token-secret=" + tokenSecret(dataDir(store != null)));
            }
            if (store != null) {
                // The store lives in this process (its file is locked to it), so this command side is its only writer.
                soleWriterUnlessSet(serviceArgs);
            }
            if (store != null && System.getenv("SAMENSPEL_CHECKPOINTS_PRIVATE_KEY") == null) {
                serviceArgs.add("--samenspel.checkpoints.key-file=" + dataDir(true).resolve("checkpoint-key"));
            }
            // A fresh embedded store gets its demo users (among them an admin) before the services look for an admin,
            // so they do not warn that there is none.
            boolean demo = store != null;
            platform = Platform.start(uri, Integer.parseInt(env("COMMAND_PORT", "8081")),
                                      Integer.parseInt(env("QUERY_PORT", "8082")),
                                      commands -> demoCredentials.putAll(demo ? DemoSeed.seedIfEmpty(commands) : Map.of()),
                                      serviceArgs.toArray(String[]::new));
            platform.startWeb(Integer.parseInt(env("WEB_PORT", "8080")), bindAddress(serviceArgs), demo);
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
        Path loginsFile = store != null ? dataDir(true).resolve(DemoLogins.FILE) : null;
        if (!demoCredentials.isEmpty()) {
            DemoLogins.write(loginsFile, demoCredentials);
        }
        System.out.printf("""

                Samenspel is ready.  Open http://localhost:%5$d
                %6$s
                  Commands:  http://localhost:%1$d/api/networks
                  Queries:   http://localhost:%2$d/api/networks
                  Health:    http://localhost:%1$d/actuator/health  http://localhost:%2$d/actuator/health
                  Metrics:   http://localhost:%1$d/actuator/prometheus  http://localhost:%2$d/actuator/prometheus (admin login)
                  Store:     %3$s
                  Checkpoints and receipts are signed with this Ed25519 public key (also at /api/checkpoint-key):
                %4$s
                Press Ctrl-C to stop.
                %n""", platform.commandPort(), platform.queryPort(), storeLine,
                          platform.queries().getBean(CheckpointKey.class).publicKeyPem().strip(), platform.webPort(),
                          DemoLogins.banner(demoCredentials, loginsFile));
    }

    /** The address the services listen on, which the web application shares; null when the environment decides. */
    static String bindAddress(List<String> serviceArgs) {
        return serviceArgs.stream().filter(arg -> arg.startsWith("--server.address="))
                          .map(arg -> arg.substring("--server.address=".length())).reduce((first, last) -> last)
                          .orElse(null);
    }

    /**
     * Tells the services whether they are the embedded store's only writer: a commit then takes its positions in memory
     * instead of from the counter (one round trip less per command).
     */
    public static final String SOLE_WRITER_OPTION = "--samenspel.event-store.sole-writer=";

    /** Adds {@link #SOLE_WRITER_OPTION}{@code true} to {@code args}, unless they already set it either way. */
    static void soleWriterUnlessSet(List<String> args) {
        if (args.stream().noneMatch(arg -> arg.startsWith(SOLE_WRITER_OPTION))) {
            args.add(SOLE_WRITER_OPTION + "true");
        }
    }

    /** The exit status after the store was closed by a failure (EX_IOERR): a supervisor starts the platform again. */
    static final int STORE_FAILED = 74;

    /**
     * Opens the on-disk store in a data directory that only its owner can enter, with files only the owner can read.
     * If a failure closes the store (H2 does on an internal error), the platform stops with {@value #STORE_FAILED}
     * instead of refusing every write until someone notices: what was acknowledged is on disk, and a restart on the
     * same data (Docker's {@code restart: unless-stopped}) opens it again.
     */
    static EmbeddedStore openEmbeddedStore(Path dataDir, int port) {
        DataDirectory.makePrivate(dataDir);
        EmbeddedStore store = EmbeddedStore.onDisk(dataDir.resolve("samenspel.mv"), port).whenClosedByFailure(failure -> {
            log.error("Samenspel stops: its store was closed by a failure ({}); start it again on the same data, "
                              + "nothing acknowledged is lost", failure.toString());
            // Not on the store's own thread: stopping closes the store, which waits for that thread.
            new Thread(() -> System.exit(STORE_FAILED), "stop-after-store-failure").start();
        });
        DataDirectory.makePrivate(dataDir);
        return store;
    }

    /**
     * The services' arguments: those given, and the loopback interface to listen on unless an address is configured
     * ({@code SAMENSPEL_BIND_ADDRESS}, {@code SERVER_ADDRESS} or {@code --server.address}).
     */
    static List<String> serviceArguments(String[] args, Map<String, String> environment) {
        List<String> serviceArgs = new ArrayList<>(List.of(args));
        boolean configured = environment.containsKey("SERVER_ADDRESS")
                || serviceArgs.stream().anyMatch(arg -> arg.startsWith("--server.address="));
        if (!configured) {
            String bind = environment.get("SAMENSPEL_BIND_ADDRESS");
            serviceArgs.add("--server.address=" + (bind == null || bind.isBlank() ? "127.0.0.1" : bind));
        }
        return serviceArgs;
    }

    /**
     * The embedded default keeps its token-signing secret in the data directory (readable by the owner only), so
     * tokens stay valid across restarts; without a data directory a fresh secret is made for this run.
     */
    private static String tokenSecret(Path dataDir) {
        if (dataDir == null) {
            return DemoSeed.password() + DemoSeed.password() + DemoSeed.password();
        }
        Path file = dataDir.resolve("token-secret");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                Files.writeString(file, DemoSeed.password() + DemoSeed.password() + DemoSeed.password());
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    log.debug("Cannot restrict permissions of {}", file);
                }
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or write " + file, e);
        }
    }

    private static Path dataDir(boolean embedded) {
        return embedded ? Path.of(env("SAMENSPEL_DATA_DIR", "data")).toAbsolutePath().normalize() : null;
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
