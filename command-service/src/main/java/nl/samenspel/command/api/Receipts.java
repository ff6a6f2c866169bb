package nl.samenspel.command.api;

import io.swagger.v3.oas.annotations.media.Schema;
import nl.samenspel.eventstore.CheckpointKey;
import nl.samenspel.eventstore.MongoEventStorageEngine;
import nl.samenspel.eventstore.StoredEvent;
import nl.samenspel.verify.Anchor;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a command's entry was written, told back in its answer: the global position (so the client can ask a query to
 * wait until its read model includes the entry) and a receipt signed with the platform's key (so the client can prove
 * later, with an export, that the log still extends it). Both are read back from the store after the commit, by the
 * command id, so a resend answers with the same position and receipt as the first time.
 */
@Component
public class Receipts {
    /** The answer header that names the position a command was written at. */
    public static final String POSITION_HEADER = "Samenspel-Position";
    static final String POSITION_DESCRIPTION = "The global position the entry was written at (an import: its last "
            + "entry); a query sent with ?waitFor= this position answers only once its read model includes it";

    private final MongoEventStorageEngine eventStore;
    private final CheckpointKey key;

    public Receipts(MongoEventStorageEngine eventStore, CheckpointKey key) {
        this.eventStore = eventStore;
        this.key = key;
    }

    /**
     * A signed statement that the network's log ended at {@code sequence} with {@code hash} when the entry was
     * recorded at {@code time}: the signed form of a checkpoint, with kind {@code receipt}. Kept as one JSON line, it
     * is what the verifiers' {@code --receipt} reads.
     */
    @Schema(description = "A receipt signed with the platform's Ed25519 key (see GET /api/checkpoint-key): the "
            + "network's log ended at `sequence` with `hash` at `time`. Keep it as one line of a file and give it to "
            + "the verifiers with --receipt; the signature covers samenspel-checkpoint/1\\n<network>\\n<sequence>\\n"
            + "<hash>\\n<time>, exactly as for a checkpoint.")
    public record Receipt(@Schema(example = "receipt") String kind,
                          @Schema(example = "9f1c2d3e-4b5a-3c6d-8e7f-0a1b2c3d4e5f") String network,
                          @Schema(example = "17") long sequence,
                          @Schema(example = "86254bde8461e566c98478d44cb8d78ab4480209d8bcedbd0a0c2009b39c5c1b") String hash,
                          @Schema(example = "2026-12-02T10:15:30.123456Z") String time,
                          @Schema(description = "base64 Ed25519 signature") String signature) {

        static Receipt of(Anchor signed) {
            return new Receipt(signed.kind(), signed.network(), signed.sequence(), signed.hash(), signed.time(),
                               signed.signature());
        }
    }

    /** Where a command's entries were written: the highest global position, and the receipt of the last entry. */
    public record Written(long position, Receipt receipt) {
    }

    /** Where the entries of these commands (one each) were written; empty when none is found. */
    public Optional<Written> of(Collection<UUID> commandIds) {
        List<StoredEvent> stored = eventStore.storedByCommandId(commandIds.stream().map(UUID::toString).toList());
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        long position = stored.stream().mapToLong(StoredEvent::globalPosition).max().orElseThrow();
        StoredEvent last = stored.stream().max(Comparator.comparingLong(StoredEvent::sequenceNumber)).orElseThrow();
        // The seal stored with the entry is its receipt's signature, checked against the entry as stored now: a resend
        // gets no receipt signed over a log changed since. An entry logged before entries were sealed is signed here.
        Anchor sealed = eventStore.sealedReceipt(last);
        if (sealed != null) {
            return Optional.of(new Written(position, Receipt.of(sealed)));
        }
        return Optional.of(new Written(position, Receipt.of(last.receipt(key.sign(last.receipt(null))))));
    }
}
