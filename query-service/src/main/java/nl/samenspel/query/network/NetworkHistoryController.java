package nl.samenspel.query.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.samenspel.eventstore.MongoEventStorageEngine;
import nl.samenspel.eventstore.StoredEvent;
import nl.samenspel.kernel.access.NetworkRole;
import nl.samenspel.kernel.validation.Checks;
import nl.samenspel.support.people.PeopleDirectory;
import nl.samenspel.support.security.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/**
 * The logged history of a network straight from the event log, with who recorded each entry, and the network's
 * people directory as views may show it.
 */
@RestController
@RequestMapping("/api/networks/{networkId}")
public class NetworkHistoryController {
    private final MongoEventStorageEngine eventStore;
    private final PeopleDirectory people;
    private final ObjectMapper json;

    public NetworkHistoryController(MongoEventStorageEngine eventStore, PeopleDirectory people, ObjectMapper json) {
        this.eventStore = eventStore;
        this.people = people;
        this.json = json;
    }

    /** One logged entry: what happened, when it was recorded and by whom, and its link in the hash chain. */
    public record LoggedEvent(long sequenceNumber, long globalPosition, String eventId, String type, String recordedAt,
                              String recordedBy, String recordedAs, JsonNode payload, String hash) {
    }

    @GetMapping("/events")
    @Access(value = Access.Audience.NETWORK, roles = {NetworkRole.AUDITOR, NetworkRole.COORDINATOR})
    public List<LoggedEvent> events(@PathVariable UUID networkId, @RequestParam(defaultValue = "0") long from,
                                    @RequestParam(defaultValue = "100") int limit) {
        Checks.start().when(from < 0, "from", "must be 0 or more")
              .when(limit < 1 || limit > 1_000, "limit", "must be between 1 and 1000").orThrow();
        return eventStore.readStoredEvents(networkId.toString(), from, limit).stream()
                         .map(doc -> logged(MongoEventStorageEngine.toStoredEvent(doc))).toList();
    }

    @GetMapping("/people")
    @Access(value = Access.Audience.NETWORK, roles = NetworkRole.COORDINATOR)
    public List<PeopleDirectory.Person> people(@PathVariable UUID networkId) {
        return people.ofNetwork(networkId);
    }

    private LoggedEvent logged(StoredEvent event) {
        JsonNode metaData = read(event.metaData());
        String type = event.payloadType().substring(event.payloadType().lastIndexOf('.') + 1);
        return new LoggedEvent(event.sequenceNumber(), event.globalPosition(), event.eventId(), type, event.timestamp(),
                               metaData.path("recordedBy").asText(null), metaData.path("recordedAs").asText(null),
                               read(event.payload()), event.hash());
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
