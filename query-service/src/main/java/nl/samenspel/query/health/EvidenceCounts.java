package nl.samenspel.query.health;

import org.bson.Document;

import java.util.List;
import java.util.Map;

/**
 * A month's indicators and alerts with how many entries lie behind each value instead of their ids. A network's ten
 * years of months with every id behind every figure ran to megabytes, and an alert that names every success since the
 * founding changes every later month when one success is logged late. The timeline and the charts show counts; the
 * latest month is stored with its ids, and {@code explain} lists the ids of any month.
 */
final class EvidenceCounts {
    private EvidenceCounts() {
    }

    /**
     * The value with every evidence list, also those nested in the figures (each dip-risk driver's evidence), replaced
     * by its size ({@code evidenceCount}) in its place; a value already counted stays as it is.
     */
    static Object counted(Object node) {
        if (node instanceof Map<?, ?> map) {
            Document counted = new Document();
            map.forEach((key, value) -> {
                if ("evidence".equals(key) && value instanceof List<?> ids) {
                    counted.put("evidenceCount", ids.size());
                } else {
                    counted.put((String) key, counted(value));
                }
            });
            return counted;
        }
        if (node instanceof List<?> list && list.stream().anyMatch(item -> item instanceof Map<?, ?>)) {
            return list.stream().map(EvidenceCounts::counted).toList();
        }
        return node;
    }

    static Document counted(Document value) {
        return value == null ? null : (Document) counted((Object) value);
    }

    /** Whether a stored month lists the ids behind its values (the latest month, or a month stored before counts). */
    static boolean listed(Document month) {
        if (month.get("indicators") instanceof Document indicators) {
            return indicators.values().stream().anyMatch(v -> v instanceof Document d && d.containsKey("evidence"));
        }
        return false;
    }
}
