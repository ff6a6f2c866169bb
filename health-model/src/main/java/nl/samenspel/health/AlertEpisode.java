package nl.samenspel.health;

import java.time.YearMonth;
import java.util.List;

/**
 * An alert from the month its rule first held until the month it stopped holding (null while still open).
 *
 * <p>An alert can change severity while it holds (a dip risk that becomes a dip, a temperature reaching level 4):
 * {@code severities} lists each severity with the months it held, oldest first, so a steering group sees when it
 * became critical. {@code severity} is the highest severity the episode reached, and {@code title}, {@code evidence}
 * and {@code suggestedResponse} are those of the first month at that severity; {@code currentSeverity} is the
 * severity of its last month.
 */
public record AlertEpisode(String id, String title, Severity severity, YearMonth raised, YearMonth cleared,
                           List<String> evidence, String suggestedResponse, Severity currentSeverity,
                           List<Period> severities) {

    /** One severity of an episode: from the month it first held to the first month it no longer did (null: still). */
    public record Period(Severity severity, String title, YearMonth from, YearMonth until) {
    }

    public boolean open() {
        return cleared == null;
    }
}
