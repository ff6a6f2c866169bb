package nl.samenspel.query.audit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import nl.samenspel.eventstore.ChainVerification;
import nl.samenspel.eventstore.CheckpointKey;
import nl.samenspel.eventstore.MongoEventStorageEngine;
import nl.samenspel.verify.Anchor;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Signed checkpoints of network logs, one per network per month: the first verification in a month that finds the
 * log intact signs its head. Every later verification (and every export) must show that the log extends each of them,
 * so a rewrite by someone who can change the events and the recorded head shows at the checkpoint's sequence. They
 * are kept in the same database, so such a person can also delete them (and a deleted month is signed again, over the
 * log as it then is): what holds against that is each entry's seal, made with the key kept outside the database, and
 * the checkpoints and receipts readers keep elsewhere.
 */
@Component
public class Checkpoints {
    private static final String MONTHS = "months";
    private final MongoCollection<Document> checkpoints;
    private final MongoEventStorageEngine eventStore;
    private final CheckpointKey key;
    private final Clock clock;

    public Checkpoints(MongoDatabase database, @Value("${samenspel.event-store.collection-prefix:}") String prefix,
                       MongoEventStorageEngine eventStore, CheckpointKey key, Clock clock) {
        this.checkpoints = database.getCollection(prefix + "checkpoints");
        this.eventStore = eventStore;
        this.key = key;
        this.clock = clock;
    }

    /** A checkpoint with the month it belongs to. */
    public record MonthlyCheckpoint(String month, Anchor checkpoint) {
    }

    /**
     * Verifies the network's log against its head and every stored checkpoint (signatures checked with the platform's
     * public key), and, when intact and the month has none yet, signs this month's checkpoint.
     */
    public ChainVerification verify(String networkId) {
        // Entries are sealed only with a key that outlives the run; with a key for this run only, no seal is asked.
        ChainVerification verification = eventStore.verifyChain(networkId, stored(networkId), key.publicKey(),
                                                                key.lasting());
        if (verification.intact() && verification.eventsChecked() > 0) {
            keepMonthly(networkId, verification);
        }
        return verification;
    }

    /**
     * The log as it stands now: verified as {@link #verify} does and, when intact, its head signed at this instant.
     * This checkpoint is handed out (a steering report carries it) rather than kept: whoever holds it can later show
     * that the log still extends it. A broken log gets no signature, only the verification that says where it broke.
     */
    public Current now(String networkId) {
        ChainVerification verification = verify(networkId);
        if (!verification.intact()) {
            return new Current(verification, null);
        }
        Anchor unsigned = new Anchor("checkpoint", networkId, verification.eventsChecked() - 1,
                                     verification.headHash(), clock.instant().toString(), null);
        return new Current(verification, new Anchor(unsigned.kind(), unsigned.network(), unsigned.sequence(),
                                                    unsigned.hash(), unsigned.time(), key.sign(unsigned)));
    }

    /** The verification of a log at one instant and, when it was intact, the checkpoint signed then. */
    public record Current(ChainVerification verification, Anchor checkpoint) {
    }

    /** The network's checkpoints, oldest first. */
    public List<MonthlyCheckpoint> list(String networkId) {
        Document doc = checkpoints.find(Filters.eq("_id", networkId)).first();
        List<MonthlyCheckpoint> result = new ArrayList<>();
        if (doc != null) {
            Document months = doc.get(MONTHS, Document.class);
            new TreeMap<>(months).forEach((month, value) -> result.add(new MonthlyCheckpoint(month,
                                                                                             anchor(networkId, (Document) value))));
        }
        return result;
    }

    public List<Anchor> stored(String networkId) {
        return list(networkId).stream().map(MonthlyCheckpoint::checkpoint).toList();
    }

    /** Keeps the first checkpoint of each month: one document per network, one field per month, exact-key writes. */
    private void keepMonthly(String networkId, ChainVerification verification) {
        String month = YearMonth.now(clock).toString();
        Anchor unsigned = new Anchor("checkpoint", networkId, verification.eventsChecked() - 1,
                                     verification.headHash(), clock.instant().toString(), null);
        Document checkpoint = new Document("sequence", unsigned.sequence()).append("hash", unsigned.hash())
                                                                          .append("time", unsigned.time())
                                                                          .append("signature", key.sign(unsigned));
        try {
            checkpoints.updateOne(Filters.and(Filters.eq("_id", networkId), Filters.exists(MONTHS + "." + month, false)),
                                  Updates.set(MONTHS + "." + month, checkpoint), new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // This month's checkpoint is kept already: the first one stays.
        }
    }

    private static Anchor anchor(String networkId, Document doc) {
        return new Anchor("checkpoint", networkId, doc.get("sequence", Number.class).longValue(), doc.getString("hash"),
                          doc.getString("time"), doc.getString("signature"));
    }
}
