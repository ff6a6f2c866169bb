package nl.samenspel.query.facts;

import nl.samenspel.kernel.network.NetworkEvent;

/**
 * One entry of a network's log as the fold sees it: the fact, and the event id by which corrections and retractions
 * name it.
 */
public record LoggedEntry(String eventId, NetworkEvent event) {
}
