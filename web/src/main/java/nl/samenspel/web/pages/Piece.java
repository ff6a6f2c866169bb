package nl.samenspel.web.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stretch of a text shown on a page, cut where a date (2026-12-06) stands, so that the page keeps each date whole on
 * one line ({@code fragments :: dated}): broken at a hyphen, "2026-12-" above "06" is easily misread.
 */
record Piece(String text, boolean date) {
    /** A date (2026-12-06) or a month (2026-12): "2026-" above "12" is read as another number. */
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}(?:-\\d{2})?");

    /** The text in pieces, dates apart; none for no text. */
    static List<Piece> of(String text) {
        List<Piece> pieces = new ArrayList<>();
        if (text == null) {
            return pieces;
        }
        Matcher date = DATE.matcher(text);
        int from = 0;
        while (date.find()) {
            if (date.start() > from) {
                pieces.add(new Piece(text.substring(from, date.start()), false));
            }
            pieces.add(new Piece(date.group(), true));
            from = date.end();
        }
        if (from < text.length()) {
            pieces.add(new Piece(text.substring(from), false));
        }
        return pieces;
    }
}
