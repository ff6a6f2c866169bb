package nl.samenspel.web.pages;

import org.springframework.context.i18n.LocaleContextHolder;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;

/**
 * A moment as every page shows it: in the pages' time zone ({@code samenspel.web.zone}, {@code SAMENSPEL_TIME_ZONE}), to the second, so that an
 * auditor comparing the history, the thresholds page and the access log sees the same clock everywhere.
 */
final class Moments {
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Moments() {
    }

    /**
     * The pages' time zone as a reader names it, in the language of the page being answered ("Midden-Europese tijd",
     * "Central European Time"), not its code ("Europe/Amsterdam").
     */
    static String zoneName(ZoneId zone) {
        return zone.getDisplayName(TextStyle.FULL, LocaleContextHolder.getLocale());
    }

    /** {@code instant} (ISO-8601, as the services write it) in {@code zone}; empty when there is none. */
    static String local(String instant, ZoneId zone) {
        if (instant == null || instant.isBlank()) {
            return "";
        }
        return LocalDateTime.ofInstant(Instant.parse(instant), zone).truncatedTo(ChronoUnit.SECONDS).format(MOMENT);
    }
}
