package nl.samenspel.web.pages;

import nl.samenspel.web.api.SamenspelClient;
import nl.samenspel.web.security.SignedIn;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Who may open the coordinator's pages (logging entries, minutes, evaluations, import, people directory): the
 * network's coordinators; and, for the links a page offers, which roles a user holds in a network. The services check
 * every call anyway; asking first means a steering member who follows a link sees "not allowed" at once, not a form
 * that fails when sent.
 */
@Component
class Coordinators {
    private final SamenspelClient client;

    Coordinators(SamenspelClient client) {
        this.client = client;
    }

    static boolean isCoordinator(SamenspelClient.Me me, UUID networkId) {
        return holdsAny(me, networkId, "coordinator");
    }

    /** Whether the user holds any of these roles (wire names) in the network. */
    static boolean holdsAny(SamenspelClient.Me me, UUID networkId, String... roles) {
        java.util.List<String> wanted = java.util.List.of(roles);
        return me.grants().stream().anyMatch(g -> g.networkId().equals(networkId) && wanted.contains(g.role()));
    }

    /** Refuses (403) anyone who is not a coordinator of the network. */
    void require(UUID networkId, SignedIn user) {
        if (!isCoordinator(client.me(user.token()), networkId)) {
            throw new SamenspelClient.ApiException(403);
        }
    }
}
