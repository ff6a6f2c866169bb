package nl.samenspel.support.security;

import nl.samenspel.kernel.access.NetworkRole;

import java.util.UUID;

/** One role of one user in one network. */
public record Grant(UUID networkId, NetworkRole role) {
}
