package nl.samenspel.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import nl.samenspel.eventstore.EmbeddedStore;
import nl.samenspel.eventstore.MongoEventStorageEngine;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.query.audit.Checkpoints;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import static nl.samenspel.query.facts.Events.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the query service writes, as the driver sends it: the read models and the processors' tokens go without
 * waiting for the journal (on the embedded store each journaled write costs a commit and a sync of its own), while
 * what a person is handed, a signed checkpoint, is journaled.
 */
class ReadModelWritesTest {
    private static final String DATABASE = "read-model-writes";
    private static final UUID HOSPITAL = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final List<String> WRITES = List.of("insert", "update", "delete", "findAndModify");

    private final EmbeddedStore store = EmbeddedStore.inMemory();
    private final Queue<Write> writes = new ConcurrentLinkedQueue<>();
    private ConfigurableApplicationContext app;
    private MongoClient writerClient;

    /** One write command the service sent: its collection, and whether it asked to be journaled (the default). */
    private record Write(String collection, boolean journaled) {
    }

    @BeforeEach
    void start() {
        CommandListener recorder = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (WRITES.contains(event.getCommandName())) {
                    // The command's buffer is reused once the listener returns: read it now.
                    BsonDocument command = event.getCommand();
                    BsonValue j = command.getDocument("writeConcern", new BsonDocument()).get("j");
                    writes.add(new Write(command.getString(event.getCommandName()).getValue(),
                                         j == null || j.asBoolean().getValue()));
                }
            }
        };
        MongoClientSettingsBuilderCustomizer listening = settings -> settings.addCommandListener(recorder);
        app = QueryServiceApplication.application().registerShutdownHook(false)
                                     .initializers(context -> context.getBeanFactory()
                                                                     .registerSingleton("recorder", listening))
                                     .run("--spring.data.mongodb.uri=" + store.uri(DATABASE), "--server.port=0",
                                          "--samenspel.security.token-secret=" + "s".repeat(48));
        writerClient = MongoClients.create(store.uri(DATABASE));
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (writerClient != null) {
            writerClient.close();
        }
        store.close();
    }

    @Test
    void readModelsAndTokensAreWrittenUnjournaledAndACheckpointJournaled() {
        Serializer serializer = app.getBean("eventSerializer", Serializer.class);
        MongoEventStorageEngine writer = MongoEventStorageEngine.builder()
                                                                .database(writerClient.getDatabase(DATABASE))
                                                                .eventSerializer(serializer)
                                                                .snapshotSerializer(serializer).build();
        List<NetworkEvent> log = List.of(founded("Zorgnetwerk Noorderkwartier", "2024-01-10"),
                                         joined(HOSPITAL, "Ziekenhuis Noord", ParticipationLevel.CORE, "2024-02-01"));
        for (int sequence = 0; sequence < log.size(); sequence++) {
            writer.appendEvents(List.of(new GenericDomainEventMessage<>("Network", NETWORK.toString(), sequence,
                                                                        log.get(sequence))));
        }
        List<String> readModels = List.of("network_views", "network_facts", "network_facts_parts", "health_networks",
                                          "health_months", "trackingtokens");
        await().atMost(Duration.ofSeconds(30))
               .until(() -> writes.stream().map(Write::collection).collect(Collectors.toSet()).containsAll(readModels));

        app.getBean(Checkpoints.class).verify(NETWORK.toString());

        Map<String, List<Boolean>> journaledByCollection =
                writes.stream().collect(Collectors.groupingBy(Write::collection,
                                                              Collectors.mapping(Write::journaled, Collectors.toList())));
        assertThat(journaledByCollection.get("checkpoints")).as("the signed checkpoint").containsOnly(true);
        journaledByCollection.remove("checkpoints");
        assertThat(journaledByCollection).as("every other write the service made").containsKeys(
                readModels.toArray(String[]::new));
        journaledByCollection.forEach((collection, journaled) -> assertThat(journaled).as(collection)
                                                                                     .containsOnly(false));
    }
}
