package nl.samenspel.health;

import nl.samenspel.kernel.health.HealthPolicy;
import nl.samenspel.kernel.meeting.MeetingHeld;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.PartnerJoined;
import nl.samenspel.kernel.people.Level;
import nl.samenspel.kernel.tension.ConflictResolved;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style: for many random histories and every month of them, a month's context answers from the dated index
 * exactly what a plain scan of the effective history up to the end of the month gives — the same facts in the same
 * order for every kind (interfaces, kinds that never occur), every window, every grouping, and the roster.
 */
class HistoryIndexTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void aMonthAnswersFromTheIndexExactlyWhatAScanOfItsHistoryGives() {
        for (long seed = 1; seed <= 40; seed++) {
            List<LoggedEntry> effective = EffectiveHistory.of(RandomHistories.generate(seed, TODAY));
            HistoryIndex index = new HistoryIndex(effective);
            Set<Class<?>> types = new LinkedHashSet<>();
            effective.forEach(e -> types.add(e.event().getClass()));
            types.add(NetworkEvent.class);
            types.add(Object.class);
            types.add(Record.class);
            types.add(ConflictResolved.class);
            Random random = new Random(seed);
            YearMonth first = YearMonth.from(effective.get(0).occurredOn());
            for (YearMonth month = first.minusMonths(1); !month.isAfter(YearMonth.from(TODAY)); month = month.plusMonths(1)) {
                boolean provisional = month.atEndOfMonth().isAfter(TODAY);
                LocalDate end = provisional ? TODAY : month.atEndOfMonth();
                List<LoggedEntry> upTo = effective.stream().filter(e -> !e.occurredOn().isAfter(end)).toList();
                MonthContext context = new MonthContext(month, end, provisional, HealthPolicy.defaults(), index, List.of());

                assertThat(context.history()).as("history of %s, seed %d", month, seed).isEqualTo(upTo);
                assertThat(context.roster().members()).containsExactlyElementsOf(Roster.of(upTo).members());
                for (LoggedEntry partner : upTo.stream().filter(e -> e.event() instanceof PartnerJoined).toList()) {
                    UUID id = ((PartnerJoined) partner.event()).partnerId();
                    for (Level level : Level.values()) {
                        assertThat(context.allWith("attendance", MeetingHeld.class, m -> m.attendance().stream()
                                                           .map(a -> List.<Object>of(a.partnerId(), a.level())).toList(),
                                                   List.<Object>of(id, level)))
                                .as("meetings attended by %s at %s", id, level)
                                .isEqualTo(scan(upTo, MeetingHeld.class).stream().filter(m -> m.event().attendance().stream()
                                        .anyMatch(a -> a.partnerId().equals(id) && a.level() == level)).toList());
                    }
                }
                for (Class<?> type : types) {
                    assertThat(context.all(type)).as("all %s in %s, seed %d", type.getSimpleName(), month, seed)
                                                 .isEqualTo(scan(upTo, type));
                    for (int k = 0; k < 4; k++) {
                        int days = random.nextInt(400);
                        assertThat(context.withinDays(type, days)).as("%s within %d days", type.getSimpleName(), days)
                                .isEqualTo(window(upTo, type, end.minusDays(days), end));
                        int months = random.nextInt(13);
                        assertThat(context.withinMonths(type, months)).as("%s within %d months", type.getSimpleName(), months)
                                .isEqualTo(window(upTo, type, end.minusMonths(months), end));
                        LocalDate from = end.minusDays(random.nextInt(900) - 100);
                        LocalDate to = from.plusDays(random.nextInt(500) - 50);
                        assertThat(context.between(type, from, to)).as("%s between %s and %s", type.getSimpleName(), from, to)
                                .isEqualTo(window(upTo, type, from, to));
                    }
                }
            }
        }
    }

    @Test
    void theIndexRefusesAHistoryOutOfBusinessOrder() {
        List<LoggedEntry> effective = new ArrayList<>(EffectiveHistory.of(RandomHistories.generate(7, TODAY)));
        java.util.Collections.reverse(effective);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new HistoryIndex(effective));
    }

    private static <T> List<Fact<T>> scan(List<LoggedEntry> history, Class<T> type) {
        List<Fact<T>> result = new ArrayList<>();
        for (LoggedEntry entry : history) {
            if (type.isInstance(entry.event())) {
                result.add(new Fact<>(entry, type.cast(entry.event())));
            }
        }
        return result;
    }

    private static <T> List<Fact<T>> window(List<LoggedEntry> history, Class<T> type, LocalDate fromExclusive, LocalDate toInclusive) {
        return scan(history, type).stream().filter(f -> f.on().isAfter(fromExclusive) && !f.on().isAfter(toInclusive)).toList();
    }
}
