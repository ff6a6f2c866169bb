package nl.samenspel.query.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.samenspel.eventstore.MongoEventStorageEngine;
import nl.samenspel.eventstore.StoredEvent;
import nl.samenspel.kernel.access.NetworkRole;
import nl.samenspel.kernel.correction.EntryTypes;
import nl.samenspel.kernel.network.NetworkFounded;
import nl.samenspel.kernel.validation.Checks;
import nl.samenspel.support.people.PeopleDirectory;
import nl.samenspel.support.security.Access;
import nl.samenspel.support.security.UserStore;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The logged history of a network straight from the event log, with who recorded each entry, and the network's
 * people directory as views may show it.
 */
@RestController
@RequestMapping("/api/networks/{networkId}")
public class NetworkHistoryController {
    /** The field of an answer to an evaluation that names the partner who gave it. */
    private static final String RESPONDENT = "respondentPartnerId";
    /** Entries one filtered request looks at, at most. */
    static final int SCAN_BUDGET = 5_000;
    private static final int CHUNK = 100;

    private final MongoEventStorageEngine eventStore;
    private final PeopleDirectory people;
    private final ObjectMapper json;
    private final UserStore users;

    public NetworkHistoryController(MongoEventStorageEngine eventStore, PeopleDirectory people, ObjectMapper json,
                                    UserStore users) {
        this.eventStore = eventStore;
        this.people = people;
        this.json = json;
        this.users = users;
    }

    /**
     * One logged entry: what happened and on which business date, when it was recorded and by whom, and its link in
     * the hash chain. {@code type} is the payload's class name, {@code entryType} its wire name in the catalogue.
     * {@code recordedBy} is the user's id as logged; {@code recordedByName} the name that user goes by now (not part
     * of the log, so not covered by the hash; absent when the id names no user).
     */
    public record LoggedEvent(long sequenceNumber, long globalPosition, String eventId, String type, String recordedAt,
                              String recordedBy, String recordedAs, JsonNode payload, String hash, String entryType,
                              LocalDate occurredOn, String recordedByName) {

        LoggedEvent named(Map<String, String> names) {
            return new LoggedEvent(sequenceNumber, globalPosition, eventId, type, recordedAt, recordedBy, recordedAs,
                                   payload, hash, entryType, occurredOn,
                                   recordedBy == null ? null : names.get(recordedBy));
        }
    }

