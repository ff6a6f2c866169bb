package nl.samenspel.support.security;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import nl.samenspel.kernel.access.NetworkRole;
import nl.samenspel.kernel.validation.RuleViolation;
import org.bson.Document;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Users and their per-network roles, in MongoDB ({@code users}), shared by both services so both accept the same
 * identities. Passwords are kept only as BCrypt hashes. Usernames are unique, compared without case.
 */
public class UserStore {
    private final MongoCollection<Document> users;
    private final PasswordEncoder passwords;

    public UserStore(MongoDatabase database, PasswordEncoder passwords) {
        this.users = database.getCollection("users");
        this.passwords = passwords;
        users.createIndex(Indexes.ascending("username"), new IndexOptions().unique(true).name("username_unique"));
    }

    public Optional<UserAccount> byUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(users.find(Filters.eq("username", normalise(username))).first()).map(UserStore::account);
    }

    public Optional<UserAccount> byId(String userId) {
        return Optional.ofNullable(users.find(Filters.eq("_id", userId)).first()).map(UserStore::account);
    }

    public List<UserAccount> all() {
        List<UserAccount> result = new ArrayList<>();
        users.find().forEach(doc -> result.add(account(doc)));
        result.sort((a, b) -> a.username().compareTo(b.username()));
        return result;
    }

    public boolean anyAdmin() {
        return users.find(Filters.eq("admin", true)).first() != null;
    }

    /** Creates a user; {@code rawPassword} may be null for users who only log in through an identity provider. */
    public UserAccount create(String username, String displayName, String rawPassword, boolean admin) {
        String id = UUID.randomUUID().toString();
        Document doc = new Document("_id", id)
                .append("username", normalise(username))
                .append("displayName", displayName)
                .append("passwordHash", rawPassword == null ? null : passwords.encode(rawPassword))
                .append("admin", admin)
                .append("enabled", true)
                .append("grants", new ArrayList<>())
                .append("createdAt", Instant.now().toString());
        try {
            users.insertOne(doc);
        } catch (MongoWriteException e) {
            throw RuleViolation.conflict("username", "is already taken");
        }
        return account(doc);
    }

    /** Adds the role; answers false when the user already had it. */
    public boolean grant(String userId, UUID networkId, NetworkRole role) {
        return users.updateOne(Filters.eq("_id", userId), Updates.addToSet("grants", grantDoc(networkId, role)))
                    .getModifiedCount() > 0;
    }

    /** Removes the role; answers false when the user did not have it. */
    public boolean revoke(String userId, UUID networkId, NetworkRole role) {
        return users.updateOne(Filters.eq("_id", userId), Updates.pull("grants", grantDoc(networkId, role)))
                    .getModifiedCount() > 0;
    }

    public boolean passwordMatches(UserAccount account, String rawPassword) {
        return account.passwordHash() != null && rawPassword != null && passwords.matches(rawPassword, account.passwordHash());
    }

    private static Document grantDoc(UUID networkId, NetworkRole role) {
        return new Document("networkId", networkId.toString()).append("role", role.wireName());
    }

    private static String normalise(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    private static UserAccount account(Document doc) {
        List<Grant> grants = new ArrayList<>();
        for (Document g : doc.getList("grants", Document.class, List.of())) {
            grants.add(new Grant(UUID.fromString(g.getString("networkId")), NetworkRole.fromWire(g.getString("role"))));
        }
        return new UserAccount(doc.getString("_id"), doc.getString("username"), doc.getString("displayName"),
                               doc.getString("passwordHash"), doc.getBoolean("admin", false),
                               doc.getBoolean("enabled", true), grants);
    }
}
