package nl.samenspel.support.security;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import nl.samenspel.kernel.access.NetworkRole;
import nl.samenspel.kernel.validation.RuleViolation;
import org.bson.Document;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Users and their per-network roles, in MongoDB ({@code users}), shared by both services so both accept the same
 * identities. Passwords are kept only as hashes (BCrypt, marked with the encoder's id so a stronger one can take
 * over at the next login). Usernames are unique, compared without case.
 */
public class UserStore {
    private final MongoCollection<Document> users;
    private final PasswordEncoder passwords;

    public UserStore(MongoDatabase database, PasswordEncoder passwords) {
        this.users = database.getCollection("users");
        this.passwords = passwords;
        users.createIndex(Indexes.ascending("username"), new IndexOptions().unique(true).name("username_unique"));
    }

    /** The user as the password check sees it (not a bean of that kind, so no other login path picks it up). */
    public UserDetails loadUserByUsername(String username) {
        return byUsername(username).map(AccountDetails::new)
                                   .orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
    }

    /** Stores the re-hashed password after a login with a hash of an older or weaker kind. */
    public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
        UserAccount account = ((AccountDetails) user).account();
        users.updateOne(Filters.and(Filters.eq("_id", account.userId()), Filters.eq("passwordHash", account.passwordHash())),
                        Updates.set("passwordHash", newPasswordHash));
        return byId(account.userId()).map(AccountDetails::new).orElse((AccountDetails) user);
    }

    /** The user linked to this identity-provider account, if any. */
    public Optional<UserAccount> byIdentity(String issuer, String subject) {
        if (issuer == null || subject == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(users.find(Filters.elemMatch("identities",
                Filters.and(Filters.eq("issuer", issuer), Filters.eq("subject", subject)))).first()).map(UserStore::account);
    }

    /** Links an identity-provider account to a user; refused when another user holds that link already. */
    public boolean link(String userId, String issuer, String subject) {
        Optional<UserAccount> holder = byIdentity(issuer, subject);
        if (holder.isPresent()) {
            if (holder.get().userId().equals(userId)) {
                return false;
            }
            throw RuleViolation.conflict("subject", "is already linked to another user");
        }
        return users.updateOne(Filters.eq("_id", userId), Updates.addToSet("identities",
                new Document("issuer", issuer).append("subject", subject))).getModifiedCount() > 0;
    }

    /** Enables or disables a user; disabling also ends every token issued to them. */
    public void setEnabled(String userId, boolean enabled) {
        users.updateOne(Filters.eq("_id", userId), enabled ? Updates.set("enabled", true)
                : Updates.combine(Updates.set("enabled", false), Updates.inc("tokenVersion", 1L)));
    }

    /** Sets a new password and ends every token issued before. */
    public void resetPassword(String userId, String rawPassword) {
        users.updateOne(Filters.eq("_id", userId), Updates.combine(Updates.set("passwordHash", passwords.encode(rawPassword)),
                                                                   Updates.inc("tokenVersion", 1L)));
    }

    /**
     * Makes sure the metrics collector's account exists with this password: created on first start, its password
     * set again when the configuration changed it. It holds no role in any network and is no admin.
     */
    public void ensureMonitoring(String username, String rawPassword) {
        UserAccount account = byUsername(username).orElse(null);
        if (account == null) {
            try {
                create(username, "Metrics collector", rawPassword, false);
            } catch (RuntimeException alreadyCreated) {
                // another instance created it at the same moment
            }
            account = byUsername(username).orElseThrow();
        } else if (account.passwordHash() == null || !passwords.matches(rawPassword, account.passwordHash())) {
            users.updateOne(Filters.eq("_id", account.userId()),
                            Updates.combine(Updates.set("passwordHash", passwords.encode(rawPassword)),
                                            Updates.inc("tokenVersion", 1L)));
        }
        users.updateOne(Filters.eq("_id", account.userId()),
                        Updates.combine(Updates.set("monitoring", true), Updates.set("admin", false),
                                        Updates.set("grants", new ArrayList<>())));
    }

    /** Ends every token issued to the user so far. */
    public void revokeTokens(String userId) {
        users.updateOne(Filters.eq("_id", userId), Updates.inc("tokenVersion", 1L));
    }

    public Optional<UserAccount> byUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(users.find(Filters.eq("username", normalise(username))).first()).map(UserStore::account);
    }

    /**
     * The names users go by now (their display name, else their username), by user id, for showing who did something;
     * ids of no user are left out. One read for all of them.
     */
    public Map<String, String> displayNames(Collection<String> userIds) {
        Map<String, String> names = new HashMap<>();
        if (!userIds.isEmpty()) {
            users.find(Filters.in("_id", new HashSet<>(userIds)))
                 .projection(Projections.include("displayName", "username"))
                 .forEach(doc -> {
                     String name = doc.getString("displayName");
                     names.put(doc.getString("_id"), name == null || name.isBlank() ? doc.getString("username") : name);
                 });
        }
        return names;
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
                .append("tokenVersion", 0L)
                .append("identities", new ArrayList<>())
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
        List<UserAccount.LinkedIdentity> identities = new ArrayList<>();
        for (Document i : doc.getList("identities", Document.class, List.of())) {
            identities.add(new UserAccount.LinkedIdentity(i.getString("issuer"), i.getString("subject")));
        }
        Number tokenVersion = doc.get("tokenVersion", Number.class);
        return new UserAccount(doc.getString("_id"), doc.getString("username"), doc.getString("displayName"),
                               doc.getString("passwordHash"), doc.getBoolean("admin", false),
                               doc.getBoolean("enabled", true), grants, tokenVersion == null ? 0 : tokenVersion.longValue(),
                               identities, doc.getBoolean("monitoring", false));
    }
}
