package nl.samenspel.eventstore;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import nl.samenspel.verify.Anchor;
import nl.samenspel.verify.Signatures;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every event is stored with its seal, the platform's signature over its receipt; the store answers a receipt from
 * the seal (a fresh engine checks it against the event as stored), and chains nothing onto an event whose seal does
 * not verify. Someone with the database alone can neither add an entry the platform then builds on, nor have the
 * platform sign a receipt over an entry changed since.
 */
class SealedEventsTest {
    private final CheckpointKey key = CheckpointKey.ephemeral();
    private final StoreFixture fixture = new StoreFixture(builder -> builder.sealingKey(key));

    @AfterEach
    void stop() {
        fixture.close();
    }

    private MongoEventStorageEngine freshEngine() {
        return MongoEventStorageEngine.builder().database(fixture.database).clock(fixture.clock)
                                      .eventSerializer(fixture.serializer).snapshotSerializer(fixture.serializer)
                                      .sealingKey(key).build();
    }

    /**
     * The last event of each commit carries its seal (the first event of each command too, whose receipt its answer
     * is); an event inside a commit is covered by the seal after it, through the chain.
     */
    @Test
    void theLastEventOfEveryCommitCarriesASealThatIsItsReceiptsSignature() {
        fixture.engine.appendEvents(StoreFixture.event("n", 0, 1), StoreFixture.event("n", 1, 1));
        fixture.engine.appendEvents(StoreFixture.event("n", 2, 1));
        assertThat(fixture.events().find(Filters.eq("streamKey", "n:0")).first().containsKey("seal"))
                .as("inside a commit, without a command id").isFalse();
        for (Document doc : fixture.events().find(Filters.in("streamKey", "n:1", "n:2"))) {
            StoredEvent stored = StoredEvent.from(doc);
            Anchor receipt = new Anchor("receipt", "n", stored.sequenceNumber(), stored.hash(), stored.timestamp(),
                                        doc.getString("seal"));
            assertThat(Signatures.verify(key.publicKey(), receipt)).as("seal of %d", stored.sequenceNumber()).isTrue();
            assertThat(fixture.engine.sealedReceipt(stored)).isEqualTo(receipt);
            assertThat(freshEngine().sealedReceipt(stored)).as("read back and checked").isEqualTo(receipt);
        }
    }

    @Test
    void aFreshEngineGivesNoReceiptForAnEventChangedSinceItWasLogged() {
        fixture.engine.appendEvents(StoreFixture.event("n", 0, 1));
        Document doc = fixture.events().find(Filters.eq("streamKey", "n:0")).first();
        fixture.events().updateOne(Filters.eq("_id", doc.get("_id")), Updates.set("hash", "0".repeat(64)));
        StoredEvent changed = StoredEvent.from(fixture.events().find(Filters.eq("_id", doc.get("_id"))).first());
        assertThatThrownBy(() -> freshEngine().sealedReceipt(changed)).isInstanceOf(BrokenStreamException.class)
                                                                      .hasMessageContaining("seal does not verify");
    }

    @Test
    void nothingIsChainedOntoAnEventWithoutAValidSealAndOldLogsAreSealedAtTheirEnd() {
        fixture.engine.appendEvents(StoreFixture.event("n", 0, 1));
        assertThat(fixture.engine.recordedHead("n").sequence()).as("its head is recorded").isZero();
        fixture.events().updateOne(Filters.eq("streamKey", "n:0"), Updates.unset("seal"));
        MongoEventStorageEngine fresh = freshEngine();
        assertThatThrownBy(() -> fresh.appendEvents(List.of(StoreFixture.event("n", 1, 1))))
                .isInstanceOf(BrokenStreamException.class).hasMessageContaining("carries no seal");
        assertThat(fixture.events().find(Filters.eq("streamKey", "n:1")).first()).isNull();

        // A log from before events were sealed: its last event is sealed once, and the log goes on from there.
        assertThat(fresh.sealLastEvents()).isEqualTo(1);
        assertThat(fresh.sealLastEvents()).as("only once").isZero();
        fresh.appendEvents(List.of(StoreFixture.event("n", 1, 1)));
        assertThat(fixture.events().find(Filters.eq("streamKey", "n:1")).first().getString("seal")).isNotNull();
    }

    /**
     * A log that carries seals and ends in events without one had them added outside the platform: sealing them at
     * the next start would vouch for them (the first version of the start's sealing did, for any unsealed last event).
     */
    @Test
    void eventsAddedWithoutASealAfterSealedOnesAreNotSealedAtTheNextStart() {
        fixture.engine.appendEvents(StoreFixture.event("n", 0, 1), StoreFixture.event("n", 1, 1));
        assertThat(fixture.engine.recordedHead("n").sequence()).isEqualTo(1);
        for (long seq = 2; seq <= 3; seq++) {
            Document forged = new Document(fixture.events().find(Filters.eq("streamKey", "n:1")).first());
            long last = fixture.events().find().sort(new Document("_id", -1)).first().get("_id", Number.class).longValue();
            forged.put("_id", last + 1);
            forged.put("streamKey", "n:" + seq);
            forged.put("sequenceNumber", seq);
            forged.put("eventId", "forged-" + seq);
            forged.remove("seal");
            forged.remove("commandId");
            fixture.events().insertOne(forged);
        }
        assertThat(freshEngine().sealLastEvents()).isZero();
        assertThat(fixture.events().find(Filters.eq("streamKey", "n:3")).first().containsKey("seal")).isFalse();
    }
}
