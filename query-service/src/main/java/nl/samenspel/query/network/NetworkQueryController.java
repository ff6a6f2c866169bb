package nl.samenspel.query.network;

import nl.samenspel.eventstore.ChainVerification;
import jakarta.servlet.http.HttpServletRequest;
import nl.samenspel.kernel.access.NetworkRole;
import nl.samenspel.kernel.validation.RuleViolation;
import nl.samenspel.query.audit.Checkpoints;
import nl.samenspel.query.reads.ReadFrom;
import nl.samenspel.support.security.Access;
import nl.samenspel.support.security.Actor;
import nl.samenspel.support.security.SamenspelPrincipal;
import org.springframework.data.domain.Sort;
import nl.samenspel.eventstore.MongoEventStorageEngine;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Questions about networks, answered from read models (and, for integrity, from the event log itself). */
@RestController
@RequestMapping("/api/networks")
public class NetworkQueryController {
    private final MongoTemplate mongo;
    private final Checkpoints checkpoints;
    private final MongoEventStorageEngine eventStore;

    public NetworkQueryController(MongoTemplate mongo, Checkpoints checkpoints, MongoEventStorageEngine eventStore) {
        this.mongo = mongo;
        this.checkpoints = checkpoints;
        this.eventStore = eventStore;
    }

    /** The networks the caller holds a role in; a platform admin sees all of them. */
    @GetMapping
    @Access(Access.Audience.AUTHENTICATED)
    @ReadFrom(NetworkViewProjection.PROCESSOR)
    public List<NetworkView.NetworkSummary> networks(HttpServletRequest http) {
        SamenspelPrincipal caller = Actor.of(http).principal();
        Query query = new Query().with(Sort.by("name"));
        if (!caller.admin()) {
            query.addCriteria(Criteria.where("_id").in(caller.networks()));
        }
        return mongo.find(query, NetworkView.class).stream().map(NetworkView::summary).toList();
    }

    @GetMapping("/{networkId}")
    @ReadFrom(NetworkViewProjection.PROCESSOR)
    @Access(value = Access.Audience.NETWORK, roles = {NetworkRole.COORDINATOR, NetworkRole.STEERING, NetworkRole.AUDITOR})
    public NetworkView network(@PathVariable UUID networkId) {
        NetworkView view = mongo.findById(networkId, NetworkView.class);
        if (view == null) {
            throw RuleViolation.notFound("networkId", "no network with this id");
        }
        return view;
    }

    /**
     * Verifies the network's log in the store (every sequence present and committed, the hash chain, the head kept
     * apart, the signed monthly checkpoints) and reports the first bad sequence and the kind of break, if any.
     */
    @GetMapping("/{networkId}/integrity")
    @Access(value = Access.Audience.NETWORK, roles = {NetworkRole.AUDITOR, NetworkRole.COORDINATOR})
    public ChainVerification integrity(@PathVariable UUID networkId) {
        // The log is what is verified, so a network the log knows (by its recorded head, or by its first event while
        // the head is still being recorded) is verified even while the read models still catch up, e.g. right after
        // a restart; the view answers for networks the log does not know.
        String aggregate = networkId.toString();
        if (eventStore.recordedHead(aggregate) == null && eventStore.readStoredEvents(aggregate, 0, 1).isEmpty()) {
            network(networkId);
        }
        return checkpoints.verify(aggregate);
    }
}
