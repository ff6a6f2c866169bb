package nl.samenspel.health.sharing;

import java.util.Locale;

/** Enum values as the API spells them ({@code NETWORK_ACCESS} → {@code network-access}), for figure keys. */
final class Labels {
    private Labels() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
