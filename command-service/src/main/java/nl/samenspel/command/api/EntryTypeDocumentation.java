package nl.samenspel.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.UUIDSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.tags.Tag;
import nl.samenspel.kernel.correction.EntryGroup;
import nl.samenspel.kernel.correction.EntryTypes;
import nl.samenspel.kernel.correction.EntryTypes.EntryType;
import nl.samenspel.kernel.exchange.ContributionRecorded;
import nl.samenspel.kernel.exchange.ContributionStatusChanged;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.NetworkFounded;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * Expands the one generic entry endpoint, {@code POST /api/networks/{networkId}/entries/{type}}, into a documented
 * path per kind of entry, with the request schema of that event (without {@code networkId}, which comes from the
 * path) and a realistic example; and gives the other commands their examples.
 */
@Component
public class EntryTypeDocumentation implements OpenApiCustomizer, Ordered {
    static final String GENERIC_PATH = "/api/networks/{networkId}/entries/{type}";
    /** Names, on each kind's operation, the key of its group in the catalogue; the web forms group kinds by it. */
    static final String GROUP_EXTENSION = "x-entry-group";

    /**
     * Fields whose rules accept fewer values than their type has, by entry kind (ExchangeRules): a contribution is
     * recorded pledged or delivered, and a status change delivers or withdraws it. The description offers only those,
     * so a form built from it offers no value that is always refused.
     */
    private static final Map<Class<?>, Map<String, List<String>>> ACCEPTED = Map.of(
            ContributionRecorded.class, Map.of("status", List.of("pledged", "delivered")),
            ContributionStatusChanged.class, Map.of("status", List.of("delivered", "withdrawn")));

    private final JsonNode examples;
    private final ObjectMapper json;

    public EntryTypeDocumentation(ObjectMapper json) {
        this.json = json;
        this.examples = ApiExamples.load(json);
    }

    /** Before the customizers that add what every operation shares (error answers), so the new paths get them too. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void customise(OpenAPI openApi) {
        PathItem generic = openApi.getPaths() == null ? null : openApi.getPaths().get(GENERIC_PATH);
        if (generic == null || generic.getPost() == null) {
            return;
        }
        Operation template = generic.getPost();
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        ModelConverters converters = ModelConverters.getInstance(openApi.getSpecVersion() == SpecVersion.V31);
        Paths expanded = new Paths();
        Set<String> tags = new LinkedHashSet<>();
        openApi.getPaths().forEach((path, item) -> {
            expanded.addPathItem(path, item);
            if (path.equals(GENERIC_PATH)) {
                for (EntryType type : documentedTypes()) {
                    String group = tag(type.group());
                    tags.add(group);
                    expanded.addPathItem(GENERIC_PATH.replace("{type}", type.wireName()), new PathItem().post(
                            operation(type, template, group, openApi.getComponents(), converters)));
                }
            }
        });
        openApi.setPaths(expanded);
        describeGeneric(template);
        openApi.getComponents().addSchemas(NetworkEvent.class.getSimpleName(), new ObjectSchema()
                .description("An entry of the same kind as the one it corrects, with its fields, and `entryType` "
                                     + "naming its kind")
                .addProperty("entryType", new StringSchema()._enum(EntryTypes.correctable().stream()
                        .map(EntryType::wireName).toList()))
                .addRequiredItem("entryType"));
        tags.forEach(tag -> openApi.addTagsItem(new Tag().name(tag)));
        addOperationExamples(openApi);
    }

    /** Every kind a coordinator can log; a network is founded through its own endpoint. */
    static List<EntryType> documentedTypes() {
        Map<String, EntryType> byName = new LinkedHashMap<>();
        EntryTypes.all().stream().filter(t -> t.eventClass() != NetworkFounded.class)
                  .forEach(t -> byName.putIfAbsent(t.wireName(), t));
        return List.copyOf(byName.values());
    }

    private static List<String> wireNames() {
        return documentedTypes().stream().map(EntryType::wireName).toList();
    }

    /** The generic endpoint: its type is one of the wire names, its body one of the entry schemas. */
    private static void describeGeneric(Operation generic) {
        generic.setSummary("Log an entry of any kind");
        generic.setDescription("Logs one entry of the event catalogue; each kind is documented as a path of its own "
                + "(`.../entries/agreement-made`, ...). The body holds the entry's fields; the network comes from the "
                + "path.\n\n" + (generic.getDescription() == null ? "" : generic.getDescription()));
        generic.getParameters().stream().filter(p -> "type".equals(p.getName()))
               .forEach(p -> p.setSchema(new StringSchema()._enum(wireNames())));
        Schema<?> anyEntry = new Schema<>();
        documentedTypes().forEach(type -> anyEntry.addAnyOfItem(
                new Schema<>().$ref("#/components/schemas/" + schemaName(type))));
        MediaType body = generic.getRequestBody() == null || generic.getRequestBody().getContent() == null ? null
                : generic.getRequestBody().getContent().get("application/json");
        if (body != null) {
            body.setSchema(anyEntry);
        }
    }

