package nl.samenspel.platform;

import nl.samenspel.eventstore.EmbeddedStore;
import nl.samenspel.eventstore.MongoEventStorageEngine;
import nl.samenspel.kernel.access.NetworkRole;
import nl.samenspel.query.network.NetworkFactsStore;
import nl.samenspel.query.network.NetworkView;
import nl.samenspel.support.security.UserAccount;
import nl.samenspel.support.security.UserStore;

import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both services on one embedded store, with an admin and users holding each role in network A, plus a coordinator of
 * network B: the cast every end-to-end test can call as.
 */
final class TestPlatform implements AutoCloseable {
    static final String PASSWORD = "correct horse battery staple";

    final EmbeddedStore store;
    final Platform platform;
    final Api.Login admin;
    final Api.Login coordinator;
    final Api.Login steering;
    final Api.Login auditor;
    final Api.Login otherCoordinator;
    final String networkA;
    final String networkB;

    TestPlatform(String... extraArgs) {
        this(EmbeddedStore.inMemory(), "samenspel-it", extraArgs);
    }

    TestPlatform(EmbeddedStore store, String database, String... extraArgs) {
        this.store = store;
        List<String> args = new ArrayList<>(List.of("--samenspel.security.token-secret=" + "s".repeat(48)));
        args.addAll(List.of(extraArgs));
        // A configured key, as every deployment has, the same for every platform of this JVM (a restart keeps it):
        // entries are sealed with it.
        if (args.stream().noneMatch(arg -> arg.startsWith("--samenspel.checkpoints."))) {
            args.addAll(KEY_ARGS);
        }
        // As the embedded default runs: the only writer of its store, unless a test says otherwise.
        SamenspelPlatform.soleWriterUnlessSet(args);
        this.platform = Platform.start(store.uri(database), 0, 0, args.toArray(String[]::new));
        UserStore users = platform.commands().getBean(UserStore.class);
        this.admin = login(users, "admin", true);
        this.networkA = found("Zorgnetwerk Noorderkwartier");
        this.networkB = found("Alliantie Vijf");
        this.coordinator = login(users, "coordinator", false, networkA, NetworkRole.COORDINATOR);
        this.steering = login(users, "steering", false, networkA, NetworkRole.STEERING);
        this.auditor = login(users, "auditor", false, networkA, NetworkRole.AUDITOR);
        this.otherCoordinator = login(users, "other-coordinator", false, networkB, NetworkRole.COORDINATOR);
    }

    /** One Ed25519 key pair for the platforms of a test JVM, given as configuration. */
    static final List<String> KEY_ARGS = keyArgs();

    private static List<String> keyArgs() {
        try {
            java.security.KeyPair pair = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
            return List.of("--samenspel.checkpoints.private-key=" + base64.encodeToString(pair.getPrivate().getEncoded()),
                           "--samenspel.checkpoints.public-key=" + base64.encodeToString(pair.getPublic().getEncoded()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Api.Login login(UserStore users, String username, boolean isAdmin, Object... grant) {
        UserAccount account = users.byUsername(username).orElseGet(() -> users.create(username, username, PASSWORD, isAdmin));
        if (grant.length == 2) {
            users.grant(account.userId(), UUID.fromString((String) grant[0]), (NetworkRole) grant[1]);
        }
        return Api.Login.basic(username, PASSWORD);
    }

    /** Lets the coordinator of network A coordinate {@code networkId} too. */
    void grantCoordinator(String networkId) {
        UserStore users = platform.commands().getBean(UserStore.class);
        users.grant(users.byUsername("coordinator").orElseThrow().userId(), UUID.fromString(networkId),
                    NetworkRole.COORDINATOR);
    }

    String found(String name) {
        Api.Response response = Api.post(commandPort(), "/api/networks", """
                {"name":"%s","collaborationForm":"network","foundedOn":"2024-01-10"}""".formatted(name), admin);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String id = response.json().get("networkId").asText();
        awaitView(id);
        return id;
    }

    /** Waits until both read models of the query-service know the network. */
    void awaitView(String networkId) {
        MongoTemplate views = platform.queries().getBean(MongoTemplate.class);
        NetworkFactsStore facts = platform.queries().getBean(NetworkFactsStore.class);
        await().atMost(Duration.ofSeconds(20))
               .until(() -> views.findById(UUID.fromString(networkId), NetworkView.class) != null
                       && facts.find(UUID.fromString(networkId)).isPresent());
    }

    /** Waits until every streaming processor of the query side has handled everything appended so far. */
    void awaitProjections() {
        awaitProjections(platform);
    }

    /** Waits until every streaming processor of {@code platform}'s query side has handled everything appended so far. */
    static void awaitProjections(Platform platform) {
        long head = platform.commands().getBean(MongoEventStorageEngine.class).head();
        MongoEventStorageEngine reader = platform.queries().getBean(MongoEventStorageEngine.class);
        var processing = platform.queries().getBean(org.axonframework.config.EventProcessingConfiguration.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> processing.eventProcessors().values().stream()
                .filter(org.axonframework.eventhandling.StreamingEventProcessor.class::isInstance)
                .map(org.axonframework.eventhandling.StreamingEventProcessor.class::cast)
                .allMatch(p -> caughtUp(p, reader, head)));
    }

    /**
     * Whether all four segments of {@code processor} have handled everything up to {@code head}, placeholders of
     * refused appends after the last event included ({@link MongoEventStorageEngine#positionPassed}).
     */
    static boolean caughtUp(org.axonframework.eventhandling.StreamingEventProcessor processor,
                            MongoEventStorageEngine reader, long head) {
        return processor.processingStatus().size() == 4 && processor.processingStatus().values().stream()
                .allMatch(status -> reader.positionPassed(status.getCurrentPosition().orElse(0)) >= head);
    }

    int commandPort() {
        return platform.commandPort();
    }

    int queryPort() {
        return platform.queryPort();
    }

    long head() {
        return platform.commands().getBean(MongoEventStorageEngine.class).head();
    }

    @Override
    public void close() {
        platform.close();
        store.close();
    }
}
