package nl.samenspel.health;

import java.util.List;

/** The indicators and alert rules of the standard model, in the order they are computed. */
final class Catalogue {
    private Catalogue() {
    }

    static List<Indicator> indicators() {
        return List.of();
    }

    static List<AlertRule> alerts() {
        return List.of();
    }
}
