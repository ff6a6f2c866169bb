package nl.samenspel.support.people;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import nl.samenspel.kernel.Limits;
import nl.samenspel.kernel.validation.Checks;
import nl.samenspel.kernel.validation.RuleViolation;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The people directory: names and contact details of the people that events refer to only by {@code personRef}.
 * It lives outside the event log so that a person can be erased on request: the log and every figure stay valid,
 * and views show the person as erased.
 */
public class PeopleDirectory {
    public static final String ERASED = "erased";
    private static final String COLLECTION = "people";
    private static final int LOOKUP_CHUNK = 100;
    /** MongoDB's code for a command the server does not know. */
    private static final int COMMAND_NOT_FOUND = 59;
    private static final Logger log = LoggerFactory.getLogger(PeopleDirectory.class);

    private final MongoDatabase database;
    private final MongoCollection<Document> people;

    public PeopleDirectory(MongoDatabase database) {
        this.database = database;
        this.people = database.getCollection(COLLECTION);
    }

    /** A person as views may show them; after erasure only the reference and the fact of erasure remain. */
    public record Person(UUID personRef, UUID networkId, String name, String email, String phone, boolean erased,
                         String erasedAt) {
        @JsonProperty("displayName")
        public String displayName() {
            return erased ? ERASED : name;
        }
    }

    public Person register(UUID networkId, String name, String email, String phone) {
        return register(networkId, null, name, email, phone).person();
    }

    /** A registration: the person, and whether they were registered before under the reference the client chose. */
    public record Registered(Person person, boolean replayed) {
    }

