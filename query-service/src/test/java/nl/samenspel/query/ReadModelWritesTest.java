package nl.samenspel.query;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.query.audit.Checkpoints;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

    private final Queue<Write> writes = new ConcurrentLinkedQueue<>();
    private RunningQueryService service;

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
        service = new RunningQueryService(DATABASE, NETWORK, recorder);
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void readModelsAndTokensAreWrittenUnjournaledAndACheckpointJournaled() {
        service.append(founded("Zorgnetwerk Noorderkwartier", "2024-01-10"));
        service.append(joined(HOSPITAL, "Ziekenhuis Noord", ParticipationLevel.CORE, "2024-02-01"));
        List<String> readModels = List.of("network_views", "network_facts", "network_facts_parts", "health_networks",
                                          "health_months", "trackingtokens");
        await().atMost(Duration.ofSeconds(30))
               .until(() -> writes.stream().map(Write::collection).collect(Collectors.toSet()).containsAll(readModels));

        service.app().getBean(Checkpoints.class).verify(NETWORK.toString());

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
