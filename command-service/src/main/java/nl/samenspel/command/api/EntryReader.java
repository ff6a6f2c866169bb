package nl.samenspel.command.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.samenspel.kernel.correction.EntryTypes;
import nl.samenspel.kernel.correction.EntryTypes.EntryType;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.RecordEntry;
import nl.samenspel.kernel.validation.FieldError;
import nl.samenspel.kernel.validation.RuleViolation;
import nl.samenspel.support.ApiProblemHandler;
import nl.samenspel.support.StrictJson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads one entry of the catalogue from the JSON fields a coordinator sends, the same way for the entry endpoint and
 * for every line of an import: the network comes from the path, never from the fields; the command id is optional;
 * the id of what the entry creates is derived from the command id when left out.
 */
@Component
public class EntryReader {
    /** At most this many unreadable fields are said of one entry. */
    private static final int MAX_ERRORS = 20;

    private final ObjectMapper json;

    public EntryReader(ObjectMapper json) {
        this.json = StrictJson.of(json);
    }

    /** The kind of entry with this wire name, or a refusal that lists the kinds there are. */
    public static EntryType type(String wireName) {
        return EntryTypes.byWireName(wireName).orElseThrow(() -> RuleViolation.notFound("type",
                "no such kind of entry; one of: " + EntryTypes.all().stream().map(EntryType::wireName).distinct()
                                                              .collect(Collectors.joining(", "))));
    }

    /**
     * The entry as a command for {@code networkId}. {@code body} is changed in place. Without a {@code commandId}
     * in the body, {@code defaultCommandId} supplies one.
     */
    public RecordEntry read(UUID networkId, EntryType type, JsonNode body, Supplier<UUID> defaultCommandId) {
        if (!(body instanceof ObjectNode fields)) {
            throw RuleViolation.invalid("body", "must be a JSON object");
        }
        UUID supplied = readCommandId(fields);
        UUID commandId = supplied != null ? supplied : defaultCommandId.get();
        fields.remove("commandId");
        sameNetwork(fields, "networkId", networkId);
        fields.put("networkId", networkId.toString());
        if (type.createdIdField() != null && fields.path(type.createdIdField()).isMissingNode()) {
            fields.put(type.createdIdField(), CommandDispatcher.derivedId(type.wireName(), commandId).toString());
        }
        if (fields.get("replacement") instanceof ObjectNode replacement) {
            sameNetwork(replacement, "replacement.networkId", networkId);
            replacement.put("networkId", networkId.toString());
        }
        return new RecordEntry(networkId, commandId, read(fields, type.eventClass()));
    }

    /**
     * The entry of {@code fields}, or a refusal naming every field that cannot be read: the reader stops at the first,
     * so a field it refused is left out and the rest read again (two dates that are no dates were said one at a time).
     */
    private NetworkEvent read(ObjectNode fields, Class<? extends NetworkEvent> type) {
        List<FieldError> errors = new ArrayList<>();
        ObjectNode rest = fields;
        while (true) {
            try {
                NetworkEvent entry = json.treeToValue(rest, type);
                if (errors.isEmpty()) {
                    return entry;
                }
                break;
            } catch (JsonProcessingException | IllegalArgumentException e) {
                Throwable cause = e instanceof IllegalArgumentException && e.getCause() != null ? e.getCause() : e;
                FieldError error = ApiProblemHandler.unreadable(cause);
                errors.add(new FieldError(error.field(), error.message()));
                String column = column(error.field());
                if (!rest.has(column) || errors.size() >= MAX_ERRORS) {
                    break;
                }
                rest = rest == fields ? fields.deepCopy() : rest;
                rest.remove(column);
            }
        }
        throw new RuleViolation(RuleViolation.Kind.INVALID, errors);
    }

    /**
     * The top-level field a field error is about: {@code partyIds} for {@code partyIds[1]}, {@code attendance} for
     * {@code attendance[0].level}, {@code replacement} for {@code replacement.title}.
     */
    static String column(String field) {
        return field.replaceAll("[\\[.].*$", "");
    }

    /**
     * Refuses a {@code networkId} in the fields that names another network than the address: the network comes from
     * the address, and an entry meant for the network in its body must not be logged quietly in another one. The
     * address's own id may be repeated.
     */
    private static void sameNetwork(ObjectNode fields, String field, UUID networkId) {
        JsonNode value = fields.get("networkId");
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isTextual() || !networkId.toString().equalsIgnoreCase(value.asText())) {
            throw RuleViolation.invalid(field, "names another network than the address; leave it out");
        }
    }

    private static UUID readCommandId(ObjectNode fields) {
        JsonNode value = fields.get("commandId");
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return UUID.fromString(value.asText());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid("commandId", "is not a valid UUID");
        }
    }
}
