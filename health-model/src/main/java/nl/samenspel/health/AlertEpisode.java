package nl.samenspel.health;

import java.time.YearMonth;
import java.util.List;

/** An alert from the month its rule first held until the month it stopped holding (null while still open). */
public record AlertEpisode(String id, String title, Severity severity, YearMonth raised, YearMonth cleared,
                           List<String> evidence, String suggestedResponse) {

    public boolean open() {
        return cleared == null;
    }
}
