package nl.samenspel.support.security;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A person who can log in: a platform admin, and/or holder of roles in networks. The password hash never leaves.
 *
 * @param tokenVersion raised whenever the user's tokens must stop working (password reset, disabling, revocation);
 *                     a token carries the version it was issued at
 * @param identities   the identity-provider accounts linked to this user, by issuer and subject
 * @param monitoring   the account a metrics collector scrapes with: it may read the metrics and nothing else
 */
public record UserAccount(String userId, String username, String displayName, @JsonIgnore String passwordHash,
                          boolean admin, boolean enabled, List<Grant> grants, @JsonIgnore long tokenVersion,
                          List<LinkedIdentity> identities, boolean monitoring) {

    /** An account at an identity provider: its issuer and its subject there, the only stable pair (OIDC Core 5.7). */
    public record LinkedIdentity(String issuer, String subject) {
    }

    public Set<UUID> networks() {
        return grants.stream().map(Grant::networkId).collect(Collectors.toSet());
    }
}
