package nl.samenspel.eventstore;

import nl.samenspel.verify.Verdict;

/**
 * The outcome of verifying one network's log in the store: intact, or the first bad sequence and the kind of break
 * (see {@link Verdict.Kind}) — the same verdict the offline verifiers reach on the network's export.
 *
 * @param eventsChecked        events from sequence 0 on that passed every check before the break
 * @param headHash             the stored hash of the last of them
 * @param breakKind            {@code missing}, {@code pending}, {@code hash-mismatch}, {@code truncated}, ...
 * @param recordedHeadSequence the last sequence of the head recorded apart from the events (null: none recorded)
 */
public record ChainVerification(String aggregateId,
                                long eventsChecked,
                                boolean intact,
                                String headHash,
                                Long brokenAtSequence,
                                Long brokenAtPosition,
                                String brokenEventId,
                                String storedHash,
                                String expectedHash,
                                String breakKind,
                                String detail,
                                Long recordedHeadSequence,
                                String recordedHeadHash) {

    static ChainVerification of(Verdict verdict, nl.samenspel.verify.Anchor head) {
        var event = verdict.event();
        return new ChainVerification(verdict.network(), verdict.eventsChecked(), verdict.intact(), verdict.headHash(),
                                     verdict.sequence(), event == null ? null : event.globalPosition(),
                                     event == null ? null : event.eventId(), event == null ? null : event.hash(),
                                     verdict.expectedHash(), verdict.kind(), verdict.detail(),
                                     head == null ? null : head.sequence(), head == null ? null : head.hash());
    }
}