    private static String schemaName(EntryType type) {
        return type.eventClass().getSimpleName() + "Entry";
    }

    private Operation operation(EntryType type, Operation template, String group, Components components,
                                ModelConverters converters) {
        String schemaName = schemaName(type);
        components.addSchemas(schemaName, requestSchema(type, components, converters));
        MediaType body = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schemaName));
        JsonNode example = examples.path("entries").get(type.wireName());
        if (example != null) {
            body.setExample(json.convertValue(example, Object.class));
        }
        String created = type.createdIdField() == null ? ""
                : " Creates `" + type.createdIdField() + "`, derived from the command id when left out.";
        return new Operation()
                .operationId("record-" + type.wireName())
                .summary("Log: " + words(type.eventClass().getSimpleName()))
                .description("Logs a `" + type.wireName() + "` entry." + created + " Sending the same `commandId` again "
                        + "logs nothing new and answers with the first result."
                        + (template.getDescription() == null ? "" : "\n\n" + template.getDescription()
                                .replaceFirst("(?s)^.*(\\*\\*Who:\\*\\*)", "$1")))
                .tags(List.of(group))
                .extensions(new LinkedHashMap<>(Map.of(GROUP_EXTENSION, type.group().key())))
                .parameters(template.getParameters().stream().filter(p -> !"type".equals(p.getName())).toList())
                .requestBody(new RequestBody().required(true).content(new Content().addMediaType("application/json", body)))
                .responses(template.getResponses())
                .security(template.getSecurity());
    }

    /** The event's schema without networkId (from the path), with an optional commandId; the created id is optional. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> requestSchema(EntryType type, Components components, ModelConverters converters) {
        ResolvedSchema resolved = converters.resolveAsResolvedSchema(new AnnotatedType(type.eventClass()));
        resolved.referencedSchemas.forEach((name, schema) -> {
            if (!name.equals(type.eventClass().getSimpleName())) {
                components.addSchemas(name, schema);
            }
        });
        Schema<?> event = resolved.schema;
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("commandId", new UUIDSchema().description("Makes a resend safe; generated when left out"));
        Map<String, List<String>> accepted = ACCEPTED.getOrDefault(type.eventClass(), Map.of());
        event.getProperties().forEach((name, schema) -> {
            if (accepted.containsKey(name)) {
                properties.put(name, new StringSchema()._enum(accepted.get(name)).description(schema.getDescription()));
            } else if (!name.equals("networkId")) {
                properties.put(name, withSign(type.eventClass(), name, schema));
            }
        });
        List<String> required = new ArrayList<>(event.getRequired() == null ? List.of() : event.getRequired());
        required.remove("networkId");
        required.remove(type.createdIdField());
        ObjectSchema request = new ObjectSchema();
        request.setProperties(properties);
        request.setRequired(required.isEmpty() ? null : required);
        request.setDescription("The fields of a " + type.wireName() + " entry");
        return request;
    }

    /**
     * A number that must be more than zero ({@code @Positive}) or not below it ({@code @PositiveOrZero}) says so as its
     * least value, which the schema generator leaves out: a client (and the web forms, which read their bounds here)
     * learnt of a negative estimated value only from the refusal.
     */
    private static Schema<?> withSign(Class<?> eventClass, String name, Schema<?> schema) {
        java.lang.reflect.Field field;
        try {
            field = eventClass.getDeclaredField(name);
        } catch (NoSuchFieldException none) {
            return schema;
        }
        if (schema.getMinimum() == null && field.isAnnotationPresent(jakarta.validation.constraints.Positive.class)) {
            // as OpenAPI 3.1 writes it, a number (3.0 had a flag beside the minimum)
            schema.setMinimum(java.math.BigDecimal.ZERO);
            schema.setExclusiveMinimumValue(java.math.BigDecimal.ZERO);
        } else if (schema.getMinimum() == null
                && field.isAnnotationPresent(jakarta.validation.constraints.PositiveOrZero.class)) {
            schema.setMinimum(java.math.BigDecimal.ZERO);
        }
        return schema;
    }

    /** Examples for the request bodies of the other commands, by method and path. */
    private void addOperationExamples(OpenAPI openApi) {
        examples.path("operations").fields().forEachRemaining(example -> {
            String[] key = example.getKey().split(" ", 2);
            PathItem item = openApi.getPaths().get(key[1]);
            Operation operation = item == null ? null : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(key[0]));
            if (operation == null || operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
                return;
            }
            MediaType body = operation.getRequestBody().getContent().get("application/json");
            if (body != null) {
                body.setExample(json.convertValue(example.getValue(), Object.class));
            }
        });
    }

    /** The tag of a group's paths: "Entries: give and take". */
    static String tag(EntryGroup group) {
        return "Entries: " + group.title().toLowerCase(Locale.ROOT);
    }

    /** AgreementOutcomeRecorded → "agreement outcome recorded". */
    private static String words(String simpleName) {
        return simpleName.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }
}
