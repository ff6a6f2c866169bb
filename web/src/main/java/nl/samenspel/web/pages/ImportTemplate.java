package nl.samenspel.web.pages;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CSV template for an import, made from the command-service's API description so there is one source for what each
 * kind of entry holds: the header names {@code type} and the fields of the kinds chosen, and each kind has one example
 * row (the description's example for it, written the way the import reads CSV: list values joined by {@code ;}, a
 * meeting's attendance as {@code partnerId:level}, a correction's replacement as JSON in its cell).
 */
final class ImportTemplate {
    private static final Pattern ENTRY_PATH = Pattern.compile("^/api/networks/\\{networkId}/entries/([a-z][a-z-]*)$");
    /** Every resend needs its own id: an example's command id would collide, so the template leaves it out. */
    private static final String COMMAND_ID = "commandId";

    /**
     * The example rows' texts in one language (a title, a note, a purpose): the text of {@code field} of {@code kind}'s
     * example, or null where the description's own (English) text stands. A list field's text holds its values joined
     * by {@code ;}.
     */
    interface Texts {
        String of(String kind, String field);

        /** How the template writes {@code code}, one of the {@code codes} of a choice field: as the code itself. */
        default String choice(String field, List<String> codes, String code) {
            return code;
        }
    }

    /** One kind of entry as the description documents it: its fields in order, and its example body. */
    record Kind(String wireName, List<String> fields, JsonNode example, JsonNode schema) {
    }

    private final JsonNode description;
    private final Map<String, Kind> kinds = new java.util.LinkedHashMap<>();

