package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspel.eventstore.MongoEventStorageEngine;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Read-your-writes through real HTTP: every command answer says the position it was written at, every answer built
 * from a read model says the position that read model includes, and a query asked to wait for a position answers only
 * once its read model includes it, or, after a bounded wait, says it is not there yet.
 */
class ReadYourWritesTest {
    private static final String POSITION = "Samenspel-Position";
    private static TestPlatform tp;

    @BeforeAll
    static void start() {
        tp = new TestPlatform("--samenspel.queries.wait-for-timeout=3s");
    }

    @AfterAll
    static void stop() {
        tp.close();
    }

    @Test
    void aNetworkJustFoundedIsReadBackByWaitingForThePositionTheFoundingAnswerNamed() {
        Api.Response founded = Api.post(tp.commandPort(), "/api/networks", """
                {"name":"Netwerk Direct Gelezen","collaborationForm":"network","foundedOn":"2024-01-10"}""", tp.admin);
        assertThat(founded.status()).as(founded.body()).isEqualTo(201);
        long position = founded.json().get("position").asLong();
        assertThat(position).isPositive();
        assertThat(founded.header(POSITION)).isEqualTo(Long.toString(position));
        String network = founded.json().get("networkId").asText();
        tp.grantCoordinator(network);

        // Straight after the answer, without waiting for the projections in the test.
        Api.Response facts = Api.get(tp.queryPort(), "/api/networks/" + network + "/facts?waitFor=" + position,
                                     tp.coordinator);
        assertThat(facts.status()).as(facts.body()).isEqualTo(200);
        assertThat(facts.json().get("network").get("name").asText()).isEqualTo("Netwerk Direct Gelezen");
        assertThat(Long.parseLong(facts.header(POSITION))).isGreaterThanOrEqualTo(position);

        Api.Response view = Api.get(tp.queryPort(), "/api/networks/" + network, tp.coordinator,
                                    "Samenspel-Wait-For", Long.toString(position));
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        assertThat(Long.parseLong(view.header(POSITION))).isGreaterThanOrEqualTo(position);

        Api.Response health = Api.get(tp.queryPort(), "/api/networks/" + network + "/health?waitFor=" + position,
                                      tp.coordinator);
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(Long.parseLong(health.header(POSITION))).isGreaterThanOrEqualTo(position);
    }

    @Test
    void whileTheProjectionIsHeldTheQueryWaitsAndAnswersWithTheWriteOnceItCatchesUp() throws Exception {
        String network = tp.found("Netwerk Opgehouden");
        tp.grantCoordinator(network);
        EventProcessor facts = processor("network-facts");
        facts.shutDown();
        try {
            Api.Response joined = joinPartner(network, "Gemeente Wachtstad");
            long position = joined.json().get("position").asLong();
            assertThat(joined.header(POSITION)).isEqualTo(Long.toString(position));

            CompletableFuture<Api.Response> waiting = CompletableFuture.supplyAsync(() -> Api.get(
                    tp.queryPort(), "/api/networks/" + network + "/partners?waitFor=" + position, tp.coordinator));
            Thread.sleep(600);
            assertThat(waiting).as("the answer waits for the held projection").isNotDone();
            facts.start();

            Api.Response partners = waiting.get(20, TimeUnit.SECONDS);
            assertThat(partners.status()).as(partners.body()).isEqualTo(200);
            assertThat(partners.json().findValuesAsText("name")).contains("Gemeente Wachtstad");
            assertThat(Long.parseLong(partners.header(POSITION))).isGreaterThanOrEqualTo(position);
        } finally {
            facts.start();
        }
    }

    @Test
    void aWaitThatRunsOutAnswers503WithRetryAfterAndThePositionIncludedSoFar() {
        String network = tp.found("Netwerk Te Laat");
        tp.grantCoordinator(network);
        EventProcessor facts = processor("network-facts");
        facts.shutDown();
        try {
            long position = joinPartner(network, "Gemeente Traagdorp").json().get("position").asLong();
            long started = System.nanoTime();
            Api.Response late = Api.get(tp.queryPort(), "/api/networks/" + network + "/partners?waitFor=" + position,
                                        tp.coordinator);
            long waitedMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(late.status()).as(late.body()).isEqualTo(503);
            assertThat(late.contentType()).startsWith("application/problem+json");
            assertThat(late.header("Retry-After")).isNotBlank();
            assertThat(Long.parseLong(late.header(POSITION))).isLessThan(position);
            JsonNode problem = late.json();
            assertThat(problem.get("errors").findValuesAsText("field")).contains("waitFor");
            assertThat(waitedMillis).as("the wait is bounded by the configured 3 s").isBetween(2_500L, 15_000L);
        } finally {
            facts.start();
        }
    }

