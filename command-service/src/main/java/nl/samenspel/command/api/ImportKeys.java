package nl.samenspel.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.samenspel.kernel.correction.EntryTypes;
import nl.samenspel.kernel.validation.Checks;
import nl.samenspel.kernel.validation.FieldError;
import nl.samenspel.kernel.validation.ImportRejected;
import nl.samenspel.kernel.validation.Text;
import nl.samenspel.support.people.PeopleDirectory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

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

    /**
     * Puts ids in place of the keys and the names of people in {@code fields}; a name several people have goes into
     * {@code checks}.
     */
    void resolve(ObjectNode fields, Checks checks) {
        List<String> names = new ArrayList<>();
        fields.fieldNames().forEachRemaining(names::add);
        for (String field : names) {
            JsonNode value = fields.get(field);
            if (!value.isTextual() || value.asText().isBlank()
                    || PartnerNames.ID.matcher(value.asText().strip()).matches()) {
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
    }

    /**
     * {@code rejected} with each line that names what a refused line above it creates told so: it was told that no
     * such agreement (evaluation, conflict, ...) exists in the network, which sent a coordinator looking for a
     * mistake in a row that had none. What a line creates is read from its fields, where the reader of a readable
     * line also put the id it derived, and the file's reader those cells of a line refused cell by cell it could read.
     */
    static ImportRejected afterRefusedLines(ImportRejected rejected, List<ImportFile.Line> lines) {
        Map<String, Integer> createdBy = new HashMap<>();
        Map<Integer, ObjectNode> fields = new HashMap<>();
        for (ImportFile.Line line : lines) {
            fields.put(line.number(), line.fields());
            String field = EntryTypes.byWireName(line.type()).map(EntryTypes.EntryType::createdIdField).orElse(null);
            if (field != null && line.fields() != null && line.fields().path(field).isTextual()) {
                createdBy.putIfAbsent(line.fields().path(field).asText().strip(), line.number());
            }
        }
        java.util.Set<Integer> refused = new java.util.HashSet<>();
        rejected.lines().forEach(line -> refused.add(line.line()));
        List<ImportRejected.RejectedLine> told = new ArrayList<>();
        boolean changed = false;
        for (ImportRejected.RejectedLine line : rejected.lines()) {
            ObjectNode named = fields.get(line.line());
            List<FieldError> errors = new ArrayList<>();
            for (FieldError error : line.errors()) {
                Integer creator = KEYED.containsKey(error.field()) && named != null
                        ? createdBy.get(named.path(error.field()).asText().strip()) : null;
                if (creator != null && creator < line.line() && refused.contains(creator)
                        && error.message().startsWith("no ") && error.message().contains(" with this id ")) {
                    errors.add(new FieldError(error.field(), "names what line " + creator + " creates, and line "
                            + creator + " is refused; put that line right first"));
                    changed = true;
                } else {
                    errors.add(error);
                }
            }
            told.add(new ImportRejected.RejectedLine(line.line(), line.type(), line.kind(), errors));
        }
        return changed ? new ImportRejected(told) : rejected;
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