    ImportTemplate(JsonNode description) {
        this.description = description;
        Iterator<Map.Entry<String, JsonNode>> paths = description.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Matcher entry = ENTRY_PATH.matcher(path.getKey());
            if (!entry.matches()) {
                continue;
            }
            JsonNode body = path.getValue().path("post").path("requestBody").path("content").path("application/json");
            JsonNode schema = resolve(body.path("schema"));
            List<String> fields = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(name -> {
                if (!name.equals(COMMAND_ID)) {
                    fields.add(name);
                }
            });
            kinds.put(entry.group(1), new Kind(entry.group(1), fields, body.path("example"), schema));
        }
    }

    /**
     * The codes {@code field} of {@code kind} takes, as the description lists them (for a list field, those of its
     * values); empty when the field holds no choice, or the kind has no such field.
     */
    List<String> choices(String kind, String field) {
        Kind known = kinds.get(kind);
        if (known == null) {
            return List.of();
        }
        JsonNode schema = resolve(known.schema().path("properties").path(field));
        if ("array".equals(schema.path("type").asText())) {
            schema = resolve(schema.path("items"));
        }
        List<String> codes = new ArrayList<>();
        schema.path("enum").forEach(code -> codes.add(code.asText()));
        return codes;
    }

    /**
     * The parts of the small record each value of a list field holds, in the order a cell writes them (a meeting's
     * attendance: {@code partnerId}, {@code level}), each with the codes it takes (none for a part that holds no
     * choice); empty for any other field.
     */
    Map<String, List<String>> partChoices(String kind, String field) {
        Kind known = kinds.get(kind);
        Map<String, List<String>> parts = new java.util.LinkedHashMap<>();
        if (known == null) {
            return parts;
        }
        JsonNode items = resolve(resolve(known.schema().path("properties").path(field)).path("items"));
        items.path("properties").fields().forEachRemaining(part -> {
            List<String> codes = new ArrayList<>();
            resolve(part.getValue()).path("enum").forEach(code -> codes.add(code.asText()));
            parts.put(part.getKey(), codes);
        });
        return parts;
    }

    /**
     * The rows of {@code sheet} (a CSV file's rows, the header first) that still hold a text of their kind's example
     * row, by their number in the sheet: sent back as the template gave them, they would be logged as real entries.
     * A text counts when it is a sentence of the example in the description or in one of {@code languages} (a title,
     * a purpose, a note; not a code, a date or an id).
     */
    List<Integer> exampleRows(SpreadsheetRows sheet, List<Texts> languages) {
        List<Integer> rows = new ArrayList<>();
        if (sheet.rows().isEmpty()) {
            return rows;
        }
        List<String> header = sheet.rows().get(0).cells();
        int type = header.indexOf("type");
        for (SpreadsheetRows.Row row : sheet.rows().subList(1, sheet.rows().size())) {
            Kind kind = type < 0 || type >= row.cells().size() ? null : kinds.get(row.cells().get(type));
            if (kind == null) {
                continue;
            }
            for (int i = 0; i < header.size() && i < row.cells().size(); i++) {
                String cell = row.cells().get(i);
                String field = header.get(i);
                JsonNode text = kind.example().path(field);
                boolean example = text.isTextual() && text.asText().contains(" ") && text.asText().strip().equals(cell);
                for (Texts language : languages) {
                    String translated = language.of(kind.wireName(), field);
                    example |= translated != null && translated.contains(" ") && translated.strip().equals(cell);
                }
                if (example) {
                    rows.add(row.number());
                    break;
                }
            }
        }
        return rows;
    }

    /** The kinds the description documents, in its order (the catalogue's). */
    List<String> kinds() {
        return List.copyOf(kinds.keySet());
    }

    /** The fields that name partners of the network besides those named so ({@link #partnerField}). */
    private static final Set<String> PARTNER_FIELDS = Set.of("partnerId", "partyIds", "memberIds", "pair", "partnerIds",
                                                             "attendance");

    /**
     * The template with example rows fitted to a network: the partners they name are {@code partners} of this
     * network, by name (which the import takes), and their dates moved to {@code today}, each date keeping its distance
     * from the entry's own (a due date stays after it). The examples of the API description name made-up partner ids
     * on dates in 2024, so a template sent back unchanged was refused row by row. Their texts are those of {@code texts} where it
     * has them. Unknown kinds among {@code chosen} are ignored.
     */
    String csv(List<String> chosen, char separator, List<String> partners, java.time.LocalDate today, Texts texts) {
        List<Kind> picked = kinds.values().stream().filter(k -> chosen.contains(k.wireName())).toList();
        Set<String> columns = new LinkedHashSet<>();
        columns.add("type");
        picked.forEach(k -> columns.addAll(k.fields()));
        // Spreadsheets read a UTF-8 file as such only when it starts with a byte order mark; the import skips it.
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, List.copyOf(columns), separator);
        Map<String, String> ids = createdIds(picked);
        String leaving = partners.isEmpty() ? null : leaving(picked, partners);
        List<String> staying = partners.stream().filter(partner -> !partner.equals(leaving)).toList();
        for (Kind kind : picked) {
            JsonNode example = fitted(kind, staying.isEmpty() ? partners : staying, today, ids, texts);
            if (leaving != null && kind.wireName().equals(WITHDREW) && example.isObject()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) example).put("partnerId", leaving);
            }
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                if (column.equals("type")) {
                    cells.add(kind.wireName());
                } else {
                    JsonNode value = example.path(column);
                    cells.add(value.isMissingNode() || value.isNull() ? ""
                            : cell(value, column, kind.schema().path("properties").path(column), texts));
                }
            }
            line(out, cells, separator);
        }
        return out.toString();
    }

    private static final String WITHDREW = "partner-withdrew";

    /**
     * The partner the template's withdrawal names, by name, so that no other row of it names that partner: a partner
     * withdrawn today cannot be named by an entry of today, and a withdrawal cannot be dated before what such an entry
     * says of the partner, so a template with a withdrawal among other kinds was refused row by row. The partner the
     * template's own row lets join when it has one, else the network's last partner when it has more than one; null
     * when there is no withdrawal or no such partner.
     */
    private static String leaving(List<Kind> picked, List<String> partners) {
        if (picked.stream().noneMatch(kind -> kind.wireName().equals(WITHDREW))) {
            return null;
        }
        return picked.stream().filter(kind -> kind.wireName().equals("partner-joined"))
                     .map(kind -> kind.example().path("name")).filter(JsonNode::isTextual)
                     .map(JsonNode::asText).findFirst()
                     .orElse(partners.size() > 1 ? partners.get(partners.size() - 1) : null);
    }

    /** The fields by which an entry refers to what an entry of another kind created. */
    private static final Set<String> CREATED_IDS = Set.of("agreementId", "contributionId", "evaluationId", "actionId",
                                                          "conflictId", "coalitionId");

    /**
     * Ids for what the template's rows create and refer to, fresh for each template, so that its rows refer to one
     * another and a second template can be logged beside the first: keyed by the example's id of what is referred to
     * (an outcome's agreement) and by {@code kind/field} for the row that creates it (the agreement), when both kinds
     * are in the template. The examples of the API description create nothing under an id of their own (the id is then
     * derived), and refer to made-up ones.
     */
    private static Map<String, String> createdIds(List<Kind> picked) {
        Map<String, String> ids = new java.util.HashMap<>();
        for (Kind kind : picked) {
            for (String field : CREATED_IDS) {
                JsonNode referred = kind.example().path(field);
                if (!referred.isTextual()) {
                    continue;
                }
                picked.stream()
                      .filter(creator -> creator.fields().contains(field) && !creator.example().has(field))
                      .findFirst().ifPresent(creator -> {
                          String id = ids.computeIfAbsent(referred.asText(), made -> UUID.randomUUID().toString());
                          ids.put(creator.wireName() + "/" + field, id);
                      });
            }
        }
        return ids;
    }

    /** Whether a field names partners of the network (a meeting's attendance names one in each of its values). */
    private static boolean partnerField(String name) {
        return name.endsWith("PartnerId") || name.endsWith("PartnerIds") || PARTNER_FIELDS.contains(name);
    }

    /**
     * A kind's example with this network's partners, today's date, the {@code ids} of {@link #createdIds} and the
     * {@code texts}, as {@link #csv(List, char, List, java.time.LocalDate, Texts)} says.
     */
    private static JsonNode fitted(Kind kind, List<String> partners, java.time.LocalDate today, Map<String, String> ids,
                                   Texts texts) {
        if (!kind.example().isObject()) {
            return kind.example();
        }
        com.fasterxml.jackson.databind.node.ObjectNode example = kind.example().deepCopy();
        for (String name : fieldNames(example)) {
            String text = texts.of(kind.wireName(), name);
            if (text != null && example.get(name).isArray()) {
                com.fasterxml.jackson.databind.node.ArrayNode list = example.putArray(name);
                for (String value : text.split(";")) {
                    list.add(value.strip());
                }
            } else if (text != null) {
                example.put(name, text);
            }
        }
        for (String field : CREATED_IDS) {
            String created = ids.get(kind.wireName() + "/" + field);
            String referred = ids.get(example.path(field).asText());
            if (created != null || referred != null) {
                example.put(field, created != null ? created : referred);
            }
        }
        java.util.Optional<java.time.LocalDate> on = isoDate(example.path("occurredOn"));
        if (today != null && on.isPresent()) {
            long shift = java.time.temporal.ChronoUnit.DAYS.between(on.get(), today);
            for (String name : fieldNames(example)) {
                isoDate(example.get(name)).ifPresent(date -> example.put(name, date.plusDays(shift).toString()));
            }
        }
        if (!partners.isEmpty()) {
            Map<String, String> named = new java.util.LinkedHashMap<>();
            for (String name : fieldNames(example)) {
                // a partner that joins is named by the id it gets, not by a partner already there
                if (partnerField(name) && !(name.equals("partnerId") && kind.wireName().equals("partner-joined"))) {
                    example.set(name, named(example.get(name), partners, named));
                }
            }
        }
        return example;
    }

    /** {@code value} with every partner id in it (in a list, or a record's partnerId) a partner's name, in order. */
    private static JsonNode named(JsonNode value, List<String> partners, Map<String, String> named) {
        if (value.isTextual() && value.asText().matches("[0-9a-fA-F-]{36}")) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(named.computeIfAbsent(
                    value.asText(), id -> partners.get(named.size() % partners.size())));
        }
        if (value.isArray()) {
            // a list of partners names each once (a network with fewer partners than the example names them again),
            // and a list of records (a meeting's attendance) each record once
            com.fasterxml.jackson.databind.node.ArrayNode list = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            value.forEach(item -> {
                JsonNode one = named(item, partners, named);
                boolean again = false;
                for (JsonNode before : list) {
                    again |= one.equals(before);
                }
                if (!again) {
                    list.add(one);
                }
            });
            return list;
        }
        if (value.isObject() && value.has("partnerId")) {
            com.fasterxml.jackson.databind.node.ObjectNode record = value.deepCopy();
            record.set("partnerId", named(value.get("partnerId"), partners, named));
            return record;
        }
        return value;
    }

    private static java.util.Optional<java.time.LocalDate> isoDate(JsonNode value) {
        if (value != null && value.isTextual() && value.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return java.util.Optional.of(java.time.LocalDate.parse(value.asText()));
            } catch (java.time.format.DateTimeParseException e) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }

    /** The names of {@code example}'s fields, copied, so that the fields can be set while they are gone through. */
    private static List<String> fieldNames(JsonNode example) {
        List<String> names = new ArrayList<>();
        example.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A value as the import reads it from a cell. */
    private String cell(JsonNode value, String field, JsonNode schema, Texts texts) {
        JsonNode resolved = resolve(schema);
        if (value.isArray()) {
            JsonNode items = resolve(resolved.path("items"));
            List<String> parts = new ArrayList<>();
            value.forEach(item -> parts.add(cell(item, field, items, texts)));
            return String.join(";", parts);
        }
        if (value.isObject()) {
            if (resolved.has("properties") && !resolved.path("properties").has("entryType")) {
                // A small record (a meeting's attendance): its fields in the catalogue's order, joined by ":".
                List<String> parts = new ArrayList<>();
                resolved.path("properties").fields().forEachRemaining(part -> parts.add(
                        value.path(part.getKey()).isMissingNode() ? ""
                                : cell(value.path(part.getKey()), part.getKey(), part.getValue(), texts)));
                return String.join(":", parts);
            }
            return value.toString();
        }
        List<String> codes = new ArrayList<>();
        resolved.path("enum").forEach(code -> codes.add(code.asText()));
        return codes.contains(value.asText()) ? texts.choice(field, codes, value.asText()) : value.asText();
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            return description.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    static void line(StringBuilder out, List<String> cells, char separator) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            String cell = cells.get(i);
            boolean quote = cell.indexOf(separator) >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0 || !cell.equals(cell.strip());
            out.append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        out.append("\r\n");
    }
}
