package nl.samenspel.command.network;

import java.time.LocalDate;
import java.util.UUID;

/** What the Network aggregate remembers of a partner to decide on later commands. */
record Partner(UUID partnerId, String name, LocalDate joinedOn, LocalDate withdrawnOn) {

    boolean isActive() {
        return withdrawnOn == null;
    }

    Partner withdrawn(LocalDate on) {
        return new Partner(partnerId, name, joinedOn, on);
    }
}
