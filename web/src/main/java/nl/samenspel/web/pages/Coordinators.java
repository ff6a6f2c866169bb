package nl.samenspel.web.pages;

import nl.samenspel.web.api.SamenspelClient;
import nl.samenspel.web.security.SignedIn;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Who may open the coordinator's pages (import, people directory): the network's coordinators. The services check
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
        return me.grants().stream().anyMatch(g -> g.networkId().equals(networkId) && "coordinator".equals(g.role()));
    }

    /** Refuses (403) anyone who is not a coordinator of the network. */
    void require(UUID networkId, SignedIn user) {
        if (!isCoordinator(client.me(user.token()), networkId)) {
            throw new SamenspelClient.ApiException(403);
        }
    }
}
