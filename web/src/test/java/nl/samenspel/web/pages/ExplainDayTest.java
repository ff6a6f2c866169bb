package nl.samenspel.web.pages;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The day an entry was logged is the pages' day, as the log shows its moment, not the day in UTC. */
class ExplainDayTest {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    /** Logged at 00:37 in Amsterdam on the day it happened: explain said it was logged the day before. */
    @Test
    void anEntryLoggedJustAfterMidnightIsLoggedOnThatDay() {
        assertThat(ExplainController.day("2026-12-07T23:37:47.123Z", AMSTERDAM)).isEqualTo("2026-12-08");
        assertThat(ExplainController.day("2026-07-01T21:59:59Z", AMSTERDAM)).as("summer time: UTC+2").isEqualTo("2026-07-01");
        assertThat(ExplainController.day("2026-07-01T22:00:00Z", AMSTERDAM)).isEqualTo("2026-07-02");
        assertThat(ExplainController.day(null, AMSTERDAM)).isEmpty();
    }
}
