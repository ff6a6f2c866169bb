package nl.samenspel.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.samenspel.web.WebProperties;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The event catalogue as the command-service describes it in its API description ({@code /v3/api-docs}): every kind
 * of entry a coordinator can log, with its fields, their types, which are required, the values an enumeration allows
 * and the bounds of numbers, text and lists. The entry forms are drawn from this one description, so a field the
 * services add or change shows in the forms without a page being written for it. Read once, when first needed, and
 * kept; a failed read is tried again on the next page.
 */
@Component
public class EntryCatalogue {
    /** The documented path of each kind: the generic entry endpoint with the kind's wire name in it. */
    static final Pattern ENTRY_PATH = Pattern.compile("^/api/networks/\\{networkId}/entries/([a-z-]+)$");
    /** The group of the catalogue each kind belongs to, named on its operation. */
    static final String GROUP = "x-entry-group";
    /** The operation's description names the field holding the id of what the entry creates. */
    private static final Pattern CREATES = Pattern.compile("Creates `([A-Za-z]+)`");
    /** Filled in by the service or the form itself, never typed. */
    private static final List<String> NOT_TYPED = List.of("commandId", "networkId");

    private final RestClient commands;
    private final ObjectMapper json;
    private volatile Catalogue catalogue;

    public EntryCatalogue(RestClient.Builder builder, WebProperties properties, ObjectMapper json) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(properties.timeout());
        this.commands = builder.clone().requestFactory(factory).baseUrl(properties.commandUrl().toString()).build();
        this.json = json;
    }

    /** What a field holds, as a form asks for it. */
    public enum Type {
        TEXT, DATE, INTEGER, NUMBER, BOOLEAN, UUID, ENUM,
        /** Several of an enumeration's values. */
        ENUM_SET,
        /** Several ids (partners, mostly). */
        UUID_LIST,
        TEXT_LIST, INTEGER_LIST,
        /** A list of small records, such as a meeting's attendance (partner and level). */
        OBJECT_LIST,
        /** Names with a number each, such as the thresholds of a health policy. */
        NUMBER_MAP,
        /** A whole entry of another kind, such as the replacement in a correction. */
        ENTRY
    }

    /** One field of an entry, with the rules the description states for it. */
    public record Field(String name, Type type, boolean required, List<String> values, BigDecimal minimum,
                        BigDecimal maximum, Integer maxLength, Integer minItems, Integer maxItems, List<Field> items) {
        public Field {
            values = values == null ? List.of() : List.copyOf(values);
            items = items == null ? List.of() : List.copyOf(items);
        }

        /** Holds several values. */
        public boolean isList() {
            return switch (type) {
                case ENUM_SET, UUID_LIST, TEXT_LIST, INTEGER_LIST, OBJECT_LIST -> true;
                default -> false;
            };
        }
    }

    /**
     * One kind of entry: its wire name (as in {@code POST .../entries/{wireName}}), its event type
     * ({@code AgreementMade}), its group in the catalogue ({@code exchange}; {@link #OTHER} when the description names
     * none), the field naming what it creates (left to the service, which derives it from the command id), and the
     * fields a coordinator fills in, in the description's order.
     */
    public record Kind(String wireName, String type, String group, String createdIdField, List<Field> fields) {
        /** The group of a kind the description does not place in one. */
        public static final String OTHER = "other";

        public Optional<Field> field(String name) {
            return fields.stream().filter(f -> f.name().equals(name)).findFirst();
        }
    }

    /** Every kind, in the description's order, by wire name. */
    public record Catalogue(Map<String, Kind> kinds) {
        public Optional<Kind> kind(String wireName) {
            return Optional.ofNullable(kinds.get(wireName));
        }

        public Kind byType(String type) {
            return kinds.values().stream().filter(k -> k.type().equals(type)).findFirst().orElse(null);
        }

        /** The kinds by group, groups and kinds in the description's order (the catalogue's); kinds of no group last. */
        public Map<String, List<Kind>> groups() {
            Map<String, List<Kind>> groups = new LinkedHashMap<>();
            kinds.values().stream().filter(k -> !k.group().equals(Kind.OTHER))
                 .forEach(k -> groups.computeIfAbsent(k.group(), g -> new ArrayList<>()).add(k));
            kinds.values().stream().filter(k -> k.group().equals(Kind.OTHER))
                 .forEach(k -> groups.computeIfAbsent(k.group(), g -> new ArrayList<>()).add(k));
            return groups;
        }
    }

    /** The catalogue, read from the command-service the first time it is asked for. */
    public Catalogue catalogue() {
        Catalogue known = catalogue;
        if (known == null) {
            synchronized (this) {
                known = catalogue;
                if (known == null) {
                    try {
                        JsonNode description = commands.get().uri("/v3/api-docs").accept(MediaType.APPLICATION_JSON)
                                                       .retrieve().body(JsonNode.class);
                        known = parse(description);
                    } catch (RestClientException e) {
                        throw new SamenspelClient.ApiException(0);
                    }
                    catalogue = known;
                }
            }
        }
        return known;
    }

    /** Reads the entry kinds out of an OpenAPI description of the command-service. */
    public static Catalogue parse(JsonNode description) {
        JsonNode schemas = description.path("components").path("schemas");
        Map<String, Kind> kinds = new LinkedHashMap<>();
        description.path("paths").fields().forEachRemaining(path -> {
            Matcher matcher = ENTRY_PATH.matcher(path.getKey());
            JsonNode post = path.getValue().path("post");
            if (!matcher.matches() || post.isMissingNode()) {
                return;
            }
            JsonNode body = post.path("requestBody").path("content").path("application/json").path("schema");
            String ref = body.path("$ref").asText("");
            String schemaName = ref.substring(ref.lastIndexOf('/') + 1);
            JsonNode schema = schemas.path(schemaName);
            if (schema.isMissingNode()) {
                return;
            }
            Matcher creates = CREATES.matcher(post.path("description").asText(""));
            String createdId = creates.find() ? creates.group(1) : null;
            String type = schemaName.endsWith("Entry") ? schemaName.substring(0, schemaName.length() - 5) : schemaName;
            String group = post.path(GROUP).asText("");
            kinds.put(matcher.group(1), new Kind(matcher.group(1), type, group.isEmpty() ? Kind.OTHER : group,
                                                 createdId, fields(schema, schemas, createdId)));
        });
        return new Catalogue(kinds);
    }

    private static List<Field> fields(JsonNode schema, JsonNode schemas, String skip) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        List<Field> fields = new ArrayList<>();
        schema.path("properties").fields().forEachRemaining(property -> {
            String name = property.getKey();
            if (NOT_TYPED.contains(name) || name.equals(skip)) {
                return;
            }
            fields.add(field(name, resolve(property.getValue(), schemas), required.contains(name), schemas));
        });
        return fields;
    }

    private static Field field(String name, JsonNode p, boolean required, JsonNode schemas) {
        List<String> values = new ArrayList<>();
        Type type;
        List<Field> items = List.of();
        String kind = p.path("type").asText("");
        if (p.has("$ref") || (kind.isEmpty() && p.has("properties"))) {
            type = Type.ENTRY;
        } else if (p.has("enum")) {
            p.path("enum").forEach(v -> values.add(v.asText()));
            type = Type.ENUM;
        } else if (kind.equals("array")) {
            JsonNode item = resolve(p.path("items"), schemas);
            String itemKind = item.path("type").asText("");
            if (item.has("enum")) {
                item.path("enum").forEach(v -> values.add(v.asText()));
                type = Type.ENUM_SET;
            } else if (itemKind.equals("object") || item.has("properties")) {
                type = Type.OBJECT_LIST;
                items = fields(item, schemas, null);
            } else if (itemKind.equals("integer")) {
                type = Type.INTEGER_LIST;
            } else if ("uuid".equals(item.path("format").asText())) {
                type = Type.UUID_LIST;
            } else {
                type = Type.TEXT_LIST;
            }
        } else if (kind.equals("object")) {
            type = p.has("properties") ? Type.ENTRY : Type.NUMBER_MAP;
        } else if (kind.equals("integer")) {
            type = Type.INTEGER;
        } else if (kind.equals("number")) {
            type = Type.NUMBER;
        } else if (kind.equals("boolean")) {
            type = Type.BOOLEAN;
        } else if ("date".equals(p.path("format").asText())) {
            type = Type.DATE;
        } else if ("uuid".equals(p.path("format").asText())) {
            type = Type.UUID;
        } else {
            type = Type.TEXT;
        }
        return new Field(name, type, required, values, decimal(p, "minimum"), decimal(p, "maximum"),
                         integer(p, "maxLength"), integer(p, "minItems"), integer(p, "maxItems"), items);
    }

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            JsonNode target = schemas.path(ref.substring("#/components/schemas/".length()));
            // A whole entry (the replacement of a correction) stays a reference: its kind is chosen on the form.
            return target.has("properties") && !target.path("properties").has("entryType") ? target : schema;
        }
        return schema;
    }

    private static BigDecimal decimal(JsonNode p, String name) {
        return p.has(name) && p.get(name).isNumber() ? p.get(name).decimalValue() : null;
    }

    private static Integer integer(JsonNode p, String name) {
        // The services write "no upper bound" as the largest int; a form has no use for it.
        return p.has(name) && p.get(name).canConvertToInt() && p.get(name).asInt() < Integer.MAX_VALUE
                ? p.get(name).asInt() : null;
    }

    /** For tests and tools that hold a description already. */
    public Catalogue parse(String description) {
        try {
            return parse(json.readTree(description));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
