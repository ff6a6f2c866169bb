package nl.samenspel.query.network;

import nl.samenspel.eventstore.MongoEventStorageEngine;
import nl.samenspel.kernel.correction.EntryCorrected;
import nl.samenspel.kernel.correction.EntryRetracted;
import nl.samenspel.kernel.history.EffectiveLog;
import nl.samenspel.kernel.history.Standing;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.NetworkFounded;
import nl.samenspel.kernel.network.PartnerParticipationChanged;
import nl.samenspel.kernel.network.PartnerJoined;
import nl.samenspel.kernel.network.PartnerWithdrew;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Keeps {@link NetworkView} current from the event stream. Events of one network arrive in order (the processor is
 * sequenced per network); an event that was already applied, as after a crash between the read-model write and the
 * token update, is recognised by its sequence number and skipped.
 */
@Component
@ProcessingGroup(NetworkViewProjection.PROCESSOR)
public class NetworkViewProjection {
    public static final String PROCESSOR = "network-views";

    private final MongoTemplate mongo;
    private final MongoEventStorageEngine eventStore;

    public NetworkViewProjection(MongoTemplate mongo, MongoEventStorageEngine eventStore) {
        this.mongo = mongo;
        this.eventStore = eventStore;
    }

    @EventHandler
    void on(NetworkFounded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (mongo.findById(event.networkId(), NetworkView.class) != null) {
            return;
        }
        NetworkView view = new NetworkView(event.networkId(), event.name(), event.sector(), event.region(),
                                           event.collaborationForm(), event.societalTask(), event.foundedOn());
        view.applied(sequence, recordedAt);
        mongo.insert(view);
    }

    @EventHandler
    void on(PartnerJoined event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.networkId(), sequence, recordedAt, view -> view.addPartner(new NetworkView.PartnerView(
                event.partnerId(), event.name(), event.partnerType(), event.participationLevel(), event.motives(),
                event.occurredOn(), null, null)));
    }

    @EventHandler
    void on(PartnerWithdrew event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.networkId(), sequence, recordedAt,
               view -> view.withdrawPartner(event.partnerId(), event.occurredOn(), event.reason()));
    }

    @EventHandler
    void on(PartnerParticipationChanged event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        refold(event.networkId(), sequence, recordedAt);
    }

    @EventHandler
    void on(EntryCorrected event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        refold(event.networkId(), sequence, recordedAt);
    }

    @EventHandler
    void on(EntryRetracted event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        refold(event.networkId(), sequence, recordedAt);
    }

    /**
     * A correction or retraction can change any earlier entry, and the level in force is the one with the latest
     * business date: the view is then taken again from the network's log up to and including this event, read from
     * the event store by exact stream key, with corrections applied as everywhere else ({@link EffectiveLog}).
     */
    private void refold(UUID networkId, long sequence, Instant recordedAt) {
        List<DomainEventMessage<?>> log = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(networkId.toString(), 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getSequenceNumber() > sequence) {
                break;
            }
            if (message.getPayload() instanceof NetworkEvent) {
                log.add(message);
            }
        }
        update(networkId, sequence, recordedAt,
               view -> refold(view, log, DomainEventMessage::getIdentifier, m -> (NetworkEvent) m.getPayload()));
    }

    /**
     * Takes {@code view}'s founding facts and partners again from {@code log} (a network's entries in log order, each
     * with its event id), with corrections applied as everywhere else ({@link EffectiveLog}).
     */
    static <T> void refold(NetworkView view, List<T> log, Function<T, String> eventId, Function<T, NetworkEvent> event) {
        List<EffectiveLog.Effective> effective = EffectiveLog.of(log, eventId, event).entries();
        NetworkFounded foundedInForce = effective.stream().map(EffectiveLog.Effective::content)
                                                 .filter(NetworkFounded.class::isInstance).map(NetworkFounded.class::cast)
                                                 .findFirst().orElse(null);
        Standing standing = Standing.of(effective, e -> eventId.apply(log.get(e.position())),
                                        EffectiveLog.Effective::content);
        view.refold(foundedInForce, standing);
    }

    /** Whether the view takes {@code event} in: the events it has handlers for. */
    static boolean changes(NetworkEvent event) {
        return event instanceof NetworkFounded || event instanceof PartnerJoined || event instanceof PartnerWithdrew
                || event instanceof PartnerParticipationChanged || event instanceof EntryCorrected
                || event instanceof EntryRetracted;
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(NetworkView.class);
    }

    private void update(UUID networkId, long sequence, Instant recordedAt, Consumer<NetworkView> change) {
        NetworkView view = mongo.findById(networkId, NetworkView.class);
        if (view == null || view.getLastSequence() >= sequence) {
            return;
        }
        change.accept(view);
        view.applied(sequence, recordedAt);
        mongo.save(view);
    }
}
