package nl.samenspel.eventstore;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Command ids are a unique, exactly looked-up field of the event documents, across all aggregates. */
class CommandIdIndexTest {

    private static DomainEventMessage<TestEvent> byCommand(String aggregateId, long sequence, String commandId) {
        return StoreFixture.event(aggregateId, sequence, 0).andMetaData(Map.of("commandId", commandId));
    }

    @Test
    void eventsAreFoundByTheIdOfTheCommandThatCausedThem() {
        try (StoreFixture fx = new StoreFixture()) {
            fx.engine.appendEvents(byCommand("network-a", 0, "c-1"));
            fx.engine.appendEvents(List.of(byCommand("network-a", 1, "c-2"), byCommand("network-a", 2, "c-3")));
            fx.engine.appendEvents(StoreFixture.event("network-a", 3, 0));

            List<DomainEventMessage<?>> found = fx.engine.eventsByCommandId(List.of("c-1", "c-3", "c-unknown"));

            assertThat(found).extracting(DomainEventMessage::getSequenceNumber).containsExactlyInAnyOrder(0L, 2L);
            assertThat(found).extracting(e -> e.getPayload()).allMatch(TestEvent.class::isInstance);
            assertThat(fx.events().countDocuments(Filters.exists("commandId"))).isEqualTo(3);
        }
    }

    @Test
    void aCommandIdUsedByAnotherAggregateIsAConcurrencyConflictAndNothingOfTheCommitIsStored() {
        try (StoreFixture fx = new StoreFixture()) {
            fx.engine.appendEvents(byCommand("network-a", 0, "c-1"));

            assertThatThrownBy(() -> fx.engine.appendEvents(List.of(byCommand("network-b", 0, "c-2"),
                                                                    byCommand("network-b", 1, "c-1"))))
                    .isInstanceOf(ConcurrencyException.class);

            assertThat(fx.engine.readStoredEvents("network-b", 0, 10)).isEmpty();
            assertThat(fx.engine.eventsByCommandId(List.of("c-2"))).as("the abandoned commit frees its ids").isEmpty();
            fx.engine.appendEvents(byCommand("network-b", 0, "c-2"));
            assertThat(fx.engine.eventsByCommandId(List.of("c-2"))).hasSize(1);
        }
    }

    /**
     * The engine that appended a command answers where it landed from what it stored; that answer is the one any
     * other engine reads from the store, and a commit that failed leaves nothing to answer with.
     */
    @Test
    void whereACommandLandedIsTheSameFromTheEngineThatAppendedItAsFromTheStore() {
        try (StoreFixture fx = new StoreFixture()) {
            fx.engine.appendEvents(byCommand("network-a", 0, "c-1"));
            fx.engine.appendEvents(List.of(byCommand("network-a", 1, "c-2"), byCommand("network-a", 2, "c-2"),
                                           byCommand("network-a", 3, "c-3")));
            assertThatThrownBy(() -> fx.engine.appendEvents(List.of(byCommand("network-b", 0, "c-4"),
                                                                    byCommand("network-b", 1, "c-1"))))
                    .isInstanceOf(ConcurrencyException.class);
            MongoEventStorageEngine other = MongoEventStorageEngine.builder().database(fx.database)
                    .eventSerializer(fx.serializer).snapshotSerializer(fx.serializer).build();
            List<String> ids = List.of("c-1", "c-2", "c-3", "c-4", "c-unknown");

            List<StoredEvent> fromTheAppender = fx.engine.storedByCommandId(ids);

            assertThat(fromTheAppender).extracting(StoredEvent::sequenceNumber).containsExactlyInAnyOrder(0L, 1L, 3L);
            assertThat(fromTheAppender).extracting(StoredEvent::hash).doesNotContainNull();
            assertThat(fromTheAppender).containsExactlyInAnyOrderElementsOf(other.storedByCommandId(ids));
        }
    }

    @Test
    void commandIdsOfEventsStoredBeforeTheFieldExistedAreCopiedOutOnce() {
        try (StoreFixture fx = new StoreFixture()) {
            fx.engine.appendEvents(byCommand("network-a", 0, "old-1"));
            fx.engine.appendEvents(byCommand("network-b", 0, "old-2"));
            // As an older version stored them: the id only inside the serialized metadata, and no marker.
            fx.events().updateMany(Filters.exists("commandId"), Updates.unset("commandId"));
            fx.counters().deleteOne(Filters.eq("_id", "commandIdsIndexed"));
            assertThat(fx.engine.eventsByCommandId(List.of("old-1", "old-2"))).isEmpty();

            MongoEventStorageEngine restarted = MongoEventStorageEngine.builder().database(fx.database)
                    .eventSerializer(fx.serializer).snapshotSerializer(fx.serializer).build();

            assertThat(restarted.eventsByCommandId(List.of("old-1", "old-2")))
                    .extracting(DomainEventMessage::getAggregateIdentifier)
                    .containsExactlyInAnyOrder("network-a", "network-b");
            assertThat(fx.counters().find(Filters.eq("_id", "commandIdsIndexed")).first()).isNotNull();
        }
    }
}
