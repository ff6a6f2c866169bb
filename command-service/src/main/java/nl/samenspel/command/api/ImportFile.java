package nl.samenspel.command.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.samenspel.kernel.correction.EntryTypes;
import nl.samenspel.kernel.correction.EntryTypes.EntryType;
import nl.samenspel.kernel.validation.Checks;
import nl.samenspel.kernel.validation.FieldError;
import nl.samenspel.kernel.validation.RuleViolation;
import nl.samenspel.support.ApiProblemHandler;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An import file split into its entries, each as the JSON fields the entry endpoint takes, with the line it starts on.
 * A line that cannot be read into fields at all is kept with the reason, so the report can name every bad line.
 *
 * <p>Two formats. <b>JSON Lines</b>: one JSON object per line with {@code type} and the entry's fields; blank lines
 * are skipped. <b>CSV</b> (RFC 4180): a header row with {@code type} and field names, then one entry per row;
 * separated by commas, or by semicolons as Dutch spreadsheets save it (told by the header row); cells are trimmed and
 * an empty cell leaves the field out; a list field holds its values separated by {@code ;} (quote the cell when the
 * file itself is semicolon-separated); a list of small records, such as a meeting's {@code attendance}, holds each as
 * its fields joined by {@code :} ({@code partnerId:level;partnerId:level}); a nested entry (a correction's
 * {@code replacement}) is a JSON object in its cell. Line numbers count physical lines from 1, the header included,
 * so they match the row numbers a spreadsheet shows.
 */
final class ImportFile {
    static final String TYPE = "type";
    static final String COMMAND_ID = "commandId";

    /**
     * One entry of the file: its fields, or why they could not be read (and those that could, when only some cells
     * could not). {@code type} is what the line says.
     */
    record Line(int number, String type, ObjectNode fields, RuleViolation unreadable) {
        static Line read(int number, String type, ObjectNode fields) {
            return new Line(number, type, fields, null);
        }

        static Line unreadable(int number, String type, RuleViolation why) {
            return new Line(number, type, null, why);
        }

        /** A line some cells of which could not be read: {@code fields} holds those that could. */
        static Line partly(int number, String type, ObjectNode fields, RuleViolation why) {
            return new Line(number, type, fields, why);
        }
    }

    private static final Map<Class<?>, Map<String, RecordComponent>> COMPONENTS = new ConcurrentHashMap<>();

    private ImportFile() {
    }

