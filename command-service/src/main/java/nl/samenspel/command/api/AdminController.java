package nl.samenspel.command.api;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import nl.samenspel.kernel.Limits;
import nl.samenspel.kernel.access.NetworkRole;
import nl.samenspel.kernel.validation.Checks;
import nl.samenspel.kernel.validation.RuleViolation;
import nl.samenspel.support.security.Access;
import nl.samenspel.support.security.AccessLog;
import nl.samenspel.support.security.Actor;
import nl.samenspel.support.security.UserAccount;
import nl.samenspel.support.security.UserStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * User and role management for platform admins: creating, disabling and enabling users, resetting a password, ending a
 * user's tokens, linking an identity-provider account, and granting and revoking roles in networks that exist. Every
 * change is written to the access log.
 */
@RestController
@RequestMapping("/api/admin")
public class AdminController {
    private final UserStore users;
    private final AccessLog accessLog;
    private final EventStore events;

    public AdminController(UserStore users, AccessLog accessLog, EventStore events) {
        this.users = users;
        this.accessLog = accessLog;
        this.events = events;
    }

    public record NewPassword(String password) {
    }

    public record NewIdentity(String issuer, String subject) {
    }

    public record NewUser(String username, String displayName, String password, Boolean admin) {
    }

    public record NewGrant(UUID networkId, NetworkRole role) {
    }

    @GetMapping("/users")
    @Access(Access.Audience.ADMIN)
    public List<UserAccount> users() {
        return users.all();
    }

    /**
     * A password is hashed with BCrypt, which takes at most 72 bytes of it: a longer one was answered with an internal
     * error. 72 bytes are 72 plain letters, fewer with accents (two bytes each in UTF-8).
     */
    private static final String TOO_LONG_TO_HASH = "must be at most 72 bytes in UTF-8: 72 plain letters, fewer with accents";

    private static boolean tooLongToHash(String password) {
        return password != null && password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72;
    }

