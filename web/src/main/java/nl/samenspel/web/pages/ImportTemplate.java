package nl.samenspel.web.pages;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** The kinds the description documents, in its order (the catalogue's). */
    List<String> kinds() {
        return List.copyOf(kinds.keySet());
    }

    /** The template for {@code chosen} (unknown kinds are ignored), separated by {@code separator}. */
    String csv(List<String> chosen, char separator) {
        List<Kind> picked = kinds.values().stream().filter(k -> chosen.contains(k.wireName())).toList();
        Set<String> columns = new LinkedHashSet<>();
        columns.add("type");
        picked.forEach(k -> columns.addAll(k.fields()));
        // Spreadsheets read a UTF-8 file as such only when it starts with a byte order mark; the import skips it.
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, List.copyOf(columns), separator);
        for (Kind kind : picked) {
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                if (column.equals("type")) {
                    cells.add(kind.wireName());
                } else {
                    JsonNode value = kind.example().path(column);
                    cells.add(value.isMissingNode() || value.isNull() ? ""
                            : cell(value, kind.schema().path("properties").path(column)));
                }
            }
            line(out, cells, separator);
        }
        return out.toString();
    }

    /** A value as the import reads it from a cell. */
    private String cell(JsonNode value, JsonNode schema) {
        JsonNode resolved = resolve(schema);
        if (value.isArray()) {
            JsonNode items = resolve(resolved.path("items"));
            List<String> parts = new ArrayList<>();
            value.forEach(item -> parts.add(cell(item, items)));
            return String.join(";", parts);
        }
        if (value.isObject()) {
            if (resolved.has("properties") && !resolved.path("properties").has("entryType")) {
                // A small record (a meeting's attendance): its fields in the catalogue's order, joined by ":".
                List<String> parts = new ArrayList<>();
                resolved.path("properties").fieldNames().forEachRemaining(
                        name -> parts.add(value.path(name).isMissingNode() ? "" : value.path(name).asText()));
                return String.join(":", parts);
            }
            return value.toString();
        }
        return value.asText();
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            return description.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    private static void line(StringBuilder out, List<String> cells, char separator) {
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
