package nl.samenspel.query.health;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a steering member may see of an entry behind a figure (domain.md §1, §5a): the fields a figure counts —
 * ids, dates, enums, numbers, flags and lists or records of those — never free text (notes, comments, summaries,
 * reasons, titles) and never a person's reference. Read from the entry's record components, so a new entry kind is
 * covered without a list to keep up to date.
 */
final class CountingFields {

    private CountingFields() {
    }

    /** The counting fields of an entry (a record); an unknown shape yields no fields rather than too many. */
    static Map<String, Object> of(Object entry) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (entry == null || !entry.getClass().isRecord()) {
            return fields;
        }
        for (RecordComponent component : entry.getClass().getRecordComponents()) {
            if (component.getName().equals("networkId")) {
                continue;
            }
            Object value;
            try {
                value = component.getAccessor().invoke(entry);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            Object shown = component.getType() == String.class
                    ? (component.getName().endsWith("EventId") ? value : null) : counting(value);
            if (shown != null) {
                fields.put(component.getName(), shown);
            }
        }
        return fields;
    }

    /** The value when it counts, records reduced to their counting fields; null for free text and the unknown. */
    private static Object counting(Object value) {
        if (value instanceof UUID || value instanceof LocalDate || value instanceof Enum<?> || value instanceof Number
                || value instanceof Boolean || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Collection<?> items) {
            List<Object> kept = new ArrayList<>();
            for (Object item : items) {
                Object shown = counting(item);
                if (shown == null) {
                    return null;
                }
                kept.add(shown);
            }
            return kept;
        }
        if (value instanceof Map<?, ?> map && map.values().stream().allMatch(v -> v instanceof Number)) {
            return value;
        }
        if (value != null && value.getClass().isRecord()) {
            return of(value);
        }
        return null;
    }
}
