package nl.samenspel.command.api;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import nl.samenspel.command.api.NetworkRequests.FoundNetworkRequest;
import nl.samenspel.command.api.NetworkRequests.JoinPartnerRequest;
import nl.samenspel.command.api.NetworkRequests.WithdrawPartnerRequest;
import nl.samenspel.kernel.access.NetworkRole;
import nl.samenspel.kernel.correction.EntryTypes.EntryType;
import nl.samenspel.kernel.network.CommandOutcome;
import nl.samenspel.kernel.network.FoundNetwork;
import nl.samenspel.kernel.network.NetworkCommand;
import nl.samenspel.kernel.network.PartnerJoined;
import nl.samenspel.kernel.network.PartnerWithdrew;
import nl.samenspel.kernel.network.RecordEntry;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
    private final EntryReader entries;
    private final Receipts receipts;

    public NetworkCommandController(CommandDispatcher dispatcher, EntryReader entries, Receipts receipts) {
        this.dispatcher = dispatcher;
        this.entries = entries;
        this.receipts = receipts;
    }

    /**
     * What a command answers: the outcome, the global position its entry was written at (also in the
     * {@code Samenspel-Position} header; a query sent with {@code ?waitFor=} that position answers only once its read
     * model includes the entry), and the signed receipt of the network's log ending at that entry.
     */
    public record CommandAnswer(UUID commandId, UUID networkId, UUID subjectId, String eventId, boolean replayed,
                                @Schema(description = "The global position the entry was written at (for a resend: "
                                        + "where it was written the first time); send it as ?waitFor= to a query "
                                        + "to read your own write", example = "1042") Long position,
                                Receipts.Receipt receipt) {

        static CommandAnswer of(CommandOutcome outcome, Optional<Receipts.Written> written) {
            return new CommandAnswer(outcome.commandId(), outcome.networkId(), outcome.subjectId(), outcome.eventId(),
                                     outcome.replayed(), written.map(Receipts.Written::position).orElse(null),
                                     written.map(Receipts.Written::receipt).orElse(null));
        }
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Founded (or, for a resent commandId, founded before: replayed)",
                 useReturnTypeSchema = true,
                 headers = @Header(name = Receipts.POSITION_HEADER, description = Receipts.POSITION_DESCRIPTION,
                                    schema = @Schema(type = "integer", format = "int64")))
    @Access(Access.Audience.ADMIN)
    public ResponseEntity<CommandAnswer> found(@RequestBody FoundNetworkRequest request, HttpServletRequest http) {
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
    @ApiResponse(responseCode = "201", description = "Logged (or, for a resent commandId, logged before: replayed)",
                 useReturnTypeSchema = true,
                 headers = @Header(name = Receipts.POSITION_HEADER, description = Receipts.POSITION_DESCRIPTION,
                                    schema = @Schema(type = "integer", format = "int64")))
    @Access(value = Access.Audience.NETWORK, roles = NetworkRole.COORDINATOR)
    public ResponseEntity<CommandAnswer> record(@PathVariable UUID networkId, @PathVariable String type,
                                                 @RequestBody JsonNode body, HttpServletRequest http) {
        EntryType entryType = EntryReader.type(type);
        return answer(entries.read(networkId, entryType, body, UUID::randomUUID), http);
    }

    @PostMapping("/{networkId}/partners")
    @ApiResponse(responseCode = "201", description = "Logged (or, for a resent commandId, logged before: replayed)",
                 useReturnTypeSchema = true,
                 headers = @Header(name = Receipts.POSITION_HEADER, description = Receipts.POSITION_DESCRIPTION,
                                    schema = @Schema(type = "integer", format = "int64")))
    @Access(value = Access.Audience.NETWORK, roles = NetworkRole.COORDINATOR)
    public ResponseEntity<CommandAnswer> joinPartner(@PathVariable UUID networkId, @RequestBody JoinPartnerRequest request,
                                                      HttpServletRequest http) {
        UUID commandId = commandId(request.commandId());
        UUID partnerId = Optional.ofNullable(request.partnerId()).orElse(CommandDispatcher.derivedId("partner", commandId));
        return answer(new RecordEntry(networkId, commandId, new PartnerJoined(networkId, partnerId, request.name(),
                request.partnerType(), request.participationLevel(), request.motives(), request.occurredOn(),
                request.source(), request.note())), http);
    }

    @PostMapping("/{networkId}/partners/{partnerId}/withdrawal")
    @ApiResponse(responseCode = "201", description = "Logged (or, for a resent commandId, logged before: replayed)",
                 useReturnTypeSchema = true,
                 headers = @Header(name = Receipts.POSITION_HEADER, description = Receipts.POSITION_DESCRIPTION,
                                    schema = @Schema(type = "integer", format = "int64")))
    @Access(value = Access.Audience.NETWORK, roles = NetworkRole.COORDINATOR)
    public ResponseEntity<CommandAnswer> withdrawPartner(@PathVariable UUID networkId, @PathVariable UUID partnerId,
                                                          @RequestBody WithdrawPartnerRequest request,
                                                          HttpServletRequest http) {
        return answer(new RecordEntry(networkId, commandId(request.commandId()), new PartnerWithdrew(networkId, partnerId,
                request.reason(), request.occurredOn(), request.source(), request.note())), http);
    }

    private ResponseEntity<CommandAnswer> answer(NetworkCommand command, HttpServletRequest http) {
        CommandOutcome outcome = dispatcher.dispatch(command, Actor.of(http));
        Optional<Receipts.Written> written = receipts.of(List.of(outcome.commandId()));
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/networks/" + outcome.networkId()))
                .header(REPLAYED_HEADER, Boolean.toString(outcome.replayed()));
        written.ifPresent(w -> answer.header(Receipts.POSITION_HEADER, Long.toString(w.position())));
        return answer.body(CommandAnswer.of(outcome, written));
    }

    private static UUID commandId(UUID supplied) {
        return supplied != null ? supplied : UUID.randomUUID();
    }
}
