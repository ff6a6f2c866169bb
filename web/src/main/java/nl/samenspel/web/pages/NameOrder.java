package nl.samenspel.web.pages;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order in which names are listed for people to pick from: as a reader sorts them, case and accents aside (they
 * only break ties), with the numbers in them taken as numbers ("West 2" before "West 10"; sorted as text, a list of
 * 21 partners ran 1, 10, 11 … 18, 2).
 */
final class NameOrder {
    /** Names in the reader's order: text by the rules of the language, numbers by their value. */
    static final Comparator<String> NAMES = NameOrder::compare;

    private static final Pattern PART = Pattern.compile("\\d+|\\D+");
    private static final Collator TEXT = collator(Collator.PRIMARY);
    private static final Collator TIE = collator(Collator.TERTIARY);

    private NameOrder() {
    }

    private static Collator collator(int strength) {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("nl"));
        collator.setStrength(strength);
        return collator;
    }

    private static int compare(String a, String b) {
        Matcher left = PART.matcher(a);
        Matcher right = PART.matcher(b);
        while (left.find()) {
            if (!right.find()) {
                return 1;
            }
            String l = left.group();
            String r = right.group();
            boolean numbers = Character.isDigit(l.charAt(0)) && Character.isDigit(r.charAt(0));
            int order = numbers ? compareNumbers(l, r) : TEXT.compare(l, r);
            if (order != 0) {
                return order;
            }
        }
        if (right.find()) {
            return -1;
        }
        // equal but for accents, case or leading zeros: still one order, so a list comes out the same every time
        int tie = TIE.compare(a, b);
        return tie != 0 ? tie : a.compareTo(b);
    }

    /** Two runs of digits by value, of any length ("007" and "7" are equal here; the caller breaks the tie). */
    private static int compareNumbers(String l, String r) {
        String a = l.replaceFirst("^0+(?=\\d)", "");
        String b = r.replaceFirst("^0+(?=\\d)", "");
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }
}
