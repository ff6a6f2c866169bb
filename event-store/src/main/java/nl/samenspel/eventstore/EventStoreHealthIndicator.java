package nl.samenspel.eventstore;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Healthy when the event store answers an exact-key read of its position counter. Works on a MongoDB replica set and
 * on the embedded wire server alike (the stock MongoDB indicator asks for a command the embedded server lacks).
 */
public class EventStoreHealthIndicator extends AbstractHealthIndicator {
    private final MongoEventStorageEngine engine;

    public EventStoreHealthIndicator(MongoEventStorageEngine engine) {
        super("Event store check failed");
        this.engine = engine;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("headPosition", engine.head());
    }
}
