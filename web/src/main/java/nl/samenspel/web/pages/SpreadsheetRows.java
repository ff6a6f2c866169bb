package nl.samenspel.web.pages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A CSV file as a spreadsheet shows it: row by row, so a refused line can be named by the row number the coordinator
 * sees. The import API names a row by the physical line it starts on (the header is line 1); that is the spreadsheet's
 * row number until a cell holds a line break, after which every later row starts lines further down. Splits the text
 * by the API's own rules (RFC 4180 quotes; comma, or semicolon when the header row holds only semicolons) and counts
 * rows instead, empty rows included, as a spreadsheet does.
 */
final class SpreadsheetRows {
    /** A row: the physical line it starts on, its number in a spreadsheet, and its cells. */
    record Row(int line, int number, List<String> cells) {
    }

    /** Another row named by its line in a message of the import API. */
    private static final Pattern OTHER_LINE = Pattern.compile("(?<=names what |, and )line (\\d+)(?= creates| is refused)");

    private final List<Row> rows;
    private final char separator;
    private final Map<Integer, Row> byLine = new HashMap<>();

    private SpreadsheetRows(List<Row> rows, char separator) {
        this.rows = rows;
        this.separator = separator;
        rows.forEach(row -> byLine.put(row.line(), row));
    }

    /** The rows, the header first, empty rows included. */
    List<Row> rows() {
        return rows;
    }

    /** The separator the file uses: a comma, or a semicolon when its header row holds only semicolons. */
    char separator() {
        return separator;
    }

    static SpreadsheetRows of(String text) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        char separator = separator(csv);
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        int line = 1;
        int rowStart = 1;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
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
                cells.add(cell.toString().strip());
                cell.setLength(0);
                afterQuote = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString().strip());
                rows.add(new Row(rowStart, rows.size() + 1, List.copyOf(cells)));
                cells.clear();
                cell.setLength(0);
                afterQuote = false;
                line++;
                rowStart = line;
            } else if (!afterQuote) {
                cell.append(c);
            }
        }
        if (!cells.isEmpty() || !cell.isEmpty() || quoted) {
            cells.add(cell.toString().strip());
            rows.add(new Row(rowStart, rows.size() + 1, List.copyOf(cells)));
        }
        return new SpreadsheetRows(rows, separator);
    }

    /** The spreadsheet row that starts on {@code line}; the line itself when no row starts there. */
    int rowNumber(int line) {
        Row row = byLine.get(line);
        return row == null ? line : row.number();
    }

    /**
     * {@code message} with the file's line numbers it gives of another row ("names what line 4 creates, and line 4
     * is refused") as the spreadsheet's row numbers, which the page says.
     */
    String lineToRow(String message) {
        return OTHER_LINE.matcher(message).replaceAll(
                found -> "line " + rowNumber(Integer.parseInt(found.group(1))));
    }

    /** Whether some cell holds a line break, so that rows and lines part ways. */
    boolean rowsSpanLines() {
        return rows.stream().anyMatch(row -> row.line() != row.number());
    }

    /** The place of one value in a list cell, as a field names it ({@code attendance[1].level}), counted from 0. */
    private static final java.util.regex.Pattern ITEM = java.util.regex.Pattern.compile("\\[(\\d+)]");

    /**
     * What the row starting on {@code line} holds in the column a refused field names: {@code partyIds[1]} and
     * {@code attendance[0].level} name the cells {@code partyIds} and {@code attendance}; a refusal of the whole row
     * ({@code line}: more cells than the header names) the row's cells as read, apart by " | ", so the cell that held
     * the separator shows as two (the report said "(empty)" there). Null when there is none.
     */
    String cell(int line, String field) {
        Row row = byLine.get(line);
        if (row == null || rows.isEmpty() || field == null) {
            return null;
        }
        if (field.equals("line")) {
            return row.cells().stream().allMatch(String::isBlank) ? null
                    : String.join(" | ", row.cells());
        }
        String column = field.replaceAll("[\\[.].*$", "");
        List<String> header = rows.get(0).cells();
        int index = header.indexOf(column);
        if (index < 0 || index >= row.cells().size()) {
            return null;
        }
        String value = row.cells().get(index);
        // one value of a list cell ("attendance[1].level"): that value, not the whole cell
        java.util.regex.Matcher item = ITEM.matcher(field);
        if (item.find()) {
            String[] values = value.split(";");
            int at = Integer.parseInt(item.group(1));
            if (at < values.length) {
                value = values[at].strip();
            }
        }
        return value.isEmpty() ? null : value;
    }

    private static char separator(String text) {
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
