package nl.samenspel.command.network;

import nl.samenspel.eventstore.MongoEventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Before the command side takes its first command, it names every network log that carries no seal at all. Such a
 * log was written before entries were sealed, or was stripped of every seal in the store: the store cannot tell which,
 * so it is sealed only at the operator's word ({@code samenspel.integrity.seal-unsealed-logs=true}, for one start after
 * an upgrade). Until then it takes no new entry and its verification reports it. Sealing such logs at every start
 * would let anyone with the database rewrite a log, strip its seals and have the next start vouch for it.
 */
@Component
class SealedLogs implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(SealedLogs.class);
    private static final String SETTING = "samenspel.integrity.seal-unsealed-logs";

    private final MongoEventStorageEngine eventStore;
    private final boolean sealUnsealed;

    SealedLogs(MongoEventStorageEngine eventStore, @Value("${" + SETTING + ":false}") boolean sealUnsealed) {
        this.eventStore = eventStore;
        this.sealUnsealed = sealUnsealed;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (sealUnsealed) {
            int sealed = eventStore.sealLastEvents();
            log.warn("{}=true: sealed {} network log(s) that carried no seal, as they are stored now; remove the "
                     + "setting, so that a log stripped of its seals later is not sealed at the next start", SETTING,
                     sealed);
            return;
        }
        List<String> unsealed = eventStore.unsealedLogs();
        if (!unsealed.isEmpty()) {
            log.warn("The logs of {} network(s) carry no seal: {}. They were logged before entries were sealed, or their "
                     + "seals were removed in the store; they take no new entry, and their verification reports them. "
                     + "If they are from before sealing (check them against an export or receipts kept outside), start "
                     + "the command service once with {}=true.", unsealed.size(),
                     unsealed.size() <= 10 ? unsealed : unsealed.subList(0, 10) + " and more", SETTING);
        }
    }
}
