package nl.samenspel.command.network;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import nl.samenspel.kernel.Limits;
import nl.samenspel.kernel.correction.EntryCorrected;
import nl.samenspel.kernel.correction.EntryRetracted;
import nl.samenspel.kernel.correction.EntryTypes;
import nl.samenspel.kernel.network.CommandOutcome;
import nl.samenspel.kernel.network.FoundNetwork;
import nl.samenspel.kernel.network.ImportEntries;
import nl.samenspel.kernel.network.ImportOutcome;
import nl.samenspel.kernel.network.NetworkCommand;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.NetworkFounded;
import nl.samenspel.kernel.network.RecordEntry;
import nl.samenspel.kernel.validation.Checks;
import nl.samenspel.kernel.validation.ImportRejected;
import nl.samenspel.kernel.validation.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A network (samenwerkingsverband): the consistency boundary for everything logged about one collaboration. Command
 * handlers check the rules of the event catalogue ({@link EntryRules}) and apply events; the event sourcing handler is
 * the only place its state changes. It keeps the network's effective history (corrections applied, retractions left
 * out) to decide on new entries, and remembers which command ids it handled, so resending a command logs nothing new.
 */
@Aggregate(snapshotTriggerDefinition = "networkSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Network {
    static final String COMMAND_ID = "commandId";
    static final String COMMAND_FINGERPRINT = "commandFingerprint";
    /** On entries logged by an import: the import's command id, so an auditor can tell which file they came from. */
    static final String IMPORT_ID = "importId";

    @AggregateIdentifier
    private UUID networkId;
    /** The effective entries by event id, in the order they were logged. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
    private LinkedHashMap<String, NetworkEvent> entries = new LinkedHashMap<>();
    /** Every logged event id (corrections and retracted entries included) with its kind. */
    private Map<String, String> kinds = new HashMap<>();
    private Set<String> retracted = new HashSet<>();
    private Map<UUID, HandledCommand> handledCommands = new HashMap<>();
    @JsonIgnore
    private transient NetworkState state;
    @JsonIgnore
    private transient String lastAppliedEventId;

    protected Network() {
        // for Axon and snapshots
    }

    /** A trial copy that can take in entries without touching {@code original}; entries themselves are immutable. */
    private Network(Network original) {
        networkId = original.networkId;
        entries = new LinkedHashMap<>(original.entries);
        kinds = new HashMap<>(original.kinds);
        retracted = new HashSet<>(original.retracted);
        handledCommands = new HashMap<>(original.handledCommands);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(FoundNetwork command, Clock clock) {
        Optional<CommandOutcome> resend = resendOf(command);
        if (resend.isPresent()) {
            return resend.get();
        }
        if (networkId != null) {
            throw RuleViolation.conflict("networkId", "a network with this id already exists");
        }
        Checks.start()
              .required("networkId", command.networkId())
              .name("name", command.name(), Limits.NAME)
              .optionalName("sector", command.sector(), Limits.NAME)
              .optionalName("region", command.region(), Limits.NAME)
              .required("collaborationForm", command.collaborationForm())
              .optionalText("societalTask", command.societalTask(), Limits.SOCIETAL_TASK)
              .businessDate("foundedOn", command.foundedOn(), null, LocalDate.now(clock))
              .optionalText("note", command.note(), Limits.NOTE)
              .orThrow();
        apply(new NetworkFounded(command.networkId(), command.name().strip(), strip(command.sector()),
                                 strip(command.region()), command.collaborationForm(), strip(command.societalTask()),
                                 command.foundedOn(), command.source(), command.note()), origin(command));
        return outcome(command, command.networkId());
    }

    @CommandHandler
    public CommandOutcome handle(RecordEntry command, Clock clock) {
        Optional<CommandOutcome> resend = resendOf(command);
        if (resend.isPresent()) {
            return resend.get();
        }
        NetworkEvent entry = command.entry();
        decide(entry, LocalDate.now(clock));
        apply(entry, origin(command));
        return outcome(command, createdId(entry));
    }

    /**
     * Logs the lines of an import file together, or none of them. Every line is decided, in order, by a trial copy
     * of this network that has taken in the lines accepted before it, exactly as it would be decided on its own; only
     * when no line is refused are the entries applied, in one unit of work and so in one commit.
     */
    @CommandHandler
    public ImportOutcome handle(ImportEntries command, Clock clock) {
        if (command.commandId() == null) {
            throw RuleViolation.invalid("commandId", "is required");
        }
        LocalDate today = LocalDate.now(clock);
        Network trial = new Network(this);
        List<ImportRejected.RejectedLine> rejected = new ArrayList<>();
        for (ImportEntries.Line line : command.lines()) {
            RecordEntry single = line.asRecordEntry(networkId);
            try {
                if (trial.resendOf(single).isEmpty()) {
                    trial.decide(line.entry(), today);
                    trial.on(line.entry(), "line-" + line.number(), line.commandId().toString(),
                             HandledCommand.fingerprint(single));
                }
            } catch (RuleViolation refusal) {
                String type = line.entry() == null ? null : EntryTypes.of(line.entry().getClass()).wireName();
                rejected.add(new ImportRejected.RejectedLine(line.number(), type, refusal.kind(), refusal.errors()));
            }
        }
        if (!rejected.isEmpty()) {
            throw new ImportRejected(rejected);
        }
        List<CommandOutcome> outcomes = new ArrayList<>();
        for (ImportEntries.Line line : command.lines()) {
            RecordEntry single = line.asRecordEntry(networkId);
            Optional<CommandOutcome> resend = resendOf(single);
            if (resend.isPresent()) {
                outcomes.add(resend.get());
            } else if (command.checkOnly()) {
                outcomes.add(new CommandOutcome(line.commandId(), networkId, createdId(line.entry()), null, false));
            } else {
                apply(line.entry(), origin(single).and(IMPORT_ID, command.commandId().toString()));
                outcomes.add(outcome(single, createdId(line.entry())));
            }
        }
        return new ImportOutcome(command.commandId(), networkId, outcomes, command.checkOnly());
    }

    /** Whether {@code entry} may join this network's history now: the rules of the catalogue, or a refusal. */
    private void decide(NetworkEvent entry, LocalDate today) {
        if (entry == null) {
            throw RuleViolation.invalid("body", "is missing");
        }
        if (!networkId.equals(entry.networkId())) {
            throw RuleViolation.invalid("networkId", "the entry names another network");
        }
        if (entry instanceof EntryCorrected correction) {
            checkCorrection(correction, today);
        } else if (entry instanceof EntryRetracted retraction) {
            EntryRules.checkShape(retraction, "");
            Checks.start().businessDate("occurredOn", retraction.occurredOn(), state().foundedOn, today).orThrow();
            correctable(retraction.targetEventId());
            if (entries.get(retraction.targetEventId()) instanceof NetworkFounded) {
                // Without its founding the network would have no founding date to check entries against.
                throw RuleViolation.invalid("targetEventId", "the founding entry cannot be retracted; correct it instead");
            }
        } else if (entry instanceof NetworkFounded) {
            throw RuleViolation.conflict("type", "a network is founded once; correct its founding entry instead");
        } else {
            EntryRules.check(state(), entry, today, "");
        }
    }

    /**
     * A correction replaces an entry of this network by one of the same kind that keeps the identity of what it
     * created, and must itself pass the rules against the history without the entry it replaces.
     */
    private void checkCorrection(EntryCorrected correction, LocalDate today) {
        EntryRules.checkShape(correction, "");
        Checks.start().businessDate("occurredOn", correction.occurredOn(), state().foundedOn, today).orThrow();
        String target = correction.targetEventId();
        correctable(target);
        NetworkEvent original = entries.get(target);
        NetworkEvent replacement = correction.replacement();
        if (original.getClass() != replacement.getClass()) {
            throw RuleViolation.invalid("replacement.entryType",
                                        "must be " + EntryTypes.of(original.getClass()).wireName() + ", like the entry it corrects");
        }
        if (!networkId.equals(replacement.networkId())) {
            throw RuleViolation.invalid("replacement.networkId", "must be this network");
        }
        String idField = EntryTypes.of(original.getClass()).createdIdField();
        if (idField != null && !Objects.equals(component(original, idField), component(replacement, idField))) {
            throw RuleViolation.invalid("replacement." + idField, "a correction cannot change the id of what was created");
        }
        // Judged against what was logged before the entry it replaces, as the original was: a score can still be
        // corrected after its evaluation closed, a ladder step after its conflict was resolved.
        List<NetworkEvent> before = new ArrayList<>();
        for (Map.Entry<String, NetworkEvent> entry : entries.entrySet()) {
            if (entry.getKey().equals(target)) {
                break;
            }
            before.add(entry.getValue());
        }
        EntryRules.check(NetworkState.fold(before), replacement, today, "replacement.");
    }

    private void correctable(String target) {
        String kind = kinds.get(target);
        if (kind == null) {
            throw RuleViolation.notFound("targetEventId", "no entry with this id in this network");
        }
        if (kind.equals("entry-corrected") || kind.equals("entry-retracted")) {
            throw RuleViolation.invalid("targetEventId", "corrections and retractions cannot themselves be corrected");
        }
        if (retracted.contains(target)) {
            throw RuleViolation.conflict("targetEventId", "this entry was retracted");
        }
    }

    @EventSourcingHandler
    void on(NetworkEvent event, @MessageIdentifier String eventId, @MetaDataValue(COMMAND_ID) String commandId,
            @MetaDataValue(COMMAND_FINGERPRINT) String fingerprint) {
        kinds.put(eventId, EntryTypes.of(event.getClass()).wireName());
        if (event instanceof NetworkFounded founded) {
            networkId = founded.networkId();
        }
        if (event instanceof EntryCorrected correction) {
            entries.replace(correction.targetEventId(), correction.replacement());
            state = null;
        } else if (event instanceof EntryRetracted retraction) {
            entries.remove(retraction.targetEventId());
            retracted.add(retraction.targetEventId());
            state = null;
        } else {
            entries.put(eventId, event);
            if (state != null) {
                state.apply(event);
            }
        }
        lastAppliedEventId = eventId;
        if (commandId != null) {
            UUID id = UUID.fromString(commandId);
            handledCommands.put(id, new HandledCommand(fingerprint,
                    new CommandOutcome(id, networkId, createdId(event), eventId, false)));
        }
    }

    private NetworkState state() {
        if (state == null) {
            state = NetworkState.fold(entries.values());
        }
        return state;
    }

    /** A resend of a handled command answers as the first time; a different command under the same id is refused. */
    private Optional<CommandOutcome> resendOf(NetworkCommand command) {
        if (command.commandId() == null) {
            throw RuleViolation.invalid("commandId", "is required");
        }
        HandledCommand handled = handledCommands.get(command.commandId());
        if (handled == null) {
            return Optional.empty();
        }
        if (!handled.fingerprint().equals(HandledCommand.fingerprint(command))) {
            throw RuleViolation.conflict("commandId", "was already used for a different command");
        }
        return Optional.of(handled.outcome().asReplay());
    }

    private CommandOutcome outcome(NetworkCommand command, UUID subjectId) {
        return new CommandOutcome(command.commandId(), networkId, subjectId, lastAppliedEventId, false);
    }

    private static MetaData origin(NetworkCommand command) {
        return MetaData.with(COMMAND_ID, command.commandId().toString())
                       .and(COMMAND_FINGERPRINT, HandledCommand.fingerprint(command));
    }

    /** The id of what the entry created (a partner, an agreement, ...), if the catalogue says it creates one. */
    private static UUID createdId(NetworkEvent event) {
        String field = EntryTypes.of(event.getClass()).createdIdField();
        return field == null ? null : (UUID) component(event, field);
    }

    static Object component(Object record, String name) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    return component.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no component " + name);
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