    /**
     * Registers a person under {@code personRef} when the client chose one (so that a form sent twice, or a request
     * resent after a lost answer, registers the person once), else under a new reference. A reference registered
     * before with the same details answers that person again; with other details, or in another network, it is
     * refused (409 on {@code personRef}).
     */
    public Registered register(UUID networkId, UUID personRef, String name, String email, String phone) {
        check(name, email, phone);
        UUID ref = personRef != null ? personRef : UUID.randomUUID();
        Optional<Registered> before = registeredBefore(networkId, ref, name, email, phone);
        if (before.isPresent()) {
            return before.get();
        }
        try {
            people.insertOne(new Document("_id", ref.toString()).append("networkId", networkId.toString())
                                     .append("name", name.strip()).append("email", stripped(email))
                                     .append("phone", stripped(phone))
                                     .append("erased", false).append("updatedAt", Instant.now().toString()));
        } catch (com.mongodb.MongoWriteException e) {
            if (personRef == null || e.getError().getCategory() != com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // the same form sent twice at once: the other request registered it first
            return registeredBefore(networkId, ref, name, email, phone).orElseThrow(() -> e);
        }
        return new Registered(find(networkId, ref).orElseThrow(), false);
    }

    private Optional<Registered> registeredBefore(UUID networkId, UUID ref, String name, String email, String phone) {
        Document doc = people.find(Filters.eq("_id", ref.toString())).first();
        if (doc == null) {
            return Optional.empty();
        }
        Person person = person(doc);
        if (networkId.toString().equals(doc.getString("networkId")) && person.erased()) {
            throw RuleViolation.conflict("personRef", "was used for a person who has since been erased");
        }
        if (!networkId.toString().equals(doc.getString("networkId"))
            || !name.strip().equals(person.name()) || !java.util.Objects.equals(stripped(email), person.email())
            || !java.util.Objects.equals(stripped(phone), person.phone())) {
            throw RuleViolation.conflict("personRef", "was already used for another person");
        }
        return Optional.of(new Registered(person, true));
    }

    public Person correct(UUID networkId, UUID personRef, String name, String email, String phone) {
        Person person = existing(networkId, personRef);
        if (person.erased()) {
            throw RuleViolation.conflict("personRef", "this person was erased");
        }
        check(name, email, phone);
        people.updateOne(Filters.eq("_id", personRef.toString()), Updates.combine(
                Updates.set("name", name.strip()), Updates.set("email", stripped(email)),
                Updates.set("phone", stripped(phone)),
                Updates.set("updatedAt", Instant.now().toString())));
        return find(networkId, personRef).orElseThrow();
    }

    /**
     * Removes name and contact details for good; the reference stays so that history still adds up. Erasing an
     * erased person again is harmless and asks for the compaction once more.
     */
    public Person erase(UUID networkId, UUID personRef) {
        existing(networkId, personRef);
        Bson erase = Updates.combine(Updates.set("name", null), Updates.set("email", null), Updates.set("phone", null),
                                     Updates.set("erased", true), Updates.set("erasedAt", Instant.now().toString()));
        people.updateOne(Filters.eq("_id", personRef.toString()), erase);
        compact();
        return find(networkId, personRef).orElseThrow();
    }

    /**
     * Asks the store to compact the directory, as an update leaves the old details in the store's files until their
     * space is rewritten. The embedded store then rewrites its file with live data only when it next stops or starts;
     * MongoDB compacts the collection, which frees its space but may not overwrite it (see the README). A store that
     * cannot compact does not stop the erasure.
     */
    private void compact() {
        try {
            // force: a replica set's primary compacts only when told to; since MongoDB 4.4 that blocks no reads or
            // writes, and the directory is small.
            database.runCommand(new Document("compact", COLLECTION).append("force", true));
        } catch (MongoCommandException e) {
            if (e.getErrorCode() == COMMAND_NOT_FOUND) {
                log.debug("The store has no compact command; nothing of an erased person is rewritten");
            } else {
                log.warn("The store did not compact the people directory after an erasure ({}): the erased details "
                         + "stay in its files until it is compacted", e.getErrorCodeName());
            }
        }
    }

    public Optional<Person> find(UUID networkId, UUID personRef) {
        Document doc = people.find(Filters.eq("_id", personRef.toString())).first();
        if (doc == null || !networkId.toString().equals(doc.getString("networkId"))) {
            return Optional.empty();
        }
        return Optional.of(person(doc));
    }

    /**
     * The people of the network among {@code personRefs}, by reference; references of other networks or of no one are
     * left out. Looked up by key, at most 100 to a query.
     */
    public Map<UUID, Person> findAll(UUID networkId, Collection<UUID> personRefs) {
        List<String> keys = personRefs.stream().distinct().map(UUID::toString).toList();
        Map<UUID, Person> found = new HashMap<>();
        for (int from = 0; from < keys.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + LOOKUP_CHUNK));
            people.find(Filters.in("_id", chunk)).forEach(doc -> {
                if (networkId.toString().equals(doc.getString("networkId"))) {
                    Person person = person(doc);
                    found.put(person.personRef(), person);
                }
            });
        }
        return found;
    }

    public List<Person> ofNetwork(UUID networkId) {
        List<Person> result = new ArrayList<>();
        people.find(Filters.eq("networkId", networkId.toString())).forEach(doc -> result.add(person(doc)));
        return result;
    }

    private Person existing(UUID networkId, UUID personRef) {
        return find(networkId, personRef)
                .orElseThrow(() -> RuleViolation.notFound("personRef", "no person with this reference in this network"));
    }

    /**
     * One address: something, an at sign, a domain with a dot; no spaces, and none of the signs that make a link or a
     * list of it ({@code mailto:anna@…}, {@code <anna@…>}). Not a full check of the standard.
     */
    private static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("[^@\\s:<>(),;\"]+@[^@\\s:<>(),;\"]+\\.[^@\\s:<>(),;\"]+");

    /** Contact details as kept: without the spaces around them (as a name is); none when blank. */
    private static String stripped(String detail) {
        return detail == null || detail.isBlank() ? null : detail.strip();
    }

    private static void check(String name, String email, String phone) {
        Checks.start().name("name", name, Limits.NAME).optionalName("email", email, Limits.SHORT_TEXT)
              .when(email != null && !email.isBlank() && !EMAIL.matcher(email.strip()).matches(), "email",
                    "is not an e-mail address (like name@example.org)")
              .optionalName("phone", phone, 40)
              // written in many ways (+31 (0)6 …, 020-555 1234 toestel 12): only a number without digits is refused
              .when(phone != null && !phone.isBlank() && phone.codePoints().filter(Character::isDigit).count() < 3,
                    "phone", "holds fewer than 3 digits: not a phone number")
              .orThrow();
    }

    private static Person person(Document doc) {
        return new Person(UUID.fromString(doc.getString("_id")), UUID.fromString(doc.getString("networkId")),
                          doc.getString("name"), doc.getString("email"), doc.getString("phone"),
                          doc.getBoolean("erased", false), doc.getString("erasedAt"));
    }
}
