package nl.samenspel.query.network;

import nl.samenspel.kernel.network.NetworkFounded;
import nl.samenspel.kernel.network.PartnerJoined;
import nl.samenspel.kernel.network.PartnerWithdrew;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

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

    public NetworkViewProjection(MongoTemplate mongo) {
        this.mongo = mongo;
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
