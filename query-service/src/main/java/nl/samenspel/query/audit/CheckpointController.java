package nl.samenspel.query.audit;

import nl.samenspel.eventstore.CheckpointKey;
import nl.samenspel.kernel.access.NetworkRole;
import nl.samenspel.kernel.validation.RuleViolation;
import nl.samenspel.query.network.NetworkView;
import nl.samenspel.support.security.Access;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The platform's checkpoint signing key (public part) and the signed monthly checkpoints of a network's log. */
@RestController
public class CheckpointController {
    private final CheckpointKey key;
    private final Checkpoints checkpoints;
    private final MongoTemplate mongo;

    public CheckpointController(CheckpointKey key, Checkpoints checkpoints, MongoTemplate mongo) {
        this.key = key;
        this.checkpoints = checkpoints;
        this.mongo = mongo;
    }

    /** The Ed25519 public key that checkpoints are signed with, as the verifiers' {@code --public-key} reads it. */
    public record PublicKeyView(String algorithm, String publicKey, String pem) {
    }

    @GetMapping("/api/checkpoint-key")
    @Access(Access.Audience.AUTHENTICATED)
    public PublicKeyView publicKey() {
        return new PublicKeyView("Ed25519", key.publicKeyBase64(), key.publicKeyPem());
    }

    /** The network's checkpoints, one per month (the first verification of the month that found the log intact). */
    @GetMapping("/api/networks/{networkId}/checkpoints")
    @Access(value = Access.Audience.NETWORK, roles = {NetworkRole.AUDITOR, NetworkRole.COORDINATOR, NetworkRole.STEERING})
    public List<Checkpoints.MonthlyCheckpoint> checkpoints(@PathVariable UUID networkId) {
        if (mongo.findById(networkId, NetworkView.class) == null) {
            throw RuleViolation.notFound("networkId", "no network with this id");
        }
        return checkpoints.list(networkId.toString());
    }
}