    /**
     * The logged history of the network, as it was logged: originals and their corrections alike. Filters, all
     * optional and combined: {@code type} (wire names, repeatable), {@code partnerId} (entries whose payload names the
     * partner anywhere, corrections included, but not as the one who gave an anonymous answer), {@code from} and {@code to} (business dates, inclusive), {@code eventId}
     * (the entries with these ids, repeatable; to name an entry that a correction points at), {@code recordedBy} (the
     * entries the user with this id logged). Pages start at {@code fromSequence}; when more entries may follow, a
     * {@code Link} header with {@code rel="next"} names the next page. Without filters it also names the page before
     * ({@code rel="prev"}) and the page that ends with the newest entry ({@code rel="last"}), so a reader who came to
     * one entry can go back from it and on to the newest. With filters, one request looks at no more than
     * {@value #SCAN_BUDGET} entries, so a page may be short (even empty) and still have a next one.
     */
    @GetMapping("/events")
    @Access(value = Access.Audience.NETWORK, roles = {NetworkRole.AUDITOR, NetworkRole.COORDINATOR})
    public ResponseEntity<List<LoggedEvent>> events(
            @PathVariable UUID networkId,
            @RequestParam(required = false) List<String> type,
            @RequestParam(required = false) UUID partnerId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) List<UUID> eventId,
            @RequestParam(required = false) UUID recordedBy,
            @RequestParam(defaultValue = "0") long fromSequence,
            @RequestParam(defaultValue = "100") int limit) {
        Set<String> payloadTypes = payloadTypes(type);
        Checks.start().when(fromSequence < 0, "fromSequence", "must be 0 or more")
              .when(limit < 1 || limit > 1_000, "limit", "must be between 1 and 1000")
              .when(from != null && to != null && from.isAfter(to), "to", "must not lie before from").orThrow();
        Set<String> eventIds = eventId == null || eventId.isEmpty() ? null
                : eventId.stream().map(UUID::toString).collect(Collectors.toSet());
        boolean filtered = payloadTypes != null || partnerId != null || from != null || to != null || eventIds != null
                           || recordedBy != null;
        String aggregateId = networkId.toString();
        List<LoggedEvent> page = new ArrayList<>();
        long next = fromSequence;
        long scanned = 0;
        boolean endOfLog = false;
        while (page.size() < limit && !endOfLog && (!filtered || scanned < SCAN_BUDGET)) {
            int chunk = filtered ? CHUNK : limit - page.size();
            List<org.bson.Document> docs = eventStore.readStoredEvents(aggregateId, next, chunk);
            endOfLog = docs.size() < chunk;
            for (int i = 0; i < docs.size() && page.size() < limit; i++) {
                StoredEvent stored = MongoEventStorageEngine.toStoredEvent(docs.get(i));
                next = stored.sequenceNumber() + 1;
                scanned++;
                if ((payloadTypes == null || payloadTypes.contains(stored.payloadType()))
                    && (eventIds == null || eventIds.contains(stored.eventId()))) {
                    LoggedEvent event = logged(stored);
                    if (matches(event, partnerId, from, to, recordedBy)) {
                        page.add(event);
                    }
                }
                if (page.size() == limit && i < docs.size() - 1) {
                    endOfLog = false;
                }
            }
        }
        Map<String, String> names = users.displayNames(
                page.stream().map(LoggedEvent::recordedBy).filter(Objects::nonNull).collect(Collectors.toSet()));
        page.replaceAll(event -> event.named(names));
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        List<String> links = new ArrayList<>();
        if (!endOfLog) {
            links.add(link("next", next));
        }
        if (!filtered) {
            long lastPage = Math.max(0, lastSequence(aggregateId) - limit + 1);
            if (fromSequence > 0) {
                links.add(link("prev", Math.max(0, Math.min(fromSequence, lastPage + limit) - limit)));
            }
            links.add(link("last", lastPage));
        }
        if (!links.isEmpty()) {
            response.header(HttpHeaders.LINK, String.join(", ", links));
        }
        return response.body(page);
    }

    /** A link to the page of this request that starts at {@code fromSequence}; relative, to stay right behind a proxy. */
    private static String link(String rel, long fromSequence) {
        UriComponents page = ServletUriComponentsBuilder.fromCurrentRequest()
                                                        .replaceQueryParam("fromSequence", fromSequence).build();
        return "<" + page.getPath() + "?" + page.getQuery() + ">; rel=\"" + rel + "\"";
    }

    /** The sequence number of the network's newest entry: its recorded head, and any entry logged after it. */
    private long lastSequence(String aggregateId) {
        nl.samenspel.verify.Anchor head = eventStore.recordedHead(aggregateId);
        long last = head == null ? -1 : head.sequence();
        List<org.bson.Document> tail;
        do {
            tail = eventStore.readStoredEvents(aggregateId, last + 1, CHUNK);
            if (!tail.isEmpty()) {
                last = MongoEventStorageEngine.toStoredEvent(tail.get(tail.size() - 1)).sequenceNumber();
            }
        } while (tail.size() == CHUNK);
        return last;
    }

    /** The payload class names of the wire names asked for; null when no type filter is asked for. */
    private static Set<String> payloadTypes(List<String> wireNames) {
        if (wireNames == null || wireNames.isEmpty()) {
            return null;
        }
        Set<String> classes = new HashSet<>();
        Checks checks = Checks.start();
        for (String wireName : wireNames) {
            EntryTypes.byWireName(wireName).ifPresentOrElse(
                    entryType -> classes.add(entryType.eventClass().getName()),
                    () -> checks.add("type", "unknown entry type '" + wireName + "'; one of "
                            + EntryTypes.all().stream().map(EntryTypes.EntryType::wireName).distinct()
                                        .collect(Collectors.joining(", "))));
        }
        checks.orThrow();
        return classes;
    }

    private static boolean matches(LoggedEvent event, UUID partnerId, LocalDate from, LocalDate to, UUID recordedBy) {
        if (recordedBy != null && !recordedBy.toString().equals(event.recordedBy())) {
            return false;
        }
        if ((from != null || to != null) && event.occurredOn() == null) {
            return false;
        }
        if (from != null && event.occurredOn().isBefore(from) || to != null && event.occurredOn().isAfter(to)) {
            return false;
        }
        return partnerId == null || names(event.payload(), partnerId.toString());
    }

    /**
     * Whether the value appears anywhere in the payload: a field, a list, a nested replacement. Not as the respondent
     * of an anonymous answer: finding the answer by its partner would say who gave it (domain.md §8).
     */
    private static boolean names(JsonNode node, String value) {
        if (node.isTextual()) {
            return node.asText().equalsIgnoreCase(value);
        }
        boolean anonymous = node.isObject() && node.path("anonymous").asBoolean(false);
        java.util.Iterator<Map.Entry<String, JsonNode>> fields = node.isObject() ? node.fields() : null;
        if (fields != null) {
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!(anonymous && field.getKey().equals(RESPONDENT)) && names(field.getValue(), value)) {
                    return true;
                }
            }
            return false;
        }
        for (JsonNode child : node) {
            if (names(child, value)) {
                return true;
            }
        }
        return false;
    }

    @GetMapping("/people")
    @Access(value = Access.Audience.NETWORK, roles = NetworkRole.COORDINATOR)
    public List<PeopleDirectory.Person> people(@PathVariable UUID networkId) {
        return people.ofNetwork(networkId);
    }

    private LoggedEvent logged(StoredEvent event) {
        JsonNode metaData = read(event.metaData());
        JsonNode payload = read(event.payload());
        String type = event.payloadType().substring(event.payloadType().lastIndexOf('.') + 1);
        Optional<EntryTypes.EntryType> entryType = entryType(event.payloadType());
        return new LoggedEvent(event.sequenceNumber(), event.globalPosition(), event.eventId(), type, event.timestamp(),
                               metaData.path("recordedBy").asText(null), metaData.path("recordedAs").asText(null),
                               payload, event.hash(), entryType.map(EntryTypes.EntryType::wireName).orElse(null),
                               occurredOn(entryType, payload), null);
    }

    private static Optional<EntryTypes.EntryType> entryType(String payloadType) {
        return EntryTypes.all().stream().filter(t -> t.eventClass().getName().equals(payloadType)).findFirst();
    }

    /** The business date of an entry; a founding carries it as {@code foundedOn}. */
    private static LocalDate occurredOn(Optional<EntryTypes.EntryType> entryType, JsonNode payload) {
        boolean founding = entryType.map(t -> t.eventClass() == NetworkFounded.class).orElse(false);
        JsonNode date = payload.path(founding ? "foundedOn" : "occurredOn");
        try {
            return date.isTextual() ? LocalDate.parse(date.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