    @Test
    void everyAnswerFromAReadModelSaysThePositionItIncludes() {
        tp.awaitProjections();
        long head = tp.head();
        for (String path : new String[]{"/api/networks", "/api/networks/" + tp.networkA,
                "/api/networks/" + tp.networkA + "/facts", "/api/networks/" + tp.networkA + "/agreements",
                "/api/networks/" + tp.networkA + "/health", "/api/networks/" + tp.networkA + "/health/timeline"}) {
            Api.Response answer = Api.get(tp.queryPort(), path, tp.coordinator);
            assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
            assertThat(answer.header(POSITION)).as(path).isNotNull();
            assertThat(Long.parseLong(answer.header(POSITION))).as(path).isGreaterThanOrEqualTo(head);
        }
    }

    @Test
    void placeholdersOfARefusedAppendAtTheEndOfTheLogAreIncludedWithTheLastEvent() {
        tp.awaitProjections();
        MongoEventStorageEngine commands = tp.platform.commands().getBean(MongoEventStorageEngine.class);
        // The network's first event is taken: the append is refused and its position becomes a placeholder.
        assertThatThrownBy(() -> commands.appendEvents(new GenericDomainEventMessage<>("Network", tp.networkA, 0, "refused")))
                .isInstanceOf(AggregateStreamCreationException.class);
        long head = tp.head();

        Api.Response facts = Api.get(tp.queryPort(), "/api/networks/" + tp.networkA + "/facts?waitFor=" + head,
                                     tp.coordinator);
        assertThat(facts.status()).as("a read model holding the last event holds everything up to the head: "
                                      + facts.body()).isEqualTo(200);
        assertThat(Long.parseLong(facts.header(POSITION))).isGreaterThanOrEqualTo(head);
    }

    @Test
    void aWaitForThatIsNoPositionOrLiesBeyondTheStoreIsRefusedNamingIt() {
        Api.Response notANumber = Api.get(tp.queryPort(), "/api/networks/" + tp.networkA + "/facts?waitFor=soon",
                                          tp.coordinator);
        assertThat(notANumber.status()).as(notANumber.body()).isEqualTo(400);
        assertThat(notANumber.json().get("errors").findValuesAsText("field")).contains("waitFor");

        Api.Response beyond = Api.get(tp.queryPort(), "/api/networks/" + tp.networkA + "/facts?waitFor="
                + (tp.head() + 1_000_000), tp.coordinator);
        assertThat(beyond.status()).as(beyond.body()).isEqualTo(400);
        assertThat(beyond.json().get("errors").findValuesAsText("field")).contains("waitFor");
    }

    @Test
    void anImportAnswerSaysThePositionOfItsLastEntry() {
        String network = tp.found("Netwerk Ingelezen");
        tp.grantCoordinator(network);
        Api.Response imported = Api.send("POST", tp.commandPort(), "/api/networks/" + network + "/imports", """
                {"type":"partner-joined","name":"Gemeente Een","partnerType":"municipality","participationLevel":"core","occurredOn":"2024-02-01"}
                {"type":"partner-joined","name":"Gemeente Twee","partnerType":"municipality","participationLevel":"core","occurredOn":"2024-02-01"}
                """, "application/x-ndjson", tp.coordinator);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        long position = imported.json().get("position").asLong();
        assertThat(position).isEqualTo(tp.head());
        assertThat(imported.header(POSITION)).isEqualTo(Long.toString(position));

        Api.Response partners = Api.get(tp.queryPort(), "/api/networks/" + network + "/partners?waitFor=" + position,
                                        tp.coordinator);
        assertThat(partners.status()).as(partners.body()).isEqualTo(200);
        assertThat(partners.json().findValuesAsText("name")).contains("Gemeente Een", "Gemeente Twee");
    }

    private static Api.Response joinPartner(String network, String name) {
        Api.Response joined = Api.post(tp.commandPort(), "/api/networks/" + network + "/partners", """
                {"name":"%s","partnerType":"municipality","participationLevel":"core","occurredOn":"2024-02-01"}"""
                .formatted(name), tp.coordinator);
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        return joined;
    }

    private static EventProcessor processor(String name) {
        return tp.platform.queries().getBean(EventProcessingConfiguration.class).eventProcessor(name).orElseThrow();
    }
}