    @PostMapping("/users")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @Access(Access.Audience.ADMIN)
    public ResponseEntity<UserAccount> createUser(@RequestBody NewUser request, HttpServletRequest http) {
        Checks.start()
              .name("username", request.username(), Limits.SHORT_TEXT)
              .when(request.username() != null && !request.username().strip().matches("[A-Za-z0-9._@-]+"), "username",
                    "may only hold letters, digits and . _ @ -")
              .name("displayName", request.displayName(), Limits.NAME)
              .when(request.password() != null && request.password().length() < 12, "password",
                    "must be at least 12 characters (or left out for identity-provider users)")
              .optionalText("password", request.password(), Limits.SHORT_TEXT)
              .when(tooLongToHash(request.password()), "password", TOO_LONG_TO_HASH)
              .orThrow();
        UserAccount created = users.create(request.username(), request.displayName().strip(), request.password(),
                                           Boolean.TRUE.equals(request.admin()));
        accessLog.record(Actor.of(http).principal(), created.admin() ? "admin-created" : "user-created",
                         created.userId(), null, null, null);
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @PostMapping("/users/{userId}/grants")
    @ApiResponse(responseCode = "201", description = "Granted", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "The user already held this role", useReturnTypeSchema = true)
    @Access(Access.Audience.ADMIN)
    public ResponseEntity<UserAccount> grant(@PathVariable String userId, @RequestBody NewGrant request,
                                             HttpServletRequest http) {
        Checks.start().required("networkId", request.networkId()).required("role", request.role()).orThrow();
        existing(userId);
        if (events.lastSequenceNumberFor(request.networkId().toString()).isEmpty()) {
            throw RuleViolation.notFound("networkId", "no network with this id");
        }
        boolean changed = users.grant(userId, request.networkId(), request.role());
        if (changed) {
            accessLog.record(Actor.of(http).principal(), "role-granted", userId, request.networkId().toString(),
                             request.role().wireName(), null);
        }
        return ResponseEntity.status(changed ? HttpStatus.CREATED : HttpStatus.OK).body(existing(userId));
    }

    @DeleteMapping("/users/{userId}/grants/{networkId}/{role}")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @Access(Access.Audience.ADMIN)
    public ResponseEntity<Void> revoke(@PathVariable String userId, @PathVariable UUID networkId,
                                       @PathVariable String role, HttpServletRequest http) {
        existing(userId);
        NetworkRole networkRole;
        try {
            networkRole = NetworkRole.fromWire(role);
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid("role", "must be one of: coordinator, steering, auditor");
        }
        if (!users.revoke(userId, networkId, networkRole)) {
            throw RuleViolation.notFound("role", "the user does not hold this role in this network");
        }
        accessLog.record(Actor.of(http).principal(), "role-revoked", userId, networkId.toString(), networkRole.wireName(),
                         null);
        return ResponseEntity.noContent().build();
    }

    /** Disables a user: their logins and every token issued to them stop working at once. */
    @PostMapping("/users/{userId}/disable")
    @Access(Access.Audience.ADMIN)
    public UserAccount disable(@PathVariable String userId, HttpServletRequest http) {
        UserAccount user = existing(userId);
        if (user.userId().equals(Actor.of(http).principal().userId())) {
            throw RuleViolation.conflict("userId", "an admin cannot disable their own account");
        }
        users.setEnabled(userId, false);
        accessLog.record(Actor.of(http).principal(), "user-disabled", userId, null, null, null);
        return existing(userId);
    }

    @PostMapping("/users/{userId}/enable")
    @Access(Access.Audience.ADMIN)
    public UserAccount enable(@PathVariable String userId, HttpServletRequest http) {
        existing(userId);
        users.setEnabled(userId, true);
        accessLog.record(Actor.of(http).principal(), "user-enabled", userId, null, null, null);
        return existing(userId);
    }

    /** Sets a new password (for a user who lost theirs); every token issued before stops working. */
    @PostMapping("/users/{userId}/password")
    @ApiResponse(responseCode = "204", description = "Password reset")
    @Access(Access.Audience.ADMIN)
    public ResponseEntity<Void> resetPassword(@PathVariable String userId, @RequestBody NewPassword request,
                                              HttpServletRequest http) {
        Checks.start().required("password", request.password())
              .when(request.password() != null && request.password().length() < 12, "password",
                    "must be at least 12 characters")
              .optionalText("password", request.password(), Limits.SHORT_TEXT)
              .when(tooLongToHash(request.password()), "password", TOO_LONG_TO_HASH)
              .orThrow();
        existing(userId);
        users.resetPassword(userId, request.password());
        accessLog.record(Actor.of(http).principal(), "password-reset", userId, null, null, null);
        return ResponseEntity.noContent().build();
    }

    /** Ends every bearer token issued to the user so far (a lost laptop); their password keeps working. */
    @PostMapping("/users/{userId}/revoke-tokens")
    @ApiResponse(responseCode = "204", description = "Tokens revoked")
    @Access(Access.Audience.ADMIN)
    public ResponseEntity<Void> revokeTokens(@PathVariable String userId, HttpServletRequest http) {
        existing(userId);
        users.revokeTokens(userId);
        accessLog.record(Actor.of(http).principal(), "tokens-revoked", userId, null, null, null);
        return ResponseEntity.noContent().build();
    }

    /**
     * Links an account at the organisation's identity provider (its issuer and the subject it gives the person) to
     * this user, so that the provider's tokens for that subject act as this user.
     */
    @PostMapping("/users/{userId}/identities")
    @ApiResponse(responseCode = "201", description = "Linked", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Already linked", useReturnTypeSchema = true)
    @Access(Access.Audience.ADMIN)
    public ResponseEntity<UserAccount> link(@PathVariable String userId, @RequestBody NewIdentity request,
                                            HttpServletRequest http) {
        Checks.start().text("issuer", request.issuer(), Limits.SHORT_TEXT)
              .text("subject", request.subject(), Limits.SHORT_TEXT).orThrow();
        existing(userId);
        boolean changed = users.link(userId, request.issuer().strip(), request.subject().strip());
        if (changed) {
            accessLog.record(Actor.of(http).principal(), "identity-linked", userId, null, null, null);
        }
        return ResponseEntity.status(changed ? HttpStatus.CREATED : HttpStatus.OK).body(existing(userId));
    }

    @GetMapping("/access-log")
    @Access(Access.Audience.ADMIN)
    public List<AccessLog.Entry> accessLog() {
        return accessLog.all();
    }

    private UserAccount existing(String userId) {
        return users.byId(userId).orElseThrow(() -> RuleViolation.notFound("userId", "no user with this id"));
    }
}
