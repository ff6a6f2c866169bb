package nl.samenspel.query.health;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Which networks this instance computes the health of: those whose events fall in a segment of the health processor
 * that this instance holds. Only that instance folds the network's new entries, so only it brings the network up to
 * a new day; the others leave it alone and drop their copies.
 */
@Component
class HealthSegments implements Predicate<UUID> {
    private final EventProcessingConfiguration processing;

    HealthSegments(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public boolean test(UUID networkId) {
        Optional<StreamingEventProcessor> processor =
                processing.eventProcessor(HealthProjection.PROCESSOR, StreamingEventProcessor.class);
        if (processor.isEmpty()) {
            // A subscribing processor handles every event in the instance that publishes it: no segments to share.
            return true;
        }
        int hash = Objects.hashCode(sequenceOf(networkId));
        return processor.get().processingStatus().values().stream().anyMatch(status -> status.getSegment().matches(hash));
    }

    /**
     * The value the processor's sequencing policy assigns to the network's events, as the processor computes it to
     * pick the segment (per aggregate, by default: the network's id). The probe carries only the aggregate's id; a
     * policy that needs more than that to sequence a network is read as sequencing by the network's id.
     */
    private Object sequenceOf(UUID networkId) {
        GenericDomainEventMessage<String> probe = new GenericDomainEventMessage<>("Network", networkId.toString(), 0,
                                                                                   networkId.toString());
        Object sequence = processing.sequencingPolicy(HealthProjection.PROCESSOR).getSequenceIdentifierFor(probe);
        return sequence == null ? networkId.toString() : sequence;
    }
}
