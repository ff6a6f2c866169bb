package nl.samenspel.health;

import java.util.List;

/**
 * An alert (A1–A18) that holds in a month: what it is, how urgent, why (detail and evidence events) and a suggested
 * response paraphrased from the practice literature.
 *
 * <p>{@code detail} says why in English. {@code reasons} says the same as codes of the rule with the values that fill
 * them in, so that a page can say it in its reader's language; a rule that gives none is shown by its detail.
 */
public record Alert(String id, String title, Severity severity, String detail, List<String> evidence,
                    String suggestedResponse, List<Reason> reasons) {

    /**
     * A count as an alert's English detail writes it, thousands grouped ("1,097 days"): read beside the pages' own
     * figures, which group them, "1097" looked like another kind of number.
     */
    public static String count(long n) {
        return String.format(java.util.Locale.ENGLISH, "%,d", n);
    }

    /**
     * One reason an alert holds: a code of its rule ({@code boardOpen}) and the values in it, as text. A value that
     * starts with {@code @} names a label ({@code @enum.board}) that is itself to be said in the reader's language.
     */
    public record Reason(String code, List<String> args) {
        public Reason {
            args = List.copyOf(args);
        }

        public static Reason of(String code, Object... args) {
            return new Reason(code, java.util.Arrays.stream(args).map(String::valueOf).toList());
        }

        /** Several labels as one value, said as a list: {@code labels(List.of("driver.D3", "driver.D5"))}. */
        public static String labels(List<String> keys) {
            return keys.stream().map(key -> "@" + key).collect(java.util.stream.Collectors.joining("|"));
        }

        /** A label value, named as the API spells it: {@code label(Level.BOARD)} is {@code @enum.board}. */
        public static String label(Enum<?> value) {
            return "@enum." + value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public Alert {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public Alert(String id, String title, Severity severity, String detail, List<String> evidence,
                 String suggestedResponse) {
        this(id, title, severity, detail, evidence, suggestedResponse, List.of());
    }
}
