package nl.samenspel.command.network;

import nl.samenspel.eventstore.MongoEventStorageEngine;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Before the command side takes its first command, every network's log ends in a seal: the last event of a log
 * written before events were sealed is sealed once, so that verification can require a seal at the end of every log.
 */
@Component
class SealedLogs implements SmartInitializingSingleton {
    private final MongoEventStorageEngine eventStore;

    SealedLogs(MongoEventStorageEngine eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public void afterSingletonsInstantiated() {
        eventStore.sealLastEvents();
    }
}
