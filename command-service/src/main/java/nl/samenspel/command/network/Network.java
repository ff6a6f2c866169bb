package nl.samenspel.command.network;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import nl.samenspel.kernel.Limits;
import nl.samenspel.kernel.ambition.AmbitionStated;
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
import nl.samenspel.kernel.network.PartnerWithdrew;
import nl.samenspel.kernel.network.RecordEntry;
import nl.samenspel.kernel.people.NetworkRoleEnded;
import nl.samenspel.kernel.people.RepresentativeDeparted;
import nl.samenspel.kernel.validation.Checks;
import nl.samenspel.kernel.validation.ImportRejected;
import nl.samenspel.kernel.validation.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A network (samenwerkingsverband): the consistency boundary for everything logged about one collaboration. Command
 * handlers check the rules of the event catalogue ({@link EntryRules}) and apply events; the event sourcing handler is
 * the only place its state changes.
 *
 * <p>It keeps only its decision state ({@link NetworkState}: what the rules need), so loading it, caching it and
 * snapshotting it cost the same for a network with ten entries as for one with ten thousand. What the rules need
 * rarely is read back from the event store when needed: the history before the entry a correction replaces, and,
 * after a correction or retraction, the whole effective history to fold the decision state again. Which command ids
 * were handled is looked up in the event store by exact key ({@link CommandLog}), in every network at once.
 */
