package nl.samenspel.kernel.validation;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Which text may enter the log, and how names are compared. Only text that is well-formed Unicode can be stored and
 * hashed exactly as it was sent: an unpaired UTF-16 surrogate has no UTF-8 form, so the store would keep something
 * else than what was hashed. Control characters have no place in text a person reads (free text may hold tab and line
 * breaks). A name or title is one line, and may hold nothing that makes it read differently than it is stored:
 * bidirectional controls reorder what is shown, zero-width characters make {@code "Alpha\u200B"} look like
 * {@code "Alpha"}. A zero-width joiner or non-joiner is taken where it shapes what is shown: between the letters of a
 * script that joins them (Persian, Sinhala, Devanagari, …) and, the joiner, between the parts of an emoji.
 *
 * <p>Text is stored as it was sent, not normalised: what the log holds and hashes is what the coordinator wrote.
 * Names are compared by {@link #nameKey(String)}: after Unicode normalisation, ignoring case and what shows as
 * nothing, so that a composed and a decomposed "é" are the same name, and "Alpha" with a soft hyphen is "Alpha".
 * Noncharacters (U+FFFF and its kind) are refused in every text.
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

    /**
     * The form in which two names are compared: in Unicode's compatibility form (NFKC: a full-width or ligature letter
     * as the plain one), case ignored, without the characters that show as nothing (a soft hyphen, a variation
     * selector, a tag, a Hangul filler), every kind of space as one space, stripped. "Al\u00ADpha", "Alpha\u00A0" and
     * "ALPHA" are all "alpha".
     */
    public static String nameKey(String name) {
        String normalised = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        // Lower-casing can leave a decomposed sequence (e.g. from U+0130); normalise once more to compare like with like.
        normalised = Normalizer.normalize(normalised, Normalizer.Form.NFKC);
        StringBuilder key = new StringBuilder(normalised.length());
        normalised.codePoints().filter(c -> !showsAsNothing(c))
                  .map(c -> Character.getType(c) == Character.SPACE_SEPARATOR ? ' ' : c).forEach(key::appendCodePoint);
        return key.toString().replaceAll(" {2,}", " ").strip();
    }

    /**
     * Whether {@code value} shows as nothing: only white space, spaces of any kind (a no-break space too, which Java's
     * {@link String#isBlank()} counts as something) and characters that show as nothing.
     */
    public static boolean blank(String value) {
        return value.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || showsAsNothing(c));
    }

    /** Unicode's default-ignorable code points: characters that show as nothing where a font has no use for them. */
    private static boolean showsAsNothing(int c) {
        return c == 0x00AD || c == 0x034F || c == 0x061C || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5
                || c >= 0x180B && c <= 0x180F || c >= 0x200B && c <= 0x200F || c >= 0x202A && c <= 0x202E
                || c >= 0x2060 && c <= 0x206F || c == 0x3164 || c >= 0xFE00 && c <= 0xFE0F || c == 0xFEFF || c == 0xFFA0
                || c >= 0xFFF0 && c <= 0xFFF8 || c >= 0x1BCA0 && c <= 0x1BCA3 || c >= 0x1D173 && c <= 0x1D17A
                || c >= 0xE0000 && c <= 0xE0FFF
                // not default-ignorable, but blank where they stand: the braille blank, interlinear annotation marks,
                // Egyptian hieroglyph format controls
                || c == 0x2800 || c >= 0xFFF9 && c <= 0xFFFB || c >= 0x13430 && c <= 0x1343F
                // the Khitan small script filler, default-ignorable since Unicode 13
                || c == 0x16FE4;
    }

    /** A noncharacter: U+FDD0 to U+FDEF and the last two code points of every plane, kept out of exchanged text. */
    private static boolean isNoncharacter(int c) {
        return c >= 0xFDD0 && c <= 0xFDEF || (c & 0xFFFE) == 0xFFFE;
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
            String refused = name ? nameRefuses(value, i, codePoint) : freeTextRefuses(codePoint);
            if (refused != null) {
                return "holds " + refused + " (" + hex(codePoint) + " at character " + position + ")";
            }
        }
        // A text that shows as nothing says nothing: an optional one is left out rather than sent blank.
        return blank(value) ? "must not be blank" : null;
    }

    private static String freeTextRefuses(int codePoint) {
        if (Character.getType(codePoint) == Character.CONTROL
                && codePoint != '\t' && codePoint != '\n' && codePoint != '\r') {
            return "a control character; free text may hold only tab and line breaks of them";
        }
        return noncharacter(codePoint);
    }

    /** Refused in every text: a document (the steering report, an XML export) cannot hold it, and no one types it. */
    private static String noncharacter(int codePoint) {
        return isNoncharacter(codePoint) ? "a noncharacter, which Unicode keeps out of text that is exchanged" : null;
    }

    /** Why a name refuses the code point {@code codePoint} of {@code value}, which ends before index {@code end}. */
    private static String nameRefuses(String value, int end, int codePoint) {
        if (isNoncharacter(codePoint)) {
            return noncharacter(codePoint);
        }
        if (Character.getType(codePoint) == Character.CONTROL
                || codePoint == '\u2028' || codePoint == '\u2029') {
            return "a control character or line break; a name or title is one line of text";
        }
        if (isBidiControl(codePoint)) {
            return "a bidirectional control character, which makes a name read differently than it is stored";
        }
        if (isZeroWidth(codePoint) && !joinsWhereItShows(value, end - Character.charCount(codePoint), end)) {
            return codePoint == 0x200C || codePoint == 0x200D
                    ? "a zero-width joiner or non-joiner where it joins nothing, which makes a name look like another"
                    : "an invisible zero-width character, which makes a name look like another";
        }
        return null;
    }

    /**
     * Whether the zero-width non-joiner or joiner at {@code value[start, end)} does what it is written for: it shapes
     * the letters on both sides in scripts that join them (a Persian name, a Sinhala or Devanagari conjunct) or joins
     * two emoji into one. Between Latin, Greek or Cyrillic letters, at either end or beside a space it changes nothing a
     * reader sees, so it would only make a name look like another. Names are compared without it either way.
     */
    private static boolean joinsWhereItShows(String value, int start, int end) {
        int joiner = value.codePointAt(start);
        if (joiner != 0x200C && joiner != 0x200D || start == 0 || end >= value.length()) {
            return false;
        }
        int before = value.codePointBefore(start);
        // a mark that takes the script of its letter (a Persian vowel sign) counts as that letter
        for (int at = start - Character.charCount(before); at > 0
                && Character.UnicodeScript.of(before) == Character.UnicodeScript.INHERITED; at -= Character.charCount(before)) {
            before = value.codePointBefore(at);
        }
        int after = value.codePointAt(end);
        if (isEmojiPart(before) && isEmojiPart(after)) {
            return joiner == 0x200D;
        }
        return isJoinedLetter(before) && isJoinedLetter(after);
    }

    /** A letter or mark of a script in which joiners shape what is shown (not Latin, Greek, Cyrillic or common text). */
    private static boolean isJoinedLetter(int codePoint) {
        int type = Character.getType(codePoint);
        if (!Character.isLetter(codePoint) && type != Character.NON_SPACING_MARK
                && type != Character.COMBINING_SPACING_MARK) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script != Character.UnicodeScript.LATIN && script != Character.UnicodeScript.GREEK
                && script != Character.UnicodeScript.CYRILLIC && script != Character.UnicodeScript.COMMON
                && script != Character.UnicodeScript.INHERITED;
    }

    /** A pictograph, a skin-tone modifier or the emoji variation selector: the parts of an emoji sequence. */
    private static boolean isEmojiPart(int codePoint) {
        return Character.getType(codePoint) == Character.OTHER_SYMBOL || codePoint >= 0x1F3FB && codePoint <= 0x1F3FF
                || codePoint == 0xFE0F;
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
