package nl.samenspel.query.audit;

import nl.samenspel.eventstore.CheckpointKey;
import nl.samenspel.kernel.access.NetworkRole;
import nl.samenspel.kernel.validation.RuleViolation;
import nl.samenspel.query.network.NetworkView;
import nl.samenspel.support.security.Access;
import nl.samenspel.verify.Anchor;
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
    public record PublicKeyView(String algorithm, String publicKey, String pem, String fingerprint) {
    }

    @GetMapping("/api/checkpoint-key")
    @Access(Access.Audience.AUTHENTICATED)
    public PublicKeyView publicKey() {
        return new PublicKeyView("Ed25519", key.publicKeyBase64(), key.publicKeyPem(), "SHA-256:" + key.fingerprint());
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

    /** A checkpoint of the log at this instant, or (intact false) where the log is broken. */
    public record CurrentCheckpoint(boolean intact, Anchor checkpoint, String keyFingerprint, Long brokenAtSequence,
                                    String breakKind) {
    }

    /**
     * The log's checkpoint now, signed for a steering report to carry. Steering may ask for it, as for the monthly
     * ones: it names only a sequence number, a hash and a time, no content of any entry, and a steering group that
     * hands out a report is exactly who should hold a witness an auditor can check later.
     */
    @GetMapping("/api/networks/{networkId}/checkpoint")
    @Access(value = Access.Audience.NETWORK, roles = {NetworkRole.AUDITOR, NetworkRole.COORDINATOR, NetworkRole.STEERING})
    public CurrentCheckpoint current(@PathVariable UUID networkId) {
        if (mongo.findById(networkId, NetworkView.class) == null) {
            throw RuleViolation.notFound("networkId", "no network with this id");
        }
        Checkpoints.Current now = checkpoints.now(networkId.toString());
        var verification = now.verification();
        return new CurrentCheckpoint(verification.intact(), now.checkpoint(), "SHA-256:" + key.fingerprint(),
                                     verification.brokenAtSequence(), verification.breakKind());
    }
}
