package nl.samenspel.support.security;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A person who can log in: a platform admin, and/or holder of roles in networks. The password hash never leaves. */
public record UserAccount(String userId, String username, String displayName, @JsonIgnore String passwordHash,
                          boolean admin, boolean enabled, List<Grant> grants) {

    public Set<UUID> networks() {
        return grants.stream().map(Grant::networkId).collect(Collectors.toSet());
    }
}
