package nl.samenspel.command.api;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import nl.samenspel.kernel.access.NetworkRole;
import nl.samenspel.support.people.PeopleDirectory;
import nl.samenspel.support.security.Access;
import nl.samenspel.support.security.AccessLog;
import nl.samenspel.support.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * The people directory of a network: coordinators register people (events then name them only by
 * {@code personRef}), correct their details, and erase them on request; admins may erase too.
 */
@RestController
@RequestMapping("/api/networks/{networkId}/people")
public class PeopleController {
    private final PeopleDirectory people;
    private final AccessLog accessLog;

    public PeopleController(PeopleDirectory people, AccessLog accessLog) {
        this.people = people;
        this.accessLog = accessLog;
    }

    public record PersonDetails(String name, String email, String phone) {
    }

    /**
     * A person to register; {@code personRef} optional: a reference the client chose, which makes a resend safe (the
     * same reference with the same details answers the person registered the first time, with 200).
     */
    public record NewPerson(UUID personRef, String name, String email, String phone) {
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Registered", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Registered before under this personRef, with these details",
                 useReturnTypeSchema = true)
    @Access(value = Access.Audience.NETWORK, roles = NetworkRole.COORDINATOR)
    public ResponseEntity<PeopleDirectory.Person> register(@PathVariable UUID networkId, @RequestBody NewPerson details) {
        PeopleDirectory.Registered registered = people.register(networkId, details.personRef(), details.name(),
                                                                details.email(), details.phone());
        PeopleDirectory.Person person = registered.person();
        return registered.replayed() ? ResponseEntity.ok(person)
                : ResponseEntity.created(URI.create("/api/networks/" + networkId + "/people/" + person.personRef()))
                                .body(person);
    }

    @PutMapping("/{personRef}")
    @ApiResponse(responseCode = "200", description = "Corrected", useReturnTypeSchema = true)
    @Access(value = Access.Audience.NETWORK, roles = NetworkRole.COORDINATOR)
    public PeopleDirectory.Person correct(@PathVariable UUID networkId, @PathVariable UUID personRef,
                                          @RequestBody PersonDetails details) {
        return people.correct(networkId, personRef, details.name(), details.email(), details.phone());
    }

    @DeleteMapping("/{personRef}")
    @ApiResponse(responseCode = "204", description = "Erased")
    @Access(value = Access.Audience.NETWORK, roles = NetworkRole.COORDINATOR, admin = true)
    public ResponseEntity<Void> erase(@PathVariable UUID networkId, @PathVariable UUID personRef, HttpServletRequest http) {
        people.erase(networkId, personRef);
        accessLog.record(Actor.of(http).principal(), "person-erased", null, networkId.toString(), null,
                         personRef.toString());
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }
}
