package nl.samenspel.platform;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Today" is the same day for the pages and for the commands, whatever zone the server runs in: the day of the
 * business zone ({@code samenspel.zone}). Before, the commands took the server's zone while the pages filled in the
 * Amsterdam day, so after midnight in Amsterdam an entry dated today was refused as lying in the future.
 *
 * <p>Of the zones 14 hours ahead of and 12 hours behind UTC, at any moment at least one is on another day than UTC;
 * the test runs the platform in that one, on a server whose own zone is UTC.
 */
class BusinessDayTest {

    @Test
    void anEntryDatedTodayInTheBusinessZoneIsTakenAndTomorrowThereIsRefused() {
        LocalDate utc = LocalDate.now(ZoneOffset.UTC);
        ZoneId ahead = ZoneId.of("Etc/GMT-14");
        ZoneId behind = ZoneId.of("Etc/GMT+12");
        ZoneId zone = !LocalDate.now(ahead).equals(utc) ? ahead : behind;
        LocalDate today = LocalDate.now(zone);
        assertThat(today).as("a zone on another day than UTC").isNotEqualTo(utc);
        try (TestPlatform tp = new TestPlatform("--samenspel.zone=" + zone.getId(), "--samenspel.web.zone=" + zone.getId())) {
            String network = tp.found("Netwerk Over De Datumgrens");
            tp.grantCoordinator(network);
            Api.Response onToday = Api.post(tp.commandPort(), "/api/networks/" + network + "/entries/phase-changed",
                                            "{\"phase\":\"exploration\",\"occurredOn\":\"" + today + "\"}", tp.coordinator);
            assertThat(onToday.status()).as(onToday.body()).isEqualTo(201);
            LocalDate tomorrow = today.plusDays(1);
            Api.Response onTomorrow = Api.post(tp.commandPort(), "/api/networks/" + network + "/entries/phase-changed",
                                               "{\"phase\":\"exploration\",\"occurredOn\":\"" + tomorrow + "\"}",
                                               tp.coordinator);
            assertThat(onTomorrow.status()).as(onTomorrow.body()).isEqualTo(400);
            assertThat(onTomorrow.body()).contains("occurredOn", "lies in the future", tomorrow.toString());
        }
    }
}
