package nl.samenspel.health.sharing;

import java.util.Locale;

/** Enum values as the API spells them ({@code NETWORK_ACCESS} → {@code network-access}), for figure keys. */
final class Labels {
    /** Spelled once per enum, by ordinal: the ledgers ask for every contribution of every month. */
    private static final ClassValue<String[]> SPELLED = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            Object[] values = type.getEnumConstants();
            String[] spelled = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                spelled[i] = ((Enum<?>) values[i]).name().toLowerCase(Locale.ROOT).replace('_', '-');
            }
            return spelled;
        }
    };

    private Labels() {
    }

    static String of(Enum<?> value) {
        return SPELLED.get(value.getDeclaringClass())[value.ordinal()];
    }
}
