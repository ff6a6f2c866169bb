package nl.samenspel.health;

import nl.samenspel.kernel.history.EffectiveLog;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class TouchedDatesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    /** The first month, read by asking every entry in turn what it can change: the definition the short cut must keep. */
    private static YearMonth everyEntryAsked(List<LoggedEntry> log, Predicate<LoggedEntry> chosen) {
        TouchedDates touched = new TouchedDates();
        YearMonth first = null;
        for (LoggedEntry entry : log) {
            List<LocalDate> dates = touched.of(entry);
            if (chosen.test(entry)) {
                for (LocalDate date : dates) {
                    YearMonth month = YearMonth.from(date);
                    first = first == null || month.isBefore(first) ? month : first;
                }
            }
        }
        return first;
    }

    @Test
    void theFirstMonthOfTheChosenEntriesIsTheOneEveryEntryAskedGives() {
        int corrections = 0;
        int earlierThanTheirOwnDates = 0;
        for (long seed = 1; seed <= 60; seed++) {
            List<LoggedEntry> log = RandomHistories.generate(seed, TODAY);
            corrections += (int) log.stream().filter(e -> EffectiveLog.isCorrection(e.event())).count();
            Random random = new Random(seed);
            for (int round = 0; round < 10; round++) {
                // the entries after a position, as "known at" chooses them, a random few, or the corrections and
                // retractions after a position
                int from = random.nextInt(log.size());
                long position = log.get(from).sequence();
                Predicate<LoggedEntry> chosen = switch (round % 3) {
                    case 0 -> e -> e.sequence() >= position;
                    case 1 -> e -> Math.floorMod(e.eventId().hashCode() + from, 7) == 0;
                    default -> e -> e.sequence() >= position / 2 && EffectiveLog.isCorrection(e.event());
                };
                YearMonth expected = everyEntryAsked(log, chosen);
                assertThat(TouchedDates.firstMonth(log, chosen)).as("seed %d round %d", seed, round).isEqualTo(expected);
                YearMonth ownDates = log.stream().filter(chosen).map(e -> YearMonth.from(e.occurredOn()))
                                        .min(YearMonth::compareTo).orElse(null);
                if (expected != null && expected.isBefore(ownDates)) {
                    earlierThanTheirOwnDates++;
                }
            }
        }
        assertThat(corrections).as("corrections and retractions among the entries").isGreaterThan(40);
        assertThat(earlierThanTheirOwnDates).as("choices whose first month comes from what a correction changed")
                                            .isGreaterThan(10);
    }
}
