package nl.samenspel.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import nl.samenspel.kernel.correction.EntryTypes;
import nl.samenspel.kernel.history.Standing;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.PartnerJoined;
import nl.samenspel.kernel.validation.Checks;
import nl.samenspel.kernel.validation.Text;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Partners named by their name in an import file, put in place of their ids before a line is read: a coordinator's
 * spreadsheet names partners as people do, and copying an id into every row of a long history is where such a sheet
 * goes wrong. A name is compared as partner names are ({@link Text#nameKey}: case, spacing and Unicode form aside) with
 * the partners of the network and those that lines above it in the file let join. Of several partners ever called so,
 * the one that took part on the line's date is meant; where that leaves more than one, or none is called so, the line
 * is refused beside the field, asking for the partner's id. An id is taken as it is; the rules then check it as ever.
 *
 * <p>The fields that name partners: those whose name ends in {@code partnerId} or {@code partnerIds} (any case), the
 * parties of an agreement or a conflict ({@code partyIds}), a temperature's {@code pair}, a sub-coalition's
 * {@code memberIds}, and the {@code partnerId} of each of a meeting's {@code attendance}; never the id a line creates
 * (a joining partner's own {@code partnerId}). A correction's {@code replacement} names partners by id.
 */
final class PartnerNames {
    private static final Pattern PARTNER_FIELD = Pattern.compile("(?i).*partnerids?");
    private static final Set<String> PARTNER_LISTS = Set.of("partyIds", "pair", "memberIds");
    /** An id as the API writes it; any other text in an id field is a name, or a key of the sheet's own. */
    static final Pattern ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** One partner ever called by a name: its id and the days it took part (the last one open while it does). */
    private record Called(UUID partnerId, LocalDate joinedOn, LocalDate withdrawnOn) {
        boolean activeOn(LocalDate date) {
            return Standing.activeOn(joinedOn, withdrawnOn, date);
        }
    }

    /** The network's partners, read once the file names one by name. */
    private final Supplier<Standing> network;
    private Map<String, List<Called>> byName;
    /** The partners lines of the file let join, by name. */
    private final Map<String, List<Called>> fromFile = new HashMap<>();

    PartnerNames(Supplier<Standing> network) {
        this.network = network;
    }

    /**
     * Puts the id of each partner named by name in {@code fields} (a line of {@code type}) in place of its name; a
     * name that names no partner, or several, goes into {@code checks} with the field it stands in.
     */
    void resolve(String type, ObjectNode fields, Checks checks) {
        String created = EntryTypes.byWireName(type).map(EntryTypes.EntryType::createdIdField).orElse(null);
        LocalDate date = date(fields.path("occurredOn"));
        List<String> names = new ArrayList<>();
        fields.fieldNames().forEachRemaining(names::add);
        for (String field : names) {
            JsonNode value = fields.get(field);
            if (field.equals(created)) {
                continue;
            }
            if (PARTNER_FIELD.matcher(field).matches() || PARTNER_LISTS.contains(field)) {
                fields.set(field, resolved(field, value, date, checks));
            } else if (field.equals("attendance") && value instanceof ArrayNode attendance) {
                for (int i = 0; i < attendance.size(); i++) {
                    if (attendance.get(i) instanceof ObjectNode present && present.has("partnerId")) {
                        present.set("partnerId", resolved("attendance[" + i + "].partnerId", present.get("partnerId"),
                                                          date, checks));
                    }
                }
            }
        }
    }

    /** A partner that a line of the file lets join: later lines may name it. */
    void joined(NetworkEvent entry) {
        if (entry instanceof PartnerJoined joined) {
            fromFile.computeIfAbsent(Text.nameKey(joined.name()), k -> new ArrayList<>())
                    .add(new Called(joined.partnerId(), joined.occurredOn(), null));
        }
    }

    private JsonNode resolved(String field, JsonNode value, LocalDate date, Checks checks) {
        if (value instanceof ArrayNode list) {
            for (int i = 0; i < list.size(); i++) {
                list.set(i, resolved(field + "[" + i + "]", list.get(i), date, checks));
            }
            return list;
        }
        if (!value.isTextual() || value.asText().isBlank() || ID.matcher(value.asText().strip()).matches()) {
            return value;
        }
        String name = value.asText().strip();
        List<Called> called = new ArrayList<>(known().getOrDefault(Text.nameKey(name), List.of()));
        // a partner the file lets join that the log holds already (the same file sent again) is one partner, not two
        fromFile.getOrDefault(Text.nameKey(name), List.of()).stream()
                .filter(c -> called.stream().noneMatch(k -> k.partnerId().equals(c.partnerId())))
                .forEach(called::add);
        List<Called> meant = called.size() > 1 && date != null
                ? called.stream().filter(c -> c.activeOn(date)).toList() : called;
        if (meant.size() == 1) {
            return TextNode.valueOf(meant.get(0).partnerId().toString());
        }
        checks.add(field, meant.isEmpty() && called.isEmpty()
                ? "no partner is called \"" + name + "\" in this network or in the lines above; write the name as the "
                  + "partner list shows it, or the partner's id"
                : "more than one partner is called \"" + name + "\"; give the partner's id");
        return value;
    }

    private Map<String, List<Called>> known() {
        if (byName == null) {
            byName = new HashMap<>();
            for (Standing.Membership partner : network.get().partners()) {
                byName.computeIfAbsent(Text.nameKey(partner.joined().name()), k -> new ArrayList<>())
                      .add(new Called(partner.partnerId(), partner.joinedOn(), partner.withdrawnOn()));
            }
        }
        return byName;
    }

    private static LocalDate date(JsonNode occurredOn) {
        try {
            return occurredOn.isTextual() ? LocalDate.parse(occurredOn.asText().strip()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
