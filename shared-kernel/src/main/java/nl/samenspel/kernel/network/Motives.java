package nl.samenspel.kernel.network;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

final class Motives {
    private Motives() {
    }

    /** Motives in declaration order, so equal commands serialize and fingerprint identically. */
    static Set<Motive> normalised(Collection<Motive> motives) {
        EnumSet<Motive> set = EnumSet.noneOf(Motive.class);
        if (motives != null) {
            motives.stream().filter(java.util.Objects::nonNull).forEach(set::add);
        }
        return Collections.unmodifiableSet(set);
    }
}
