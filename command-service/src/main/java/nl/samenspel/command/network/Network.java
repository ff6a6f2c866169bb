package nl.samenspel.command.network;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import nl.samenspel.kernel.Limits;
import nl.samenspel.kernel.network.CommandOutcome;
import nl.samenspel.kernel.network.FoundNetwork;
import nl.samenspel.kernel.network.JoinPartner;
import nl.samenspel.kernel.network.NetworkCommand;
import nl.samenspel.kernel.network.NetworkFounded;
import nl.samenspel.kernel.network.PartnerJoined;
import nl.samenspel.kernel.network.PartnerWithdrew;
import nl.samenspel.kernel.network.WithdrawPartner;
import nl.samenspel.kernel.validation.Checks;
import nl.samenspel.kernel.validation.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A network (samenwerkingsverband): the consistency boundary for everything logged about one collaboration. Command
 * handlers check the rules of the event catalogue and apply events; event sourcing handlers are the only place its
 * state changes. It also remembers which command ids it handled, so that resending a command logs nothing new.
 */
@Aggregate(snapshotTriggerDefinition = "networkSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Network {
    static final String COMMAND_ID = "commandId";
    static final String COMMAND_FINGERPRINT = "commandFingerprint";

    @AggregateIdentifier
    private UUID networkId;
    private LocalDate foundedOn;
    private Map<UUID, Partner> partners = new LinkedHashMap<>();
    private Map<UUID, HandledCommand> handledCommands = new HashMap<>();

    protected Network() {
        // for Axon and snapshots
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
              .text("name", command.name(), Limits.NAME)
              .optionalText("sector", command.sector(), Limits.NAME)
              .optionalText("region", command.region(), Limits.NAME)
              .required("collaborationForm", command.collaborationForm())
              .optionalText("societalTask", command.societalTask(), Limits.SOCIETAL_TASK)
              .businessDate("foundedOn", command.foundedOn(), null, LocalDate.now(clock))
              .optionalText("note", command.note(), Limits.NOTE)
              .orThrow();
        apply(new NetworkFounded(command.networkId(), command.name().strip(), strip(command.sector()),
                                 strip(command.region()), command.collaborationForm(), strip(command.societalTask()),
                                 command.foundedOn(), command.source(), command.note()), origin(command));
        return new CommandOutcome(command.commandId(), command.networkId(), command.networkId(), false);
    }

    @CommandHandler
    public CommandOutcome handle(JoinPartner command, Clock clock) {
        Optional<CommandOutcome> resend = resendOf(command);
        if (resend.isPresent()) {
            return resend.get();
        }
        Checks.start()
              .required("partnerId", command.partnerId())
              .text("name", command.name(), Limits.NAME)
              .text("partnerType", command.partnerType(), Limits.SHORT_TEXT)
              .required("participationLevel", command.participationLevel())
              .businessDate("occurredOn", command.occurredOn(), foundedOn, LocalDate.now(clock))
              .optionalText("note", command.note(), Limits.NOTE)
              .orThrow();
        if (partners.containsKey(command.partnerId())) {
            throw RuleViolation.conflict("partnerId", "this partner already joined the network");
        }
        String name = command.name().strip();
        if (partners.values().stream().anyMatch(p -> p.isActive() && p.name().equalsIgnoreCase(name))) {
            throw RuleViolation.conflict("name", "another active partner of this network is already called '" + name + "'");
        }
        apply(new PartnerJoined(networkId, command.partnerId(), name, command.partnerType().strip(),
                                command.participationLevel(), command.motives(), command.occurredOn(),
                                command.source(), command.note()), origin(command));
        return new CommandOutcome(command.commandId(), networkId, command.partnerId(), false);
    }

    @CommandHandler
    public CommandOutcome handle(WithdrawPartner command, Clock clock) {
        Optional<CommandOutcome> resend = resendOf(command);
        if (resend.isPresent()) {
            return resend.get();
        }
        Checks.start()
              .required("partnerId", command.partnerId())
              .text("reason", command.reason(), Limits.REASON)
              .businessDate("occurredOn", command.occurredOn(), foundedOn, LocalDate.now(clock))
              .optionalText("note", command.note(), Limits.NOTE)
              .orThrow();
        Partner partner = partners.get(command.partnerId());
        if (partner == null) {
            throw RuleViolation.notFound("partnerId", "no partner with this id in this network");
        }
        if (!partner.isActive()) {
            throw RuleViolation.conflict("partnerId", "this partner already withdrew on " + partner.withdrawnOn());
        }
        if (command.occurredOn().isBefore(partner.joinedOn())) {
            throw RuleViolation.invalid("occurredOn", "lies before the partner joined on " + partner.joinedOn());
        }
        apply(new PartnerWithdrew(networkId, command.partnerId(), command.reason().strip(), command.occurredOn(),
                                  command.source(), command.note()), origin(command));
        return new CommandOutcome(command.commandId(), networkId, command.partnerId(), false);
    }

    @EventSourcingHandler
    void on(NetworkFounded event, @MetaDataValue(COMMAND_ID) String commandId,
            @MetaDataValue(COMMAND_FINGERPRINT) String fingerprint) {
        networkId = event.networkId();
        foundedOn = event.foundedOn();
        remember(commandId, fingerprint, event.networkId());
    }

    @EventSourcingHandler
    void on(PartnerJoined event, @MetaDataValue(COMMAND_ID) String commandId,
            @MetaDataValue(COMMAND_FINGERPRINT) String fingerprint) {
        partners.put(event.partnerId(), new Partner(event.partnerId(), event.name(), event.occurredOn(), null));
        remember(commandId, fingerprint, event.partnerId());
    }

    @EventSourcingHandler
    void on(PartnerWithdrew event, @MetaDataValue(COMMAND_ID) String commandId,
            @MetaDataValue(COMMAND_FINGERPRINT) String fingerprint) {
        partners.computeIfPresent(event.partnerId(), (id, partner) -> partner.withdrawn(event.occurredOn()));
        remember(commandId, fingerprint, event.partnerId());
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

    private static MetaData origin(NetworkCommand command) {
        return MetaData.with(COMMAND_ID, command.commandId().toString())
                       .and(COMMAND_FINGERPRINT, HandledCommand.fingerprint(command));
    }

    private void remember(String commandId, String fingerprint, UUID subjectId) {
        if (commandId != null) {
            UUID id = UUID.fromString(commandId);
            handledCommands.put(id, new HandledCommand(fingerprint, new CommandOutcome(id, networkId, subjectId, false)));
        }
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
