package nl.samenspel.command.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text (RFC 4180) into rows of cells: quoted cells may hold separators, doubled quotes and line breaks.
 * The separator is a comma, or a semicolon when the header row holds semicolons and no commas outside quotes (as
 * spreadsheets in a Dutch locale save CSV). Each row remembers the physical line it starts on.
 */
final class CsvRows {

    /** A row and the line it starts on; {@code problem} says why its cells cannot be trusted, if so. */
    record Row(int line, List<String> cells, String problem) {
    }

    private CsvRows() {
    }

    static List<Row> parse(String text) {
        char separator = separator(text);
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        String problem = null;
        int line = 1;
        int rowStart = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank() && !afterQuote) {
                quoted = true;
                cell.setLength(0);
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
                afterQuote = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                rows.add(new Row(rowStart, List.copyOf(cells), problem));
                cells.clear();
                cell.setLength(0);
                afterQuote = false;
                problem = null;
                line++;
                rowStart = line;
            } else if (afterQuote && !Character.isWhitespace(c)) {
                problem = "has text after the closing quote of a cell";
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            problem = "opens a quoted cell that is never closed (the rest of the file is inside it)";
        }
        if (!cells.isEmpty() || !cell.isEmpty() || quoted) {
            cells.add(cell.toString());
            rows.add(new Row(rowStart, List.copyOf(cells), problem));
        }
        return rows;
    }

    /** The separator the header row uses. */
    static char separator(String text) {
        boolean quoted = false;
        boolean semicolon = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                return ',';
            } else if (!quoted && c == ';') {
                semicolon = true;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            }
        }
        return semicolon ? ';' : ',';
    }
}
