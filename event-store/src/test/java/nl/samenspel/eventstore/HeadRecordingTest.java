package nl.samenspel.eventstore;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import nl.samenspel.verify.Anchor;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The head of every aggregate is recorded apart from its events, off the appending thread: the command that appends
 * does not wait for it, the same engine never reads a head that lags, another reader sees it shortly after, and a
 * closing engine writes what it still holds.
 */
class HeadRecordingTest {
    private final StoreFixture fixture = new StoreFixture();
    private final Set<String> headWriterThreads = ConcurrentHashMap.newKeySet();
    private final MongoClient watched = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(fixture.store.uri("test")))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (event.getCommandName().equals("update")
                        && "heads".equals(event.getCommand().getString("update").getValue())) {
                        headWriterThreads.add(Thread.currentThread().getName());
                    }
                }
            }).build());
    private final MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
            .database(watched.getDatabase("test")).eventSerializer(fixture.serializer)
            .snapshotSerializer(fixture.serializer).build();

    @AfterEach
    void stop() {
        engine.close();
        watched.close();
        fixture.close();
    }

    @Test
    void theAppendingThreadDoesNotWriteHeadsAndTheSameEngineReadsThemAtOnce() {
        for (int seq = 0; seq < 30; seq++) {
            engine.appendEvents(List.of(StoreFixture.event("network-" + seq % 3, seq / 3, 1)));
        }
        assertThat(headWriterThreads).as("threads that wrote heads while the appends ran")
                                      .doesNotContain(Thread.currentThread().getName());
        for (int n = 0; n < 3; n++) {
            Anchor head = engine.recordedHead("network-" + n);
            assertThat(head).as("head of network-%d, read right after its appends", n).isNotNull();
            assertThat(head.sequence()).isEqualTo(9);
            assertThat(head.hash()).isEqualTo(engine.storedEvents("network-" + n).toList().get(9).hash());
        }
    }

    @Test
    void anotherReaderSeesEveryHeadShortlyAfterWithoutAnyoneAsking() {
        for (int seq = 0; seq < 5; seq++) {
            engine.appendEvents(List.of(StoreFixture.event("network-a", seq, 1), StoreFixture.event("network-b", seq, 1)));
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(headSequence("network-a")).isEqualTo(4);
            assertThat(headSequence("network-b")).isEqualTo(4);
        });
        assertThat(fixture.engine.verifyChain("network-a").intact()).isTrue();
        assertThat(fixture.engine.verifyChain("network-a").recordedHeadSequence()).isEqualTo(4);
    }

    @Test
    void aClosingEngineWritesTheHeadsItStillHolds() {
        engine.appendEvents(List.of(StoreFixture.event("network-c", 0, 1), StoreFixture.event("network-c", 1, 1)));
        engine.close();
        assertThat(headSequence("network-c")).isEqualTo(1);
    }

    @Test
    void aRecordedHeadSortsAsTextExactlyAsItsSequenceNumberAndReadsBack() {
        java.util.Random random = new java.util.Random(7);
        List<Long> sequences = new java.util.ArrayList<>(List.of(0L, 9L, 10L, 99L, 100L, Long.MAX_VALUE));
        for (int i = 0; i < 2_000; i++) {
            sequences.add((random.nextLong() >>> 1) >>> random.nextInt(63));
        }
        String hash = "ab".repeat(32);
        List<String> texts = sequences.stream().map(s -> MongoEventStorageEngine.headText(s, hash)).toList();
        assertThat(texts).allSatisfy(text -> assertThat(text).hasSize(19 + 1 + 64));
        assertThat(texts.stream().map(t -> Long.parseLong(t.substring(0, 19))).toList()).isEqualTo(sequences);
        assertThat(texts.stream().sorted().toList())
                .isEqualTo(sequences.stream().sorted().map(s -> MongoEventStorageEngine.headText(s, hash)).toList());
    }

    private long headSequence(String aggregate) {
        Document doc = fixture.database.getCollection("heads").find(Filters.eq("_id", aggregate)).first();
        return doc == null ? -1 : Long.parseLong(doc.getString("head").substring(0, 19));
    }
}
