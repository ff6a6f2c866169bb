package nl.samenspel.verify;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a network's log as {@code docs/verification.md} specifies: feed the stored events in sequence order, then
 * the recorded head and any checkpoints or receipts; {@link #verdict()} names the first bad sequence and the kind of
 * break. Streaming: it keeps one hash and one event id per event, not the events.
 */
public final class LogVerifier {
    private final String network;
    private final PublicKey publicKey;
    private final boolean sealsRequired;
    /** The last event accepted, and the sequence number of the last accepted event that carries a seal (-1: none). */
    private LogEvent lastAccepted;
    private long lastSealed = -1;
    private final List<String> hashes = new ArrayList<>();
    private final Map<String, Long> eventIds = new HashMap<>();
    private final List<Anchor> anchors = new ArrayList<>();
    private Anchor head;
    private long lastPosition = Long.MIN_VALUE;
    private Verdict walkBreak;

    /** @param publicKey the platform's checkpoint key; null to check no signatures (and no seals) */
    public LogVerifier(String network, PublicKey publicKey) {
        this(network, publicKey, true);
    }

    /**
     * @param sealsRequired whether, with a public key, the log's last event must carry a seal that verifies; false
     *                      for an export made before the platform sealed its entries
     */
    public LogVerifier(String network, PublicKey publicKey, boolean sealsRequired) {
        this.network = network;
        this.publicKey = publicKey;
        this.sealsRequired = sealsRequired;
    }

    /** The next stored event, in the order of the export (sequence order). */
    public void event(LogEvent e) {
        if (walkBreak != null) {
            return;
        }
        long expected = hashes.size();
        String previousHash = expected == 0 ? ChainHash.GENESIS : hashes.get((int) expected - 1);
        Long seenAt = eventIds.get(e.eventId());
        if (e.sequenceNumber() > expected) {
            walkBreak = broken(Verdict.Kind.MISSING, expected, "no event at sequence " + expected
                    + "; the next stored event has sequence " + e.sequenceNumber(), null, null);
        } else if (e.sequenceNumber() < expected) {
            walkBreak = broken(Verdict.Kind.DUPLICATE, e.sequenceNumber(), "sequence " + e.sequenceNumber()
                    + " appears again after sequence " + (expected - 1), e, null);
        } else if (e.pending()) {
            walkBreak = broken(Verdict.Kind.PENDING, expected, "the event is marked pending: not committed", e, null);
        } else if (e.placeholder()) {
            walkBreak = broken(Verdict.Kind.PLACEHOLDER, expected, "a placeholder stands where the event was", e, null);
        } else if (!network.equals(e.aggregateId())) {
            walkBreak = broken(Verdict.Kind.FOREIGN_EVENT, expected, "the event belongs to " + e.aggregateId(), e, null);
        } else if (seenAt != null) {
            walkBreak = broken(Verdict.Kind.DUPLICATE, expected, "event " + e.eventId() + " is also at sequence "
                    + seenAt, e, null);
        } else if (e.globalPosition() <= lastPosition) {
            walkBreak = broken(Verdict.Kind.OUT_OF_ORDER, expected, "global position " + e.globalPosition()
                    + " is not after the previous event's " + lastPosition, e, null);
        } else {
            String computed = ChainHash.of(e, previousHash);
            if (!computed.equals(e.hash())) {
                walkBreak = broken(Verdict.Kind.HASH_MISMATCH, expected, "stored hash " + e.hash()
                        + " does not match the content and the previous hash; expected " + computed, e, computed);
                return;
            }
            hashes.add(e.hash());
            eventIds.put(e.eventId(), expected);
            lastPosition = e.globalPosition();
            lastAccepted = e;
            if (e.seal() != null) {
                lastSealed = expected;
            }
        }
    }

    /** The head recorded apart from the events, or a checkpoint or receipt the current log must extend. */
    public void anchor(Anchor anchor) {
        if (!network.equals(anchor.network())) {
            throw new IllegalArgumentException("a " + anchor.kind() + " for network " + anchor.network()
                                                       + " cannot vouch for network " + network);
        }
        if ("head".equals(anchor.kind())) {
            if (head != null) {
                throw new IllegalArgumentException("the log has more than one head");
            }
            head = anchor;
        } else {
            anchors.add(anchor);
        }
    }

    public Verdict verdict() {
        long trusted = hashes.size();
        List<Verdict> findings = new ArrayList<>();
        if (walkBreak != null) {
            findings.add(walkBreak);
        }
        if (head == null) {
            findings.add(broken(Verdict.Kind.HEAD_MISSING, null, "the log has no recorded head", null, null));
        } else {
            findings.add(check(head, trusted, Verdict.Kind.HEAD_MISMATCH));
        }
        for (Anchor anchor : anchors) {
            findings.add(signatureProblem(anchor));
            findings.add(check(anchor, trusted, Verdict.Kind.REWRITTEN));
        }
        if (walkBreak == null) {
            findings.add(sealProblem());
        }
        Verdict first = null;
        for (Verdict finding : findings) {
            if (finding != null && (first == null || before(finding, first))) {
                first = finding;
            }
        }
        if (first != null) {
            return first;
        }
        return new Verdict(network, true, trusted, lastHash(), null, null, null, null, null);
    }

    /** Strictly earlier sequence wins; on a tie (or no sequence) the finding found first stays first. */
    private static boolean before(Verdict candidate, Verdict current) {
        if (candidate.sequence() == null) {
            return false;
        }
        return current.sequence() == null || candidate.sequence() < current.sequence();
    }

    private Verdict check(Anchor anchor, long trusted, Verdict.Kind mismatch) {
        if (anchor.sequence() >= trusted) {
            return broken(Verdict.Kind.TRUNCATED, trusted, "the " + anchor.kind() + " says the log reaches sequence "
                    + anchor.sequence() + " (" + (anchor.sequence() + 1) + " events, counted from 0), but only "
                    + trusted + " events verify", null, null);
        }
        String stored = anchor.sequence() < 0 ? ChainHash.GENESIS : hashes.get((int) anchor.sequence());
        if (!stored.equals(anchor.hash())) {
            return broken(mismatch, anchor.sequence(), "the " + anchor.kind() + " has hash " + anchor.hash()
                    + " at sequence " + anchor.sequence() + ", the log has " + stored, null, null);
        }
        return null;
    }

    /**
     * With the public key, the log's last event must carry the platform's seal: the platform seals the last event of
     * every commit, so an event past the last seal was put into the store by other means, and a seal that no longer
     * verifies was made over other content (the entries up to it were changed, hashes recomputed).
     */
    private Verdict sealProblem() {
        if (publicKey == null || !sealsRequired || lastAccepted == null) {
            return null;
        }
        long last = lastAccepted.sequenceNumber();
        if (lastAccepted.seal() == null) {
            return broken(Verdict.Kind.UNSEALED, lastSealed + 1, "the events from sequence " + (lastSealed + 1)
                    + " to " + last + " carry no seal of the platform: nothing shows the platform logged them", null, null);
        }
        if (!Signatures.verify(publicKey, lastAccepted.receipt())) {
            return broken(Verdict.Kind.BAD_SEAL, last, "the seal of the last event (sequence " + last + ") does not "
                    + "verify with the public key: the log up to it is not what the platform sealed", lastAccepted, null);
        }
        return null;
    }

    private Verdict signatureProblem(Anchor anchor) {
        if (publicKey == null) {
            return null;
        }
        if (anchor.signature() == null || !Signatures.verify(publicKey, anchor)) {
            return broken(Verdict.Kind.BAD_SIGNATURE, anchor.sequence(), "the " + anchor.kind() + " at sequence "
                    + anchor.sequence() + (anchor.signature() == null ? " is not signed" : " has a signature that "
                    + "does not verify with the public key"), null, null);
        }
        return null;
    }

    private String lastHash() {
        return hashes.isEmpty() ? ChainHash.GENESIS : hashes.get(hashes.size() - 1);
    }

    private Verdict broken(Verdict.Kind kind, Long sequence, String detail, LogEvent event, String expected) {
        return new Verdict(network, false, hashes.size(), lastHash(), kind.wireName(), sequence, detail, event, expected);
    }
}
