package nl.samenspel.command.network;

import nl.samenspel.kernel.health.HealthPolicy;
import nl.samenspel.kernel.health.HealthPolicyChanged;
import nl.samenspel.kernel.network.NetworkEvent;


/**
 * The rules of the network group: a health policy names only thresholds and windows it knows, each within its bounds.
 * Founding and phase changes refer to nothing.
 */
final class NetworkRules extends GroupRules {
    NetworkRules(NetworkState state, String prefix) {
        super(state, prefix);
    }

    @Override
    void check(NetworkEvent entry) {
        if (entry instanceof HealthPolicyChanged e) {
            each(e.overrides().entrySet().stream().<Runnable>map(override -> () ->
                    HealthPolicy.problem(override.getKey(), override.getValue()).ifPresent(problem -> {
                        throw invalid("overrides." + override.getKey(), problem);
                    })).toList());
        }
    }
}
