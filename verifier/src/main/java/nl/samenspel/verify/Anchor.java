package nl.samenspel.verify;

/**
 * A statement that a network's log once ended at a given event: the head recorded apart from the events, a receipt
 * handed out with a command's answer, or a checkpoint. The current log must extend every anchor: it holds the event at
 * {@code sequence} with exactly this {@code hash}.
 *
 * @param kind      {@code head}, {@code receipt} or {@code checkpoint}
 * @param network   the network (aggregate) id
 * @param sequence  the sequence number of the last event covered ({@code -1}: no event yet)
 * @param hash      the stored hash of that event ({@code ""} when {@code sequence} is -1)
 * @param time      when it was recorded or signed (ISO-8601 instant); may be null for an unsigned anchor
 * @param signature base64 Ed25519 signature over {@link #signedText()}, or null when unsigned
 */
public record Anchor(String kind, String network, long sequence, String hash, String time, String signature) {

    /** The exact text a signature covers, signed as its UTF-8 bytes. */
    public String signedText() {
        return "samenspel-checkpoint/1\n" + network + "\n" + sequence + "\n" + hash + "\n" + time;
    }
}
