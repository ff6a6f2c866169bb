package nl.samenspel.eventstore;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A commit's extent ({@code commitFirst}, {@code commitSize}) is bookkeeping of the store, kept beside the events and
 * not hashed: it tells a reader whether a commit is whole while it is being written. Once the head recorded apart
 * covers an event, its commit completed, whatever its extent says later. An extent altered in the database (the
 * chain still verifies) made every read of the network fail as broken and, after the gap time-out, had a reader turn
 * the genuine event into a placeholder: an entry destroyed by a change to a field the verification does not read.
 */
class CommitBookkeepingTest {
    private final StoreFixture fixture = new StoreFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    /**
     * A document without the time its position was allocated (not written by this store) after a hole: closing the
     * hole read that time from every document after it and failed, so every processor stopped there, also after a
     * restart. It counts as old.
     */
    @Test
    void aDocumentWithoutAnAllocationTimeAfterAHoleStopsNoReader() {
        fixture.engine.appendEvents(StoreFixture.event("before", 0, 1));
        fixture.allocateLikeAWriterThatDies();
        long position = fixture.allocateLikeAWriterThatDies();
        fixture.engine.appendEvents(StoreFixture.event("written", 0, 1));
        Document written = fixture.events().find(Filters.eq("streamKey", "written:0")).first();
        fixture.events().deleteOne(Filters.eq("_id", written.get("_id")));
        written.put("_id", position);
        written.remove("allocatedAt");
        fixture.events().insertOne(written);
        fixture.clock.advance(StoreFixture.GAP_TIMEOUT.plusSeconds(1));

        List<String> tracked;
        try (Stream<? extends TrackedEventMessage<?>> stream = fixture.engine.readEvents(null, false)) {
            tracked = stream.limit(2).map(TrackedEventMessage::getIdentifier).toList();
        }
        assertThat(tracked).hasSize(2).contains(written.getString("eventId"));
    }

    @Test
    void anEventTheRecordedHeadCoversStaysAnEventWhateverItsCommitExtentSays() {
        List<DomainEventMessage<?>> logged = List.of(StoreFixture.event("kept", 0, 1), StoreFixture.event("kept", 1, 1),
                                                     StoreFixture.event("kept", 2, 1));
        logged.forEach(fixture.engine::appendEvents);
        assertThat(fixture.engine.recordedHead("kept").sequence()).isEqualTo(2);
        Document second = fixture.events().find(Filters.eq("streamKey", "kept:1")).first();
        fixture.events().updateOne(Filters.eq("_id", second.get("_id")),
                                   Updates.combine(Updates.set("commitFirst", second.get("_id")),
                                                   Updates.set("commitSize", 100_000)));
        fixture.clock.advance(StoreFixture.GAP_TIMEOUT.plusSeconds(1));

        List<String> ids = logged.stream().map(DomainEventMessage::getIdentifier).toList();
        List<String> tracked;
        try (Stream<? extends TrackedEventMessage<?>> stream = fixture.engine.readEvents(null, false)) {
            tracked = stream.limit(3).map(TrackedEventMessage::getIdentifier).toList();
        }
        assertThat(tracked).as("a tracker reading from the start").containsExactlyElementsOf(ids);
        assertThat(fixture.engine.readEvents("kept").asStream().map(DomainEventMessage::getIdentifier).toList())
                .as("the network's own stream").containsExactlyElementsOf(ids);
        assertThat(fixture.events().find(Filters.eq("_id", second.get("_id"))).first().getBoolean("placeholder", false))
                .as("the event is still there").isFalse();
    }
}
