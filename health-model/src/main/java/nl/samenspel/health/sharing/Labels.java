package nl.samenspel.health.sharing;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Enum values as the API spells them ({@code NETWORK_ACCESS} → {@code network-access}), for figure keys. */
final class Labels {
    /** Spelled once per value: the ledgers ask for every contribution of every month. */
    private static final Map<Enum<?>, String> SPELLED = new ConcurrentHashMap<>();

    private Labels() {
    }

    static String of(Enum<?> value) {
        return SPELLED.computeIfAbsent(value, v -> v.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
