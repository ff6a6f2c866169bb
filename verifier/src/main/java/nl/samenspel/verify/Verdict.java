package nl.samenspel.verify;

/**
 * The outcome of verifying a network's log: intact, or the first bad sequence number and the kind of break.
 *
 * @param eventsChecked how many events, from sequence 0 on, passed every check before the first break
 * @param headHash      the stored hash of the last of them ({@code ""} when none)
 * @param kind          the kind of break ({@link Kind#wireName()}), null when intact
 * @param sequence      the first bad sequence number; null when intact, and for a missing head
 * @param event         the stored event at the break, when there is one
 * @param expectedHash  for a hash mismatch: the hash the event should have had
 */
public record Verdict(String network, boolean intact, long eventsChecked, String headHash, String kind, Long sequence,
                      String detail, LogEvent event, String expectedHash) {

    /** The kinds of break, as named in the integrity answer, the verifiers' output and {@code docs/verification.md}. */
    public enum Kind {
        MISSING, DUPLICATE, PENDING, PLACEHOLDER, FOREIGN_EVENT, OUT_OF_ORDER, HASH_MISMATCH,
        HEAD_MISSING, TRUNCATED, HEAD_MISMATCH, REWRITTEN, BAD_SIGNATURE, UNSEALED, BAD_SEAL;

        public String wireName() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /** One line for people: {@code INTACT ...} or {@code BROKEN ... at sequence n: kind: detail}. */
    public String summary() {
        if (intact) {
            return "INTACT network " + network + ": " + eventsChecked + " events, last hash "
                    + (headHash.isEmpty() ? "(none)" : headHash);
        }
        return "BROKEN network " + network + (sequence == null ? "" : " at sequence " + sequence) + ": " + kind + ": "
                + detail;
    }

    /** The machine-readable form both verifiers print with {@code --json}. */
    public String toJson() {
        return "{\"network\":" + Json.quote(network) + ",\"intact\":" + intact + ",\"eventsChecked\":" + eventsChecked
                + ",\"headHash\":" + Json.quote(headHash) + ",\"kind\":" + Json.quote(kind)
                + ",\"sequence\":" + sequence + ",\"detail\":" + Json.quote(detail) + "}";
    }
}
