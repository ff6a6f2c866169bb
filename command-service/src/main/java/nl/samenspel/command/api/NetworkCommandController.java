package nl.samenspel.command.api;

import nl.samenspel.command.api.NetworkRequests.FoundNetworkRequest;
import nl.samenspel.command.api.NetworkRequests.JoinPartnerRequest;
import nl.samenspel.command.api.NetworkRequests.WithdrawPartnerRequest;
import nl.samenspel.kernel.network.CommandOutcome;
import nl.samenspel.kernel.network.FoundNetwork;
import nl.samenspel.kernel.network.JoinPartner;
import nl.samenspel.kernel.network.NetworkCommand;
import nl.samenspel.kernel.network.WithdrawPartner;
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
import java.util.function.Function;

/** The command API for founding networks and for partners joining and withdrawing. */
@RestController
@RequestMapping("/api/networks")
public class NetworkCommandController {
    /** Set on the answer to a resent command: nothing new was logged. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final CommandDispatcher dispatcher;

    public NetworkCommandController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @PostMapping
    public ResponseEntity<CommandOutcome> found(@RequestBody FoundNetworkRequest request) {
        UUID commandId = commandId(request.commandId());
        UUID networkId = CommandDispatcher.derivedId("network", commandId);
        return answer(new FoundNetwork(networkId, commandId, request.name(), request.sector(), request.region(),
                                       request.collaborationForm(), request.societalTask(), request.foundedOn(),
                                       request.source(), request.note()),
                      outcome -> URI.create("/api/networks/" + outcome.networkId()));
    }

    @PostMapping("/{networkId}/partners")
    public ResponseEntity<CommandOutcome> joinPartner(@PathVariable UUID networkId, @RequestBody JoinPartnerRequest request) {
        UUID commandId = commandId(request.commandId());
        UUID partnerId = Optional.ofNullable(request.partnerId()).orElse(CommandDispatcher.derivedId("partner", commandId));
        return answer(new JoinPartner(networkId, commandId, partnerId, request.name(), request.partnerType(),
                                      request.participationLevel(), request.motives(), request.occurredOn(),
                                      request.source(), request.note()),
                      outcome -> URI.create("/api/networks/" + networkId + "/partners/" + outcome.subjectId()));
    }

    @PostMapping("/{networkId}/partners/{partnerId}/withdrawal")
    public ResponseEntity<CommandOutcome> withdrawPartner(@PathVariable UUID networkId, @PathVariable UUID partnerId,
                                                          @RequestBody WithdrawPartnerRequest request) {
        return answer(new WithdrawPartner(networkId, commandId(request.commandId()), partnerId, request.reason(),
                                          request.occurredOn(), request.source(), request.note()),
                      outcome -> URI.create("/api/networks/" + networkId + "/partners/" + partnerId));
    }

    private ResponseEntity<CommandOutcome> answer(NetworkCommand command, Function<CommandOutcome, URI> location) {
        CommandOutcome outcome = dispatcher.dispatch(command);
        return ResponseEntity.status(HttpStatus.CREATED)
                             .location(location.apply(outcome))
                             .header(REPLAYED_HEADER, Boolean.toString(outcome.replayed()))
                             .body(outcome);
    }

    private static UUID commandId(UUID supplied) {
        return supplied != null ? supplied : UUID.randomUUID();
    }
}
