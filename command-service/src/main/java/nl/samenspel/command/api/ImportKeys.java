package nl.samenspel.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.samenspel.kernel.validation.Checks;
import nl.samenspel.kernel.validation.Text;
import nl.samenspel.support.people.PeopleDirectory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What a spreadsheet names in its own terms, put in the log's before a line is read, as {@link PartnerNames} does for
 * partners:
 * <ul>
 *     <li>what a line creates and later lines refer to (an agreement and its outcome, an evaluation and its
 *     responses) by a key of the sheet's own ({@code AFS-01}) rather than an id no spreadsheet makes: a key stands for
 *     the same id in every file imported into the network, derived from the network, the kind of thing and the key;</li>
 *     <li>people by their name as the network's people directory holds it (case, spacing and Unicode form aside),
 *     logged by their reference: the log names people only by reference, so that their names can be corrected and
 *     erased. A name several people of the directory have is refused, asking for the reference; a name it does not
 *     hold is left for the rules, which refuse a personRef that reads as a name.</li>
 * </ul>
 * An id is taken as it is.
 */
final class ImportKeys {
    private static final Pattern ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** The fields that name what a line of another kind created, each with the field that creates it. */
    private static final Map<String, String> KEYED = Map.of(
            "agreementId", "agreementId", "contributionId", "contributionId", "evaluationId", "evaluationId",
            "actionId", "actionId", "conflictId", "conflictId", "coalitionId", "coalitionId",
            "subCoalitionId", "coalitionId", "meetingId", "meetingId");
    private static final String PERSON = "personRef";

    private final UUID networkId;
    private final Supplier<List<PeopleDirectory.Person>> people;
    private Map<String, List<UUID>> byName;

    ImportKeys(UUID networkId, Supplier<List<PeopleDirectory.Person>> people) {
        this.networkId = networkId;
        this.people = people;
    }

    /** Puts ids in place of the keys and the names of people in {@code fields}; refuses a name several people have. */
    void resolve(ObjectNode fields) {
        Checks checks = Checks.start();
        List<String> names = new ArrayList<>();
        fields.fieldNames().forEachRemaining(names::add);
        for (String field : names) {
            JsonNode value = fields.get(field);
            if (!value.isTextual() || value.asText().isBlank() || ID.matcher(value.asText().strip()).matches()) {
                continue;
            }
            String written = value.asText().strip();
            if (KEYED.containsKey(field)) {
                fields.put(field, UUID.nameUUIDFromBytes((networkId + ":key:" + KEYED.get(field) + ":" + written)
                                                                 .getBytes(StandardCharsets.UTF_8)).toString());
            } else if (field.equals(PERSON)) {
                List<UUID> called = byName().getOrDefault(Text.nameKey(written), List.of());
                if (called.size() == 1) {
                    fields.put(field, called.get(0).toString());
                } else if (called.size() > 1) {
                    checks.add(field, "more than one person is called \"" + written + "\" in the people directory; "
                            + "give the person's reference");
                }
            }
        }
        checks.orThrow();
    }

    private Map<String, List<UUID>> byName() {
        if (byName == null) {
            byName = new HashMap<>();
            for (PeopleDirectory.Person person : people.get()) {
                if (!person.erased() && person.name() != null) {
                    byName.computeIfAbsent(Text.nameKey(person.name()), k -> new ArrayList<>()).add(person.personRef());
                }
            }
        }
        return byName;
    }
}
