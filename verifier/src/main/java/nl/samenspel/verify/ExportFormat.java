package nl.samenspel.verify;

import java.util.Map;

/**
 * The lines of a network's export ({@code samenspel-log/1}, JSON Lines, specified in {@code docs/verification.md}):
 * a header, one line per stored event in sequence order, the head recorded apart from the events, and checkpoints.
 * The server writes with these methods and the verifier reads with them, so both agree on every byte.
 */
public final class ExportFormat {
    public static final String FORMAT = "samenspel-log/1";

    private ExportFormat() {
    }

    /** The first line: which network, in which format, exported when. */
    public record Header(String network, String exportedAt) {
    }

    public static String header(String network, String exportedAt) {
        return "{\"kind\":\"log\",\"format\":\"" + FORMAT + "\",\"network\":" + Json.quote(network)
                + ",\"exportedAt\":" + Json.quote(exportedAt) + "}";
    }

    public static String event(LogEvent e) {
        StringBuilder line = new StringBuilder(256 + length(e.payload()) + length(e.metaData()))
                .append("{\"kind\":\"event\"")
                .append(",\"globalPosition\":").append(e.globalPosition())
                .append(",\"eventId\":").append(Json.quote(e.eventId()))
                .append(",\"aggregateType\":").append(Json.quote(e.aggregateType()))
                .append(",\"aggregateId\":").append(Json.quote(e.aggregateId()))
                .append(",\"sequenceNumber\":").append(e.sequenceNumber())
                .append(",\"timestamp\":").append(Json.quote(e.timestamp()))
                .append(",\"payloadType\":").append(Json.quote(e.payloadType()))
                .append(",\"payloadRevision\":").append(Json.quote(e.payloadRevision()))
                .append(",\"payload\":").append(Json.quote(e.payload()))
                .append(",\"metaData\":").append(Json.quote(e.metaData()))
                .append(",\"hash\":").append(Json.quote(e.hash()));
        if (e.pending()) {
            line.append(",\"pending\":true");
        }
        if (e.placeholder()) {
            line.append(",\"placeholder\":true");
        }
        if (e.seal() != null) {
            line.append(",\"seal\":").append(Json.quote(e.seal()));
        }
        return line.append('}').toString();
    }

    public static String anchor(Anchor a) {
        return "{\"kind\":" + Json.quote(a.kind()) + ",\"network\":" + Json.quote(a.network())
                + ",\"sequence\":" + a.sequence() + ",\"hash\":" + Json.quote(a.hash())
                + ",\"time\":" + Json.quote(a.time()) + ",\"signature\":" + Json.quote(a.signature()) + "}";
    }

    /** Reads one line: a {@link Header}, a {@link LogEvent} or an {@link Anchor}. */
    public static Object read(String line) {
        if (!(Json.parse(line) instanceof Map<?, ?> fields)) {
            throw new IllegalArgumentException("a line must be a JSON object");
        }
        String kind = text(fields, "kind", false);
        return switch (kind) {
            case "log" -> {
                if (!FORMAT.equals(fields.get("format"))) {
                    throw new IllegalArgumentException("format must be " + FORMAT);
                }
                yield new Header(text(fields, "network", false), optionalText(fields, "exportedAt"));
            }
            case "event" -> new LogEvent(number(fields, "globalPosition"), text(fields, "eventId", true),
                                         text(fields, "aggregateType", true), text(fields, "aggregateId", true),
                                         number(fields, "sequenceNumber"), text(fields, "timestamp", true),
                                         text(fields, "payloadType", true), text(fields, "payloadRevision", true),
                                         text(fields, "payload", true), text(fields, "metaData", true),
                                         text(fields, "hash", true), flag(fields, "pending"), flag(fields, "placeholder"),
                                         optionalText(fields, "seal"));
            case "head", "checkpoint", "receipt" -> anchor(kind, fields);
            default -> throw new IllegalArgumentException("unknown kind \"" + kind + "\"");
        };
    }

    static Anchor anchor(String kind, Map<?, ?> fields) {
        return new Anchor(kind, text(fields, "network", false), number(fields, "sequence"), text(fields, "hash", false),
                          optionalText(fields, "time"), optionalText(fields, "signature"));
    }

    /** A member that may be left out: missing means null. */
    private static String optionalText(Map<?, ?> fields, String name) {
        return fields.get(name) == null ? null : text(fields, name, true);
    }

    private static String text(Map<?, ?> fields, String name, boolean nullable) {
        Object value = fields.get(name);
        if (value == null && nullable && fields.containsKey(name)) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException("\"" + name + "\" must be a string" + (nullable ? " or null" : ""));
        }
        return s;
    }

    private static long number(Map<?, ?> fields, String name) {
        if (!(fields.get(name) instanceof Long n)) {
            throw new IllegalArgumentException("\"" + name + "\" must be an integer");
        }
        return n;
    }

    private static boolean flag(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        if (value != null && !(value instanceof Boolean)) {
            throw new IllegalArgumentException("\"" + name + "\" must be true or false");
        }
        return Boolean.TRUE.equals(value);
    }

    private static int length(String s) {
        return s == null ? 4 : s.length();
    }
}
