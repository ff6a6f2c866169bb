package nl.samenspel.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A snapshot is decision state kept beside the log, outside its chain: altered in the database (a partner renamed in
 * it), it made the command side accept a second partner of a name already taken and refuse a free one, while the log
 * still verified. A snapshot is sealed with a secret kept outside the database, and one without its seal is passed
 * over, so the aggregate is loaded from its events.
 */
class SnapshotSealTest {
    private final CheckpointKey key = CheckpointKey.ephemeral();
    private final StoreFixture fixture = new StoreFixture(builder -> builder.snapshotSecret(key.secret("test")));

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aSnapshotAsStoredIsReadAndOneAlteredOrUnsealedIsPassedOver() {
        DomainEventMessage<?> snapshot = StoreFixture.event("sealed", 4, 1);
        fixture.engine.storeSnapshot(snapshot);
        Optional<DomainEventMessage<?>> read = fixture.engine.readSnapshot("sealed");
        assertThat(read).as("the snapshot as stored").isPresent();
        assertThat(read.get().getSequenceNumber()).isEqualTo(4);

        MongoCollection<Document> snapshots = fixture.database.getCollection("snapshots");
        String payload = snapshots.find(Filters.eq("_id", "sealed")).first().getString("payload");
        snapshots.updateOne(Filters.eq("_id", "sealed"), Updates.set("payload", payload.replace("\"writer\":1", "\"writer\":2")));
        assertThat(snapshots.find(Filters.eq("_id", "sealed")).first().getString("payload")).isNotEqualTo(payload);
        assertThat(fixture.engine.readSnapshot("sealed")).as("its payload altered").isEmpty();

        snapshots.updateOne(Filters.eq("_id", "sealed"), Updates.combine(Updates.set("payload", payload),
                                                                          Updates.set("sequenceNumber", 9L)));
        assertThat(fixture.engine.readSnapshot("sealed")).as("its sequence number altered").isEmpty();

        snapshots.updateOne(Filters.eq("_id", "sealed"), Updates.combine(Updates.set("sequenceNumber", 4L),
                                                                          Updates.unset("seal")));
        assertThat(fixture.engine.readSnapshot("sealed")).as("its seal taken away").isEmpty();

        try (StoreFixture otherKey = new StoreFixture(builder -> builder.snapshotSecret(
                CheckpointKey.ephemeral().secret("test")))) {
            otherKey.engine.storeSnapshot(StoreFixture.event("sealed", 4, 1));
            Document foreign = otherKey.database.getCollection("snapshots").find().first();
            snapshots.replaceOne(Filters.eq("_id", "sealed"), foreign);
        }
        assertThat(fixture.engine.readSnapshot("sealed")).as("sealed with another secret").isEmpty();
    }
}
