package nl.samenspel.support.security;

import nl.samenspel.kernel.access.NetworkRole;

import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The authenticated caller, with the roles it holds right now (read from the user store on every request). */
public record SamenspelPrincipal(String userId, String username, boolean admin, List<Grant> grants, boolean monitoring)
        implements Principal {

    public SamenspelPrincipal(String userId, String username, boolean admin, List<Grant> grants) {
        this(userId, username, admin, grants, false);
    }

    public static SamenspelPrincipal of(UserAccount account) {
        return new SamenspelPrincipal(account.userId(), account.username(), account.admin(), List.copyOf(account.grants()),
                                      account.monitoring());
    }

    @Override
    public String getName() {
        return username;
    }

    public Set<NetworkRole> rolesIn(UUID networkId) {
        return grants.stream().filter(g -> g.networkId().equals(networkId)).map(Grant::role).collect(Collectors.toSet());
    }

    public Set<UUID> networks() {
        return grants.stream().map(Grant::networkId).collect(Collectors.toSet());
    }
}