@Aggregate(snapshotTriggerDefinition = "networkSnapshotTrigger", cache = "networkCache")
// Snapshots of revision 1 held every entry and command id, of revision 2 the current representatives and role
// holders as sets; Axon skips snapshots of another revision than this.
@Revision("3")
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
    /** The sequence number of the last event taken in: how far into the stored history this state reaches. */
    private long version = -1;
    /** The decision state, folded event by event; no longer current once a correction or retraction came in. */
    private NetworkState state = new NetworkState();
    /** Whether a correction or retraction came in since {@link #state} was folded over the effective history. */
    private boolean stale;
    /** While stale: the decision state folded again over the effective history read back from the store. */
    @JsonIgnore
    private transient NetworkState refolded;
    /** In a trial copy: the import lines taken in so far, which are not in the store. */
    @JsonIgnore
    private transient List<EffectiveHistory.Logged> pending;
    /** Where the history is read back from, handed in by the command handler that needs it. */
    @JsonIgnore
    private transient NetworkHistory history;
    @JsonIgnore
    private transient String lastAppliedEventId;

    protected Network() {
        // for Axon and snapshots
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(FoundNetwork command, Clock clock, CommandLog commands) {
        requireCommandId(command);
        NetworkFounded founded = founded(command);
        Optional<CommandOutcome> resend = replayOf(command.commandId(), command.networkId(), founded,
                                                   handled(commands, List.of(command.commandId())));
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
        apply(founded, origin(command, founded));
        return outcome(command, command.networkId());
    }

    @CommandHandler
    public CommandOutcome handle(RecordEntry command, Clock clock, CommandLog commands, NetworkHistory history) {
        this.history = history;
        requireCommandId(command);
        NetworkEvent entry = command.entry();
        if (entry != null) {
            Optional<CommandOutcome> resend = replayOf(command.commandId(), networkId, entry,
                                                       handled(commands, List.of(command.commandId())));
            if (resend.isPresent()) {
                return resend.get();
            }
        }
        try {
            decide(entry, LocalDate.now(clock));
        } catch (RuleViolation refusal) {
            throw refusedOnCurrentState(refusal);
        }
        apply(entry, origin(command, entry));
        return outcome(command, createdId(entry));
    }

    /**
     * Logs the lines of an import file together, or none of them. Every line is decided, in order, by a trial copy
     * of this network that has taken in the lines accepted before it, exactly as it would be decided on its own; only
     * when no line is refused are the entries applied, in one unit of work and so in one commit.
     */
    @CommandHandler
    public ImportOutcome handle(ImportEntries command, Clock clock, CommandLog commands, NetworkHistory history) {
        this.history = history;
        requireCommandId(command);
        LocalDate today = LocalDate.now(clock);
        Map<UUID, DomainEventMessage<?>> handled = handled(commands,
                command.lines().stream().map(ImportEntries.Line::commandId).filter(Objects::nonNull).toList());
        Network trial = trial();
        Map<UUID, String> inThisFile = new HashMap<>();
        List<ImportRejected.RejectedLine> rejected = new ArrayList<>();
        for (ImportEntries.Line line : command.lines()) {
            try {
                if (!resendInImport(line, handled, inThisFile)) {
                    trial.decide(line.entry(), today);
                    trial.takeInTrial("line-" + line.number(), line.entry());
                    inThisFile.put(line.commandId(), CommandFingerprint.of(line.entry()));
                }
            } catch (RuleViolation refusal) {
                String type = line.entry() == null ? null : EntryTypes.of(line.entry().getClass()).wireName();
                rejected.add(new ImportRejected.RejectedLine(line.number(), type, refusal.kind(), refusal.errors()));
            }
        }
        if (!rejected.isEmpty()) {
            throw refusedOnCurrentState(new ImportRejected(rejected));
        }
        List<CommandOutcome> outcomes = new ArrayList<>();
        Map<UUID, CommandOutcome> logged = new HashMap<>();
        for (ImportEntries.Line line : command.lines()) {
            RecordEntry single = line.asRecordEntry(networkId);
            Optional<CommandOutcome> resend = replayOf(line.commandId(), networkId, line.entry(), handled);
            if (resend.isPresent()) {
                outcomes.add(resend.get());
            } else if (logged.containsKey(line.commandId())) {
                outcomes.add(logged.get(line.commandId()).asReplay());
            } else if (command.checkOnly()) {
                outcomes.add(new CommandOutcome(line.commandId(), networkId, createdId(line.entry()), null, false));
            } else {
                apply(line.entry(), origin(single, line.entry()).and(IMPORT_ID, command.commandId().toString()));
                CommandOutcome outcome = outcome(single, createdId(line.entry()));
                logged.put(line.commandId(), outcome);
                outcomes.add(outcome);
            }
        }
        return new ImportOutcome(command.commandId(), networkId, outcomes, command.checkOnly());
    }

    /**
     * Whether an import line is a resend: of a command logged before (in this network, with the same content), or
     * of an earlier line of the same file. The same id for something else is refused.
     */
    private boolean resendInImport(ImportEntries.Line line, Map<UUID, DomainEventMessage<?>> handled,
                                   Map<UUID, String> inThisFile) {
        if (line.commandId() == null) {
            throw RuleViolation.invalid("commandId", "is required");
        }
        if (line.entry() == null) {
            return false;
        }
        if (replayOf(line.commandId(), networkId, line.entry(), handled).isPresent()) {
            return true;
        }
        String earlier = inThisFile.get(line.commandId());
        if (earlier != null && !earlier.equals(CommandFingerprint.of(line.entry()))) {
            throw RuleViolation.conflict("commandId", "was already used for a different command");
        }
        return earlier != null;
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
            Checks.start().businessDate("occurredOn", retraction.occurredOn(), current().foundedOn, today).orThrow();
            List<EffectiveHistory.Logged> logged = loggedHistory();
            EffectiveHistory effective = EffectiveHistory.of(logged);
            correctable(effective, retraction.targetEventId());
            notBeforeTarget(retraction.occurredOn(), effective.entry(retraction.targetEventId()), "retracts");
            if (effective.entry(retraction.targetEventId()) instanceof NetworkFounded) {
                // Without its founding the network would have no founding date to check entries against.
                throw RuleViolation.invalid("targetEventId", "the founding entry cannot be retracted; correct it instead");
            }
            laterEntriesStillHold(logged, effective, retraction, retraction.targetEventId(), today);
        } else if (entry instanceof NetworkFounded) {
            throw RuleViolation.conflict("type", "a network is founded once; correct its founding entry instead");
        } else {
            EntryRules.check(current(), entry, today, "");
            if (entry instanceof PartnerWithdrew || entry instanceof RepresentativeDeparted || entry instanceof NetworkRoleEnded) {
                // An end may be dated back before what was logged of the partner, person or role since.
                List<EffectiveHistory.Logged> logged = loggedHistory();
                othersStillHold(logged, EffectiveHistory.of(logged), entry, null, today, "occurredOn",
                                "lies before what another entry says of it: the %s of %s (%s); date it after that entry, or correct that entry first");
            }
        }
    }

    /**
     * A correction replaces an entry of this network by one of the same kind that keeps the identity of what it
     * created, and must itself pass the rules against the history without the entry it replaces.
     */
    private void checkCorrection(EntryCorrected correction, LocalDate today) {
        EntryRules.checkShape(correction, "");
        Checks.start().businessDate("occurredOn", correction.occurredOn(), current().foundedOn, today).orThrow();
        String target = correction.targetEventId();
        List<EffectiveHistory.Logged> logged = loggedHistory();
        EffectiveHistory effective = EffectiveHistory.of(logged);
        correctable(effective, target);
        NetworkEvent original = effective.entry(target);
        notBeforeTarget(correction.occurredOn(), original, "corrects");
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
        EntryRules.check(NetworkState.fold(effective.before(target)), replacement, today, "replacement.");
        if (replacement instanceof NetworkFounded founded) {
            // Every other entry is dated on or after the founding; a later founding date would leave them before it.
            Optional<LocalDate> earliest = effective.earliestDateBesides(target);
            if (earliest.isPresent() && founded.foundedOn() != null && founded.foundedOn().isAfter(earliest.get())) {
                throw RuleViolation.invalid("replacement.foundedOn", "lies after the network's earliest entry, dated "
                                            + earliest.get() + "; the founding comes first");
            }
            if (founded.foundedOn() != null && correction.occurredOn().isBefore(founded.foundedOn())) {
                throw RuleViolation.invalid("occurredOn", "lies before the corrected founding date " + founded.foundedOn());
            }
        }
        laterEntriesStillHold(logged, effective, correction, target, today);
    }

    /** A correction or retraction is dated on or after the entry it is about: it cannot happen before it. */
    private static void notBeforeTarget(LocalDate on, NetworkEvent target, String what) {
        if (target != null && target.occurredOn() != null && on.isBefore(target.occurredOn())) {
            throw RuleViolation.invalid("occurredOn", "lies before the entry it " + what + ", dated " + target.occurredOn());
        }
    }

    private static void correctable(EffectiveHistory effective, String target) {
        String kind = effective.kind(target);
        if (kind == null) {
            throw RuleViolation.notFound("targetEventId", "no entry with this id in this network");
        }
        if (kind.equals("entry-corrected") || kind.equals("entry-retracted")) {
            throw RuleViolation.invalid("targetEventId", "corrections and retractions cannot themselves be corrected");
        }
        if (effective.retracted(target)) {
            throw RuleViolation.conflict("targetEventId", "this entry was retracted");
        }
    }

    @EventSourcingHandler
    void on(NetworkEvent event, @MessageIdentifier String eventId, @SequenceNumber Long sequenceNumber) {
        if (event instanceof NetworkFounded founded) {
            networkId = founded.networkId();
        }
        version = sequenceNumber;
        takeIn(event);
        lastAppliedEventId = eventId;
    }

    private void takeIn(NetworkEvent event) {
        if (event instanceof EntryCorrected || event instanceof EntryRetracted) {
            // Either can change any fact the state was folded from; it is folded again when next needed.
            stale = true;
            refolded = null;
        } else if (!stale) {
            state.apply(event);
        } else if (refolded != null) {
            refolded.apply(event);
        }
    }

    /** A copy that can take in import lines without touching this network. */
    private Network trial() {
        Network trial = new Network();
        trial.networkId = networkId;
        trial.version = version;
        trial.state = current().copy();
        trial.pending = new ArrayList<>();
        trial.history = history;
        return trial;
    }

    private void takeInTrial(String eventId, NetworkEvent entry) {
        pending.add(new EffectiveHistory.Logged(eventId, entry));
        takeIn(entry);
    }

    /** The decision state as of {@link #version} (and, in a trial, the lines taken in). */
    private NetworkState current() {
        if (!stale) {
            return state;
        }
        if (refolded == null) {
            refolded = effectiveHistory().fold();
        }
        return refolded;
    }

    /** The effective history as of {@link #version}, read back from the store (plus, in a trial, its lines). */
    private EffectiveHistory effectiveHistory() {
        return EffectiveHistory.of(loggedHistory());
    }

    /** What was logged up to this network's version (and, in a trial, the lines taken in), corrections included. */
    private List<EffectiveHistory.Logged> loggedHistory() {
        if (history == null) {
            throw new IllegalStateException("No history to read network " + networkId + " back from");
        }
        List<EffectiveHistory.Logged> logged = new ArrayList<>();
        try (Stream<? extends DomainEventMessage<?>> events = history.from(networkId, 0)) {
            events.takeWhile(event -> event.getSequenceNumber() <= version)
                  .forEach(event -> logged.add(new EffectiveHistory.Logged(event.getIdentifier(),
                                                                           (NetworkEvent) event.getPayload())));
        }
        if (pending != null) {
            logged.addAll(pending);
        }
        return logged;
    }

    /**
     * Refuses a correction or retraction that would leave another entry breaking the rules it passed: a partner's
     * joining retracted, or corrected to after what the partner did; a withdrawal corrected to before it; an
     * evaluation's opening retracted while its answers stand. Every entry is judged again twice, as the history stands
     * and as the change would leave it: against the entries logged before it, and against who stood where on its date
     * after all partner and people entries (which are read by date, so a withdrawal moved earlier reaches the entries
     * logged before it). Only an entry that holds as the history stands and would not after the change is a reason to
     * refuse: an entry that reads oddly this way either way (a joining judged beside itself, or logged under older,
     * looser rules) does not block a change it has nothing to do with.
     */
    private static void laterEntriesStillHold(List<EffectiveHistory.Logged> logged, EffectiveHistory asLogged,
                                              NetworkEvent change, String target, LocalDate today) {
        othersStillHold(logged, asLogged, change, target, today, "targetEventId",
                        "another entry rests on it: the %s of %s (%s); correct or retract that entry first");
    }

    /**
     * {@link #laterEntriesStillHold} for any change to the history: a correction or retraction of {@code target}, or a
     * new entry ({@code target} null), to the history {@code logged} (whose effective entries are {@code asLogged},
     * read once by the caller); a refusal names {@code field} and words the entry that would break as {@code message}
     * says (its kind, its date, the rule it would break).
     */
    private static void othersStillHold(List<EffectiveHistory.Logged> logged, EffectiveHistory asLogged, NetworkEvent change,
                                        String target, LocalDate today, String field, String message) {
        List<Map.Entry<String, NetworkEvent>> now = asLogged.inOrder();
        List<EffectiveHistory.Logged> changed = new ArrayList<>(logged);
        changed.add(new EffectiveHistory.Logged("proposed-" + target, change));
        Map<String, NetworkEvent> then = new java.util.LinkedHashMap<>();
        EffectiveHistory.of(changed).inOrder().forEach(e -> then.put(e.getKey(), e.getValue()));
        NetworkState asIs = byDateOfPeople(now.stream().map(Map.Entry::getValue).toList());
        NetworkState asChanged = byDateOfPeople(List.copyOf(then.values()));
        NetworkState asIsLogged = new NetworkState();
        NetworkState asChangedLogged = new NetworkState();
        for (Map.Entry<String, NetworkEvent> entry : now) {
            NetworkEvent changedEntry = then.get(entry.getKey());
            // A partner or people entry is judged as it was logged, against the people entries before it (an
            // appointment before its departure, a name free when a partner joined); any other entry against who stood
            // where on its date. The corrected entry itself too: its replacement was judged against the entries
            // logged before it, not those since (a meeting moved past a withdrawal logged later).
            boolean people = NetworkState.isPeople(entry.getValue());
            if (changedEntry != null && check(people ? asIsLogged : asIs, entry.getValue(), today) == null) {
                RuleViolation broken = check(people ? asChangedLogged : asChanged, changedEntry, today);
                if (broken != null) {
                    throw RuleViolation.conflict(field, message.formatted(EntryTypes.of(changedEntry.getClass()).wireName(),
                                                                          changedEntry.occurredOn(), broken.getMessage()));
                }
            }
            applyBesidesPeople(asIs, entry.getValue());
            asIsLogged.apply(entry.getValue());
            if (changedEntry != null) {
                applyBesidesPeople(asChanged, changedEntry);
                asChangedLogged.apply(changedEntry);
            }
        }
    }

    /** A state that holds every partner and people entry of {@code history} from the start; the rest is folded in. */
    private static NetworkState byDateOfPeople(List<NetworkEvent> history) {
        NetworkState state = new NetworkState();
        history.stream().filter(NetworkState::isPeople).forEach(state::apply);
        return state;
    }

    private static void applyBesidesPeople(NetworkState state, NetworkEvent entry) {
        if (!NetworkState.isPeople(entry)) {
            state.apply(entry);
        }
    }

    private static RuleViolation check(NetworkState state, NetworkEvent entry, LocalDate today) {
        // The founding rests on nothing; a later ambition version rests on no entry but its number, which was the
        // next one when it was stated (a retracted earlier version leaves a gap, not a broken entry).
        if (entry instanceof NetworkFounded || entry instanceof AmbitionStated) {
            return null;
        }
        try {
            EntryRules.checkAgainst(state, entry, today, "");
            return null;
        } catch (RuleViolation broken) {
            return broken;
        }
    }

    /**
     * Folds the decision state again over the effective history if a correction or retraction made it stale, so a
     * snapshot holds a current state; reads the history up to this network's own version only.
     */
    void settle(NetworkHistory source) {
        if (stale) {
            history = source;
            state = current();
            stale = false;
            refolded = null;
        }
    }

    /**
     * A refusal stands only if it was decided on the network as stored: a network from the cache may lag behind
     * what another instance logged since. Then the command is decided again on a freshly loaded network, as after
     * any concurrent change (the cache drops an aggregate whose unit of work rolls back).
     */
    private RuntimeException refusedOnCurrentState(RuntimeException refusal) {
        try (Stream<? extends DomainEventMessage<?>> newer = history.from(networkId, version + 1)) {
            if (newer.findAny().isPresent()) {
                return new ConcurrencyException("Network " + networkId + " changed since it was loaded; deciding again");
            }
        }
        return refusal;
    }

    /** What the given command ids logged, by command id. */
    private static Map<UUID, DomainEventMessage<?>> handled(CommandLog commands, Collection<UUID> commandIds) {
        Map<UUID, DomainEventMessage<?>> handled = new HashMap<>();
        if (!commandIds.isEmpty()) {
            for (DomainEventMessage<?> event : commands.loggedBy(commandIds)) {
                Object commandId = event.getMetaData().get(COMMAND_ID);
                if (commandId != null) {
                    handled.putIfAbsent(UUID.fromString(commandId.toString()), event);
                }
            }
        }
        return handled;
    }

    /**
     * A resend of a handled command answers as the first time; the same id used for something else, or in another
     * network, is refused.
     */
    private static Optional<CommandOutcome> replayOf(UUID commandId, UUID networkId, NetworkEvent logs,
                                                     Map<UUID, DomainEventMessage<?>> handled) {
        DomainEventMessage<?> first = handled.get(commandId);
        if (first == null) {
            return Optional.empty();
        }
        if (networkId == null || !first.getAggregateIdentifier().equals(networkId.toString())) {
            throw RuleViolation.conflict("commandId", "was already used in another network");
        }
        if (!fingerprintOf(first).equals(CommandFingerprint.of(logs))) {
            throw RuleViolation.conflict("commandId", "was already used for a different command");
        }
        NetworkEvent event = (NetworkEvent) first.getPayload();
        return Optional.of(new CommandOutcome(commandId, networkId, createdId(event), first.getIdentifier(), true));
    }

    /**
     * The fingerprint of the command that logged {@code event}: as stored, or, for events stored before fingerprints
     * were canonical (theirs depended on how a JVM ordered sets), computed again from the stored entry.
     */
    static String fingerprintOf(DomainEventMessage<?> event) {
        Object stored = event.getMetaData().get(COMMAND_FINGERPRINT);
        return CommandFingerprint.isCurrent((String) stored) ? (String) stored
                                                             : CommandFingerprint.of((NetworkEvent) event.getPayload());
    }

    private static void requireCommandId(NetworkCommand command) {
        if (command.commandId() == null) {
            throw RuleViolation.invalid("commandId", "is required");
        }
    }

    private CommandOutcome outcome(NetworkCommand command, UUID subjectId) {
        return new CommandOutcome(command.commandId(), networkId, subjectId, lastAppliedEventId, false);
    }

    private static MetaData origin(NetworkCommand command, NetworkEvent logs) {
        return MetaData.with(COMMAND_ID, command.commandId().toString())
                       .and(COMMAND_FINGERPRINT, CommandFingerprint.of(logs));
    }

    /** The founding entry a command logs; also what its fingerprint is taken over. */
    private static NetworkFounded founded(FoundNetwork command) {
        return new NetworkFounded(command.networkId(), strip(command.name()), strip(command.sector()),
                                  strip(command.region()), command.collaborationForm(), strip(command.societalTask()),
                                  command.foundedOn(), command.source(), command.note());
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
