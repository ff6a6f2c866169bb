package nl.samenspel.kernel.validation;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Which text may enter the log, and how names are compared. Only text that is well-formed Unicode can be stored and
 * hashed exactly as it was sent: an unpaired UTF-16 surrogate has no UTF-8 form, so the store would keep something
 * else than what was hashed. Control characters have no place in text a person reads (free text may hold tab and line
 * breaks). A name or title is one line, and may hold nothing that makes it read differently than it is stored:
 * bidirectional controls reorder what is shown, zero-width characters make {@code "Alpha\u200B"} look like
 * {@code "Alpha"}.
 *
 * <p>Text is stored as it was sent, not normalised: what the log holds and hashes is what the coordinator wrote.
 * Names are compared by {@link #nameKey(String)}: after Unicode normalisation (NFC) and ignoring case, so that a
 * composed and a decomposed "é" are the same name.
 */
public final class Text {

    private Text() {
    }

    /** Why {@code value} cannot be stored as free text (a note, statement, summary), or null when it can. */
    public static String freeTextProblem(String value) {
        return problem(value, false);
    }

    /** Why {@code value} cannot be stored as a name or title, or null when it can. */
    public static String nameProblem(String value) {
        return problem(value, true);
    }

    /** The form in which two names are compared: stripped, NFC-normalised, case ignored. */
    public static String nameKey(String name) {
        String normalised = Normalizer.normalize(name.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        // Lower-casing can leave a decomposed sequence (e.g. from U+0130); normalise once more to compare like with like.
        return Normalizer.normalize(normalised, Normalizer.Form.NFC);
    }

    private static String problem(String value, boolean name) {
        if (value == null) {
            return null;
        }
        int position = 1;
        for (int i = 0; i < value.length(); position++) {
            char c = value.charAt(i);
            int codePoint;
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                codePoint = Character.toCodePoint(c, value.charAt(i + 1));
                i += 2;
            } else if (Character.isSurrogate(c)) {
                return "holds an unpaired UTF-16 surrogate (" + hex(c) + " at character " + position
                        + "), which is not Unicode text and cannot be stored as sent";
            } else {
                codePoint = c;
                i++;
            }
            String refused = name ? nameRefuses(codePoint) : freeTextRefuses(codePoint);
            if (refused != null) {
                return "holds " + refused + " (" + hex(codePoint) + " at character " + position + ")";
            }
        }
        return null;
    }

    private static String freeTextRefuses(int codePoint) {
        if (Character.getType(codePoint) == Character.CONTROL
                && codePoint != '\t' && codePoint != '\n' && codePoint != '\r') {
            return "a control character; free text may hold only tab and line breaks of them";
        }
        return null;
    }

    private static String nameRefuses(int codePoint) {
        if (Character.getType(codePoint) == Character.CONTROL
                || codePoint == '\u2028' || codePoint == '\u2029') {
            return "a control character or line break; a name or title is one line of text";
        }
        if (isBidiControl(codePoint)) {
            return "a bidirectional control character, which makes a name read differently than it is stored";
        }
        if (isZeroWidth(codePoint)) {
            return "an invisible zero-width character, which makes a name look like another";
        }
        return null;
    }

    private static boolean isBidiControl(int codePoint) {
        return codePoint >= 0x202A && codePoint <= 0x202E || codePoint >= 0x2066 && codePoint <= 0x2069
                || codePoint == 0x200E || codePoint == 0x200F || codePoint == 0x061C;
    }

    private static boolean isZeroWidth(int codePoint) {
        return codePoint >= 0x200B && codePoint <= 0x200D || codePoint == 0x2060 || codePoint == 0xFEFF;
    }

    private static String hex(int codePoint) {
        return String.format("U+%04X", codePoint);
    }
}
