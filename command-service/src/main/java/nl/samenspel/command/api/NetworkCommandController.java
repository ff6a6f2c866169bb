package nl.samenspel.command.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import nl.samenspel.command.api.NetworkRequests.FoundNetworkRequest;
import nl.samenspel.command.api.NetworkRequests.JoinPartnerRequest;
import nl.samenspel.command.api.NetworkRequests.WithdrawPartnerRequest;
import nl.samenspel.kernel.access.NetworkRole;
import nl.samenspel.kernel.correction.EntryTypes;
import nl.samenspel.kernel.correction.EntryTypes.EntryType;
import nl.samenspel.kernel.network.CommandOutcome;
import nl.samenspel.kernel.network.FoundNetwork;
import nl.samenspel.kernel.network.NetworkCommand;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.PartnerJoined;
import nl.samenspel.kernel.network.PartnerWithdrew;
import nl.samenspel.kernel.network.RecordEntry;
import nl.samenspel.kernel.validation.RuleViolation;
import nl.samenspel.support.ApiProblemHandler;
import nl.samenspel.support.security.Access;
import nl.samenspel.support.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The command API: founding networks, and logging any entry of the event catalogue for a network
 * ({@code POST /api/networks/{networkId}/entries/{type}}), with shortcuts for partners joining and withdrawing.
 */
@RestController
@RequestMapping("/api/networks")
public class NetworkCommandController {
    /** Set on the answer to a resent command: nothing new was logged. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final CommandDispatcher dispatcher;
    private final ObjectMapper json;

    public NetworkCommandController(CommandDispatcher dispatcher, ObjectMapper json) {
        this.dispatcher = dispatcher;
        this.json = json;
    }

    @PostMapping
    @Access(Access.Audience.ADMIN)
    public ResponseEntity<CommandOutcome> found(@RequestBody FoundNetworkRequest request, HttpServletRequest http) {
        UUID commandId = commandId(request.commandId());
        UUID networkId = CommandDispatcher.derivedId("network", commandId);
        return answer(new FoundNetwork(networkId, commandId, request.name(), request.sector(), request.region(),
                                       request.collaborationForm(), request.societalTask(), request.foundedOn(),
                                       request.source(), request.note()), http);
    }

    /**
     * Logs one entry of the catalogue. The body holds the entry's fields (its network comes from the path); the id of
     * what it creates (agreementId, meetingId, ...) is derived from the command id when left out.
     */
    @PostMapping("/{networkId}/entries/{type}")
    @Access(value = Access.Audience.NETWORK, roles = NetworkRole.COORDINATOR)
    public ResponseEntity<CommandOutcome> record(@PathVariable UUID networkId, @PathVariable String type,
                                                 @RequestBody JsonNode body, HttpServletRequest http) {
        EntryType entryType = EntryTypes.byWireName(type).orElseThrow(() -> RuleViolation.notFound("type",
                "no such kind of entry; one of: " + EntryTypes.all().stream().map(EntryType::wireName)
                                                              .collect(Collectors.joining(", "))));
        if (!(body instanceof ObjectNode fields)) {
            throw RuleViolation.invalid("body", "must be a JSON object");
        }
        UUID commandId = commandId(readCommandId(fields));
        fields.remove("commandId");
        fields.put("networkId", networkId.toString());
        if (entryType.createdIdField() != null && fields.path(entryType.createdIdField()).isMissingNode()) {
            fields.put(entryType.createdIdField(), CommandDispatcher.derivedId(type, commandId).toString());
        }
        if (fields.get("replacement") instanceof ObjectNode replacement) {
            replacement.put("networkId", networkId.toString());
        }
        return answer(new RecordEntry(networkId, commandId, read(fields, entryType.eventClass())), http);
    }

    @PostMapping("/{networkId}/partners")
    @Access(value = Access.Audience.NETWORK, roles = NetworkRole.COORDINATOR)
    public ResponseEntity<CommandOutcome> joinPartner(@PathVariable UUID networkId, @RequestBody JoinPartnerRequest request,
                                                      HttpServletRequest http) {
        UUID commandId = commandId(request.commandId());
        UUID partnerId = Optional.ofNullable(request.partnerId()).orElse(CommandDispatcher.derivedId("partner", commandId));
        return answer(new RecordEntry(networkId, commandId, new PartnerJoined(networkId, partnerId, request.name(),
                request.partnerType(), request.participationLevel(), request.motives(), request.occurredOn(),
                request.source(), request.note())), http);
    }

    @PostMapping("/{networkId}/partners/{partnerId}/withdrawal")
    @Access(value = Access.Audience.NETWORK, roles = NetworkRole.COORDINATOR)
    public ResponseEntity<CommandOutcome> withdrawPartner(@PathVariable UUID networkId, @PathVariable UUID partnerId,
                                                          @RequestBody WithdrawPartnerRequest request,
                                                          HttpServletRequest http) {
        return answer(new RecordEntry(networkId, commandId(request.commandId()), new PartnerWithdrew(networkId, partnerId,
                request.reason(), request.occurredOn(), request.source(), request.note())), http);
    }

    private ResponseEntity<CommandOutcome> answer(NetworkCommand command, HttpServletRequest http) {
        CommandOutcome outcome = dispatcher.dispatch(command, Actor.of(http));
        return ResponseEntity.status(HttpStatus.CREATED)
                             .location(URI.create("/api/networks/" + outcome.networkId()))
                             .header(REPLAYED_HEADER, Boolean.toString(outcome.replayed()))
                             .body(outcome);
    }

    private NetworkEvent read(ObjectNode fields, Class<? extends NetworkEvent> type) {
        try {
            return json.treeToValue(fields, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Throwable cause = e instanceof IllegalArgumentException && e.getCause() != null ? e.getCause() : e;
            var error = ApiProblemHandler.unreadable(cause);
            throw RuleViolation.invalid(error.field(), error.message());
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

    private static UUID commandId(UUID supplied) {
        return supplied != null ? supplied : UUID.randomUUID();
    }
}