    /** The entries of a JSON Lines file. */
    static List<Line> jsonLines(String text, ObjectMapper json) {
        List<Line> lines = new ArrayList<>();
        String[] physical = text.split("\n", -1);
        for (int i = 0; i < physical.length; i++) {
            String line = physical[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int number = i + 1;
            JsonNode node;
            try {
                node = json.readTree(line);
            } catch (JsonProcessingException e) {
                FieldError named = ApiProblemHandler.unreadable(e);
                lines.add(Line.unreadable(number, null, named.field().equals("body")
                        ? RuleViolation.invalid("line", "is not valid JSON (column " + e.getLocation().getColumnNr()
                                                        + ": " + e.getOriginalMessage() + ")")
                        : RuleViolation.invalid(named.field(), named.message())));
                continue;
            }
            if (!(node instanceof ObjectNode fields)) {
                lines.add(Line.unreadable(number, null, RuleViolation.invalid("line", "must be one JSON object")));
                continue;
            }
            JsonNode type = fields.remove(TYPE);
            if (type == null || !type.isTextual() || type.asText().isBlank()) {
                lines.add(Line.unreadable(number, null, RuleViolation.invalid(TYPE, "is required: the kind of entry")));
                continue;
            }
            lines.add(Line.read(number, type.asText().strip(), fields));
        }
        return lines;
    }

    /** The entries of a CSV file, turned into the JSON fields of their kind of entry. */
    static List<Line> csv(String text, ObjectMapper json) {
        List<CsvRows.Row> rows = CsvRows.parse(text);
        // A spreadsheet that separates its columns by semicolons writes its decimals with a comma (12,5)
        boolean decimalComma = CsvRows.separator(text) == ';';
        if (rows.isEmpty()) {
            return List.of();
        }
        // a column named in another case ("Source", "OccurredOn") is the field of that name
        List<String> header = rows.get(0).cells().stream().map(String::strip).map(ImportFile::inItsCase).toList();
        List<Line> lines = new ArrayList<>();
        try {
            if (rows.get(0).problem() != null) {
                throw RuleViolation.invalid("line", rows.get(0).problem());
            }
            checkHeader(header);
        } catch (RuleViolation badHeader) {
            lines.add(Line.unreadable(rows.get(0).line(), null, badHeader));
            // a header whose only fault is a column no kind has: the rows are read without it, so that their own
            // mistakes are said with it, not after it was put right
            if (!onlyUnknownColumns(badHeader, header)) {
                return lines;
            }
        }
        for (CsvRows.Row row : rows.subList(1, rows.size())) {
            if (row.cells().stream().allMatch(String::isBlank)) {
                continue;
            }
            lines.add(line(row, header, json, decimalComma));
        }
        return lines;
    }

    private static void checkHeader(List<String> header) {
        Checks checks = Checks.start();
        if (!header.contains(TYPE)) {
            checks.add("line 1", "the header row must name a column 'type' (the kind of entry of each row)");
        }
        Set<String> seen = new TreeSet<>();
        for (String column : header) {
            if (column.isEmpty()) {
                checks.add("line 1", "every column needs a name in the header row");
            } else if (!seen.add(column)) {
                checks.add(column, "is named twice in the header row");
            } else if (!column.equals(TYPE) && !column.equals(COMMAND_ID) && !knownField(column)) {
                checks.add(column, "is not a field of any kind of entry" + nearest(column).map(
                        field -> "; did you mean " + field + "?").orElse(""));
            }
        }
        checks.orThrow();
    }

    private static Line line(CsvRows.Row row, List<String> header, ObjectMapper json, boolean decimalComma) {
        if (row.problem() != null) {
            return Line.unreadable(row.line(), null, RuleViolation.invalid("line", row.problem()));
        }
        if (row.cells().size() > header.size()) {
            // Most often a cell holding the separator without quotes (a list of partners, "A;B"): said, with the kind
            // the row's type cell names, so the row can be found
            int typeColumn = header.indexOf(TYPE);
            String named = typeColumn >= 0 ? row.cells().get(typeColumn).strip() : "";
            return Line.unreadable(row.line(), named.isEmpty() ? null : named, RuleViolation.invalid("line",
                    "has " + row.cells().size() + " cells, the header names " + header.size() + "; a cell that holds "
                    + (decimalComma ? ";" : ",") + " goes between double quotes"));
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < row.cells().size(); i++) {
            String value = row.cells().get(i).strip();
            String column = header.get(i);
            // a column the header was refused for is left out of its rows; a cell that shows as nothing (no-break
            // spaces, a zero-width space) is empty, as one of spaces is
            boolean refusedColumn = !column.equals(TYPE) && !column.equals(COMMAND_ID) && !knownField(column);
            if (!refusedColumn && !value.isEmpty() && !nl.samenspel.kernel.validation.Text.blank(value)) {
                cells.put(column, value);
            }
        }
        String wireName = cells.remove(TYPE);
        if (wireName == null) {
            return Line.unreadable(row.line(), null, RuleViolation.invalid(TYPE, "is required: the kind of entry"));
        }
        EntryType type;
        try {
            type = EntryReader.type(wireName);
        } catch (RuleViolation unknown) {
            return Line.unreadable(row.line(), wireName, unknown);
        }
        Map<String, RecordComponent> components = components(type.eventClass());
        ObjectNode fields = json.createObjectNode();
        Checks checks = Checks.start();
        cells.forEach((column, value) -> {
            if (column.equals(COMMAND_ID)) {
                fields.put(COMMAND_ID, value);
                return;
            }
            RecordComponent component = components.get(column);
            if (component == null) {
                checks.add(column, "is not a field of " + wireName + "; leave this cell empty");
                return;
            }
            if (column.equals("estimatedValueEur") || column.equals("quantity") && "EUR".equalsIgnoreCase(cells.get("unit"))) {
                // a sum of money: the estimated value, or a quantity whose unit is EUR
                value = withoutEuroSign(value);
            }
            try {
                fields.set(column, cell(column, value, component.getGenericType(), json, decimalComma));
            } catch (RuleViolation bad) {
                bad.errors().forEach(e -> checks.add(e.field(), e.message()));
            }
        });
        RuleViolation unreadable = checks.violation();
        return unreadable == null ? Line.read(row.line(), wireName, fields)
                                  : Line.partly(row.line(), wireName, fields, unreadable);
    }

    private static final java.util.regex.Pattern EURO_SIGN =
            java.util.regex.Pattern.compile("^([-+]?)[\\s\u00a0]*(?:\u20ac|EUR)[\\s\u00a0]*|[\\s\u00a0]*(?:\u20ac|EUR)$",
                                            java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * A sum as a spreadsheet saves a cell formatted as euros, without its sign: "€ 1.250,50" (with a no-break space),
     * "1.250,50 €" or "EUR 300" is the sum the cell shows, and "-€ 5,00" is -5,00 (a value below 0 is then refused
     * as such, not as no number).
     */
    private static String withoutEuroSign(String value) {
        return EURO_SIGN.matcher(value).replaceAll("$1").strip();
    }

    /**
     * One cell as the JSON value of a field of {@code type}: a number or a yes/no (true/false, yes/no, ja/nee) of that
     * kind, other scalars as text, which Jackson reads as the field's type.
     * With {@code decimalComma} (a file separated by semicolons) a decimal field's "12,5" is read as 12.5 and
     * "1.250,50" as 1250.50, and "1.250" is refused as reading two ways; in a file separated by commas a comma groups
     * thousands ("12,500.50"), "1,250" is refused as reading two ways, and any other comma in a number is an error.
     */
    private static JsonNode cell(String field, String value, Type type, ObjectMapper json, boolean decimalComma) {
        Class<?> raw = raw(type);
        if (Collection.class.isAssignableFrom(raw)) {
            Type element = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : String.class;
            ArrayNode list = json.createArrayNode();
            int index = 0;
            for (String item : value.split(";")) {
                if (!item.isBlank()) {
                    list.add(cell(field + "[" + index + "]", item.strip(), element, json, decimalComma));
                    index++;
                }
            }
            return list;
        }
        if (raw.isRecord()) {
            RecordComponent[] parts = raw.getRecordComponents();
            String[] values = value.split(":", -1);
            if (values.length != parts.length) {
                throw RuleViolation.invalid(field, "must be written as "
                        + String.join(":", Arrays.stream(parts).map(RecordComponent::getName).toList()));
            }
            ObjectNode object = json.createObjectNode();
            for (int i = 0; i < parts.length; i++) {
                object.set(parts[i].getName(), cell(field + "." + parts[i].getName(), values[i].strip(),
                                                    parts[i].getGenericType(), json, decimalComma));
            }
            return object;
        }
        if (raw.isInterface()) {
            try {
                JsonNode nested = json.readTree(value);
                if (nested instanceof ObjectNode) {
                    return nested;
                }
            } catch (JsonProcessingException e) {
                // answered below
            }
            throw RuleViolation.invalid(field, "must be a JSON object in its cell");
        }
        if (raw.isEnum()) {
            // said here, with the row's other cells, rather than by the reader, which stops at the first such value:
            // a row with a wrong kind and a wrong unit took two rounds
            List<String> allowed = java.util.Arrays.stream(raw.getEnumConstants())
                                                   .map(nl.samenspel.support.ApiProblemHandler::wireName).toList();
            if (!allowed.contains(value)) {
                throw RuleViolation.invalid(field, "must be one of: " + String.join(", ", allowed));
            }
            return json.getNodeFactory().textNode(value);
        }
        if (raw == java.time.LocalDate.class && DAY_FIRST.matcher(value).matches()) {
            // A Dutch spreadsheet saves a date as it shows it, day first: "7-12-2025" in a file separated by
            // semicolons is 7 December 2025. Separated by commas the file may come from a spreadsheet that writes the
            // month first, so such a date is not guessed at there.
            if (!decimalComma) {
                throw RuleViolation.invalid(field, "is not a date written YYYY-MM-DD (2025-12-31); in a file separated "
                        + "by commas a date with dashes may be read month first, so write it YYYY-MM-DD, or separate "
                        + "the file by semicolons");
            }
            try {
                return json.getNodeFactory().textNode(java.time.LocalDate.parse(value, DAY_MONTH_YEAR).toString());
            } catch (java.time.format.DateTimeParseException noSuchDay) {
                throw RuleViolation.invalid(field, "is not a valid date (day-month-year, as 31-12-2025, or YYYY-MM-DD)");
            }
        }
        if (decimalComma && (DECIMAL.contains(raw) || WHOLE.contains(raw)) && GROUPED.matcher(value).matches()) {
            // A file separated by semicolons is written the Dutch way, where a point groups thousands: "1.250,50" is
            // 1250.50 and "2.000.000" two million, but "1.250" is a thousand and a quarter to one reader and one and a
            // quarter to another, and was logged as 1.25 without a word. It is asked about, as the forms ask.
            if (value.indexOf(',') < 0 && value.indexOf('.') == value.lastIndexOf('.')) {
                throw RuleViolation.invalid(field, "reads two ways: as " + value.replace(".", "") + " (a point between "
                        + "thousands) or as " + value + " (a decimal point); write a whole number without a separator ("
                        + value.replace(".", "") + "), or a decimal with a comma (" + value.replace('.', ',') + ")");
            }
            value = value.replace(".", "").replace(',', '.');
        } else if (!decimalComma && (DECIMAL.contains(raw) || WHOLE.contains(raw))
                   && GROUPED_BY_COMMAS.matcher(value).matches()) {
            // A file separated by commas is written the English way, where a comma groups thousands, as a spreadsheet
            // saves a cell formatted so ("12,500.50", "2,000,000"); "1,250" alone reads two ways and is asked about.
            if (value.indexOf('.') < 0 && value.indexOf(',') == value.lastIndexOf(',')) {
                // the decimal reading as it is written with a point: 1.25, not 1.250 (a thousand to a Dutch reader)
                String decimal = new java.math.BigDecimal(value.replace(',', '.')).stripTrailingZeros().toPlainString();
                throw RuleViolation.invalid(field, "reads two ways: as " + value.replace(",", "") + " (a comma between "
                        + "thousands) or as " + decimal + " (a decimal comma); write a whole number without a separator ("
                        + value.replace(",", "") + "), or a decimal with a point (" + decimal + ")");
            }
            value = value.replace(",", "");
        } else if (decimalComma && DECIMAL.contains(raw) && DECIMAL_COMMA.matcher(value).matches()) {
            value = value.replace(',', '.');
        } else if (DECIMAL.contains(raw) && DECIMAL_COMMA.matcher(value).matches()) {
            // "1,000" may mean a thousand here, so it is not guessed at; the reason says how to write it
            throw RuleViolation.invalid(field, "is not a number: in a file separated by commas a decimal is written "
                    + "with a point (2.5), or separate the file by semicolons");
        }
        // A cell is text; the JSON value is of the field's kind, as the API reads it strictly: a number as a number,
        // true or false as a yes/no. What is not one stays text, and is refused as the API refuses it.
        if ((DECIMAL.contains(raw) || WHOLE.contains(raw)) && NUMBER.matcher(value).matches()) {
            // sizes first, as the API reads them: 1e309 or 1e-10000000 is refused before a digit of it is written out
            java.math.BigDecimal number = value.length() > 60 ? null : new java.math.BigDecimal(value);
            if (number == null || !nl.samenspel.kernel.Limits.fits(number)) {
                throw RuleViolation.invalid(field, WHOLE.contains(raw) ? "is not a valid whole number"
                        : nl.samenspel.kernel.Limits.DIGITS);
            }
            if (WHOLE.contains(raw)) {
                try {
                    return json.getNodeFactory().numberNode(number.toBigIntegerExact());
                } catch (ArithmeticException fraction) {
                    return json.getNodeFactory().numberNode(number);
                }
            }
            return json.getNodeFactory().numberNode(number);
        }
        if (raw == Boolean.class || raw == boolean.class) {
            // as a spreadsheet says it, in either language
            String said = value.toLowerCase(java.util.Locale.ROOT);
            if (YES.contains(said) || NO.contains(said)) {
                return json.getNodeFactory().booleanNode(YES.contains(said));
            }
        }
        return json.getNodeFactory().textNode(value);
    }

    /** A yes or a no in a cell: true or false, yes or no, ja or nee, and waar or onwaar as a Dutch spreadsheet saves it. */
    private static final Set<String> YES = Set.of("true", "yes", "ja", "waar");
    private static final Set<String> NO = Set.of("false", "no", "nee", "onwaar");

    /** The field types that hold whole numbers. */
    private static final Set<Class<?>> WHOLE = Set.of(Integer.class, int.class, Long.class, long.class, Short.class,
                                                      short.class, java.math.BigInteger.class);
    /** A number with a decimal point or an exponent or neither, and nothing else. */
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    /** The field types whose values may have a fraction. */
    private static final Set<Class<?>> DECIMAL = Set.of(java.math.BigDecimal.class, double.class, Double.class,
                                                        float.class, Float.class);
    /** A number with points between groups of three digits, as Dutch writes thousands, and perhaps a decimal comma. */
    private static final java.util.regex.Pattern GROUPED =
            java.util.regex.Pattern.compile("[-+]?\\d{1,3}(\\.\\d{3})+(,\\d+)?");
    /** A number with commas between thousands, as English writes it: 12,500 or 1,250,000.50. */
    private static final java.util.regex.Pattern GROUPED_BY_COMMAS =
            java.util.regex.Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    /** A date written day first with dashes, as a Dutch spreadsheet shows it: 7-12-2025 or 07-12-2025. */
    private static final java.util.regex.Pattern DAY_FIRST = java.util.regex.Pattern.compile("\\d{1,2}-\\d{1,2}-\\d{4}");
    private static final java.time.format.DateTimeFormatter DAY_MONTH_YEAR = java.time.format.DateTimeFormatter
            .ofPattern("d-M-uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);
    /** A number with a decimal comma and nothing else: no point, no second comma. */
    private static final java.util.regex.Pattern DECIMAL_COMMA = java.util.regex.Pattern.compile("[-+]?\\d+,\\d+");

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    /** Whether every error of the header names a column no kind of entry has (its rows can still be read). */
    private static boolean onlyUnknownColumns(RuleViolation badHeader, List<String> header) {
        return header.contains(TYPE) && badHeader.errors().stream().allMatch(
                e -> header.contains(e.field()) && !e.field().equals(TYPE) && !knownField(e.field())
                     && header.indexOf(e.field()) == header.lastIndexOf(e.field()));
    }

    /** {@code column} as the field it names in another case ("Source" is source); as written where it names none. */
    private static String inItsCase(String column) {
        if (column.isEmpty() || column.equals(TYPE) || column.equals(COMMAND_ID) || knownField(column)) {
            return column;
        }
        for (String known : List.of(TYPE, COMMAND_ID)) {
            if (known.equalsIgnoreCase(column)) {
                return known;
            }
        }
        return fieldNames().stream().filter(field -> field.equalsIgnoreCase(column)).findFirst().orElse(column);
    }

    /** The field nearest to {@code column} by letters changed, added or left out, at most two; none when two are as near. */
    static java.util.Optional<String> nearest(String column) {
        String near = null;
        int best = 3;
        boolean tie = false;
        for (String field : fieldNames()) {
            int distance = distance(column.toLowerCase(java.util.Locale.ROOT), field.toLowerCase(java.util.Locale.ROOT));
            if (distance < best) {
                near = field;
                best = distance;
                tie = false;
            } else if (distance == best) {
                tie = true;
            }
        }
        return tie ? java.util.Optional.empty() : java.util.Optional.ofNullable(near);
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + change);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** Every field of every kind of entry, once. */
    private static Set<String> fieldNames() {
        Set<String> names = new TreeSet<>();
        EntryTypes.all().forEach(t -> names.addAll(components(t.eventClass()).keySet()));
        names.remove("networkId");
        return names;
    }

    private static boolean knownField(String column) {
        return EntryTypes.all().stream().anyMatch(t -> components(t.eventClass()).containsKey(column));
    }

    private static Map<String, RecordComponent> components(Class<?> eventClass) {
        return COMPONENTS.computeIfAbsent(eventClass, c -> {
            Map<String, RecordComponent> byName = new LinkedHashMap<>();
            for (RecordComponent component : c.getRecordComponents()) {
                byName.put(component.getName(), component);
            }
            return byName;
        });
    }
}
