package nl.samenspel.command.api;

import nl.samenspel.command.api.NetworkRequests.FoundNetworkRequest;
import nl.samenspel.command.api.NetworkRequests.JoinPartnerRequest;
import nl.samenspel.command.api.NetworkRequests.WithdrawPartnerRequest;
import jakarta.servlet.http.HttpServletRequest;
import nl.samenspel.kernel.access.NetworkRole;
import nl.samenspel.kernel.network.CommandOutcome;
import nl.samenspel.kernel.network.FoundNetwork;
import nl.samenspel.kernel.network.JoinPartner;
import nl.samenspel.kernel.network.NetworkCommand;
import nl.samenspel.kernel.network.WithdrawPartner;
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
    @Access(Access.Audience.ADMIN)
    public ResponseEntity<CommandOutcome> found(@RequestBody FoundNetworkRequest request, HttpServletRequest http) {
        UUID commandId = commandId(request.commandId());
        UUID networkId = CommandDispatcher.derivedId("network", commandId);
        return answer(new FoundNetwork(networkId, commandId, request.name(), request.sector(), request.region(),
                                       request.collaborationForm(), request.societalTask(), request.foundedOn(),
                                       request.source(), request.note()),
                      outcome -> URI.create("/api/networks/" + outcome.networkId()), http);
    }

    @PostMapping("/{networkId}/partners")
    @Access(value = Access.Audience.NETWORK, roles = NetworkRole.COORDINATOR)
    public ResponseEntity<CommandOutcome> joinPartner(@PathVariable UUID networkId, @RequestBody JoinPartnerRequest request,
                                                      HttpServletRequest http) {
        UUID commandId = commandId(request.commandId());
        UUID partnerId = Optional.ofNullable(request.partnerId()).orElse(CommandDispatcher.derivedId("partner", commandId));
        return answer(new JoinPartner(networkId, commandId, partnerId, request.name(), request.partnerType(),
                                      request.participationLevel(), request.motives(), request.occurredOn(),
                                      request.source(), request.note()),
                      outcome -> URI.create("/api/networks/" + networkId + "/partners/" + outcome.subjectId()), http);
    }

    @PostMapping("/{networkId}/partners/{partnerId}/withdrawal")
    @Access(value = Access.Audience.NETWORK, roles = NetworkRole.COORDINATOR)
    public ResponseEntity<CommandOutcome> withdrawPartner(@PathVariable UUID networkId, @PathVariable UUID partnerId,
                                                          @RequestBody WithdrawPartnerRequest request,
                                                          HttpServletRequest http) {
        return answer(new WithdrawPartner(networkId, commandId(request.commandId()), partnerId, request.reason(),
                                          request.occurredOn(), request.source(), request.note()),
                      outcome -> URI.create("/api/networks/" + networkId + "/partners/" + partnerId), http);
    }

    private ResponseEntity<CommandOutcome> answer(NetworkCommand command, Function<CommandOutcome, URI> location,
                                                  HttpServletRequest http) {
        CommandOutcome outcome = dispatcher.dispatch(command, Actor.of(http));
        return ResponseEntity.status(HttpStatus.CREATED)
                             .location(location.apply(outcome))
                             .header(REPLAYED_HEADER, Boolean.toString(outcome.replayed()))
                             .body(outcome);
    }

    private static UUID commandId(UUID supplied) {
        return supplied != null ? supplied : UUID.randomUUID();
    }
}
