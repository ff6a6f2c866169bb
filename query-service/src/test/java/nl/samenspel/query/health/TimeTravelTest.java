package nl.samenspel.query.health;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspel.health.HealthModel;
import nl.samenspel.health.LoggedEntry;
import nl.samenspel.health.MonthHealth;
import nl.samenspel.kernel.exchange.BalanceRating;
import nl.samenspel.kernel.meeting.Attendance;
import nl.samenspel.kernel.meeting.MeetingKind;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.people.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.samenspel.query.facts.Events.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * "As of" a date and "as known at" an instant reuse today's timeline for the months before the ones they must
 * compute: for every date, and with entries recorded late (back-dated, corrected, retracted), their answers equal a
 * fold of the whole log (or of what was known then) up to that date.
 */
class TimeTravelTest {
    private static final UUID HOSPITAL = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID TOWN = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID SCHOOL = UUID.fromString("00000000-0000-0000-0000-000000000003");

    private final HealthFixture fixture = new HealthFixture();
    private final HealthModel model = HealthModel.standard();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void asOfAndAsKnownAtEqualAFoldOfTheirHistoryUpToTheDate() throws Exception {
        fixture.append(NETWORK, founded("Zorgnetwerk Noorderkwartier", "2025-01-10"),
                       joined(HOSPITAL, "Ziekenhuis Noord", ParticipationLevel.CORE, "2025-01-15"),
                       joined(TOWN, "Gemeente Noord", ParticipationLevel.CORE, "2025-01-20"),
                       balance(TOWN, BalanceRating.BALANCED, "2025-02-14"));
        LocalDate day = LocalDate.parse("2025-02-03");
        while (day.isBefore(LocalDate.parse("2026-11-20"))) {
            fixture.append(NETWORK, meeting(UUID.randomUUID(), MeetingKind.FORMAL,
                                            List.of(new Attendance(HOSPITAL, Level.BOARD), new Attendance(TOWN, Level.BOARD)),
                                            day.toString()));
            day = day.plusDays(23);
        }
        Thread.sleep(5);
        Instant knownAt = Instant.now();
        Thread.sleep(5);
        List<LoggedEntry> known = fixture.logs.read(NETWORK, -1);
        String balance = known.get(3).eventId();
        String lateMeeting = known.get(10).eventId();
        fixture.append(NETWORK, joined(SCHOOL, "Basisschool De Linde", ParticipationLevel.PARTICIPANT, "2026-10-02"),
                       corrected(balance, balance(TOWN, BalanceRating.UNFAIR, "2025-02-14"), "2026-11-25"),
                       retracted(lateMeeting, "2026-11-26"));

        // The entries carry the real moment they were recorded; the service's day lies after it.
        fixture.clock.set(LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1));
        HealthQueries queries = new HealthQueries(fixture.healthStore(), fixture.logs, fixture.clock);
        List<LoggedEntry> log = fixture.logs.read(NETWORK, -1);
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = LocalDate.parse("2025-01-10"); !d.isAfter(LocalDate.parse("2026-11-30")); d = d.plusDays(17)) {
            dates.add(d);
        }
        dates.add(LocalDate.parse("2026-11-30"));
        for (LocalDate date : dates) {
            assertThat(tree(queries.asOf(NETWORK, date))).as("as of " + date)
                    .isEqualTo(tree(model.timeline(log, date).latest()));
            Map<String, Object> compared = queries.compare(NETWORK, date, knownAt);
            assertThat(tree(compared.get("asKnownAt"))).as("as known at, as of " + date)
                    .isEqualTo(tree(model.timeline(known, date).latest()));
            assertThat(tree(compared.get("asOf"))).isEqualTo(tree(model.timeline(log, date).latest()));
            explainedAsTheirEvidenceSays(compared, model.timeline(log, date).latest(), model.timeline(known, date).latest());
        }
        // The corrected rating is what give and take (H4) counts; it is evidence there on both sides.
        Map<String, Object> march = queries.compare(NETWORK, LocalDate.parse("2025-03-31"), knownAt);
        assertThat(lateEntries(march)).filteredOn(line -> line.get("type").equals("EntryCorrected"))
                .singleElement().satisfies(line -> assertThat(String.valueOf(line.get("explains"))).contains("H4"));
        MonthHealth before = model.timeline(known, LocalDate.parse("2025-03-31")).latest();
        assertThat(tree(queries.compare(NETWORK, LocalDate.parse("2025-03-31"), knownAt).get("asOf")))
                .as("the late entries change what is seen of March 2025").isNotEqualTo(tree(before));
    }

    /**
     * Entries logged between requests (in the current month, back-dated, a correction, a retraction) and days and
     * months passing: today's timeline is continued from the months the new entries cannot change, and every "as of"
     * still equals a fold of the whole log up to its date.
     */
    @Test
    void asOfStaysAFoldOfTheLogWhileEntriesArriveAndTimePasses() throws Exception {
        fixture.append(NETWORK, founded("Zorgnetwerk Noorderkwartier", "2025-01-10"),
                       joined(HOSPITAL, "Ziekenhuis Noord", ParticipationLevel.CORE, "2025-01-15"),
                       joined(TOWN, "Gemeente Noord", ParticipationLevel.CORE, "2025-01-20"));
        List<Attendance> both = List.of(new Attendance(HOSPITAL, Level.BOARD), new Attendance(TOWN, Level.BOARD));
        for (LocalDate day = LocalDate.parse("2025-02-03"); day.isBefore(LocalDate.parse("2026-10-20"));
             day = day.plusDays(19)) {
            fixture.append(NETWORK, meeting(UUID.randomUUID(), MeetingKind.FORMAL, both, day.toString()));
        }
        fixture.clock.set(LocalDate.parse("2026-11-14"));
        HealthQueries queries = new HealthQueries(fixture.healthStore(), fixture.logs, fixture.clock);
        List<Runnable> arrivals = List.of(
                () -> fixture.append(NETWORK, meeting(UUID.randomUUID(), MeetingKind.FORMAL, both, "2026-11-12")),
                () -> fixture.append(NETWORK, meeting(UUID.randomUUID(), MeetingKind.FORMAL, both, "2025-06-07"),
                                     meeting(UUID.randomUUID(), MeetingKind.FORMAL, both, "2025-06-21")),
                () -> fixture.append(NETWORK, corrected(fixture.logs.read(NETWORK, -1).get(5).eventId(),
                                                        meeting(UUID.randomUUID(), MeetingKind.FORMAL,
                                                                List.of(new Attendance(HOSPITAL, Level.BOARD)),
                                                                "2025-03-30"), "2026-11-14")),
                () -> fixture.clock.set(LocalDate.parse("2026-11-20")),
                () -> fixture.append(NETWORK, retracted(fixture.logs.read(NETWORK, -1).get(12).eventId(), "2026-11-20")),
                () -> fixture.clock.set(LocalDate.parse("2026-12-02")),
                () -> fixture.append(NETWORK, success("Subsidie provincie", "2026-12-01"),
                                     meeting(UUID.randomUUID(), MeetingKind.FORMAL, both, "2025-09-09")));
        List<LocalDate> dates = List.of(LocalDate.parse("2025-02-28"), LocalDate.parse("2025-07-31"),
                                        LocalDate.parse("2025-12-15"), LocalDate.parse("2026-06-30"),
                                        LocalDate.parse("2026-11-14"));
        queries.asOf(NETWORK, LocalDate.parse("2026-11-14"));
        for (Runnable arrival : arrivals) {
            arrival.run();
            List<LoggedEntry> log = fixture.logs.read(NETWORK, -1);
            List<LocalDate> upToToday = new ArrayList<>(dates);
            upToToday.add(LocalDate.now(fixture.clock));
            for (LocalDate date : upToToday) {
                assertThat(tree(queries.asOf(NETWORK, date))).as("as of %s after %d entries", date, log.size())
                        .isEqualTo(tree(model.timeline(log, date).latest()));
            }
        }
    }

    /**
     * The late entries come in pages: following {@code nextFromSequence} page by page gives every late entry once, in
     * log order, as one large page does, and the counts on every page count all of them.
     */
    @Test
    @SuppressWarnings("unchecked")
    void lateEntriesComeInPagesThatTogetherListThemAllAndCountThemAll() throws Exception {
        fixture.append(NETWORK, founded("Zorgnetwerk Noorderkwartier", "2025-01-10"),
                       joined(HOSPITAL, "Ziekenhuis Noord", ParticipationLevel.CORE, "2025-01-15"),
                       joined(TOWN, "Gemeente Noord", ParticipationLevel.CORE, "2025-01-20"),
                       balance(TOWN, BalanceRating.BALANCED, "2025-02-14"));
        Thread.sleep(5);
        Instant knownAt = Instant.now();
        Thread.sleep(5);
        String balance = fixture.logs.read(NETWORK, -1).get(3).eventId();
        for (int i = 0; i < 9; i++) {
            fixture.append(NETWORK, meeting(UUID.randomUUID(), MeetingKind.FORMAL,
                                            List.of(new Attendance(HOSPITAL, Level.BOARD), new Attendance(TOWN, Level.BOARD)),
                                            LocalDate.parse("2025-02-03").plusDays(6L * i).toString()));
        }
        fixture.append(NETWORK, corrected(balance, balance(TOWN, BalanceRating.UNFAIR, "2025-02-14"), "2026-11-25"),
                       meeting(UUID.randomUUID(), MeetingKind.FORMAL, List.of(new Attendance(HOSPITAL, Level.BOARD)),
                               "2026-11-20"));
        fixture.clock.set(LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1));
        HealthQueries queries = new HealthQueries(fixture.healthStore(), fixture.logs, fixture.clock);
        LocalDate date = LocalDate.parse("2025-03-31");

        Map<String, Object> whole = queries.compare(NETWORK, date, knownAt, 0, HealthQueries.MAX_LATE_ENTRIES_PAGE);
        List<Map<String, Object>> all = lateEntries(whole);
        assertThat(all).as("nine meetings and the correction, not the meeting after the date").hasSize(10);
        assertThat(whole).containsEntry("lateEntryCount", 10).doesNotContainKey("nextFromSequence");
        Map<String, Integer> counted = new java.util.LinkedHashMap<>();
        ((List<String>) whole.get("changedIndicators")).forEach(id -> counted.put(id, 0));
        all.forEach(line -> ((List<String>) line.get("explains")).forEach(id -> counted.merge(id, 1, Integer::sum)));
        assertThat(counted.values()).as("some late entry explains a change").anyMatch(n -> n > 0);
        assertThat(whole.get("explainedByCount")).isEqualTo(counted);

        List<Map<String, Object>> paged = new ArrayList<>();
        long from = 0;
        int pages = 0;
        while (true) {
            Map<String, Object> page = queries.compare(NETWORK, date, knownAt, from, 3);
            pages++;
            assertThat(page).containsEntry("lateEntryCount", 10).containsEntry("lateEntriesBefore", paged.size())
                            .containsEntry("explainedByCount", counted);
            assertThat(tree(page.get("asOf"))).isEqualTo(tree(whole.get("asOf")));
            assertThat(lateEntries(page)).hasSizeLessThanOrEqualTo(3);
            paged.addAll(lateEntries(page));
            if (!page.containsKey("nextFromSequence")) {
                break;
            }
            from = ((Number) page.get("nextFromSequence")).longValue();
        }
        assertThat(pages).isEqualTo(4);
        assertThat(tree(paged)).isEqualTo(tree(all));
        assertThat(lateEntries(queries.compare(NETWORK, date, knownAt))).as("the first page by default")
                .hasSize(10);

        assertThatThrownBy(() -> queries.compare(NETWORK, date, knownAt, 0, 0))
                .isInstanceOfSatisfying(nl.samenspel.kernel.validation.RuleViolation.class,
                                        v -> assertThat(v.errors().toString()).contains("limit"));
        assertThatThrownBy(() -> queries.compare(NETWORK, date, knownAt, -1, 10))
                .isInstanceOfSatisfying(nl.samenspel.kernel.validation.RuleViolation.class,
                                        v -> assertThat(v.errors().toString()).contains("fromSequence"));
    }

    /**
     * Every late entry explains exactly the changed indicators that name it (or the entry it corrects or retracts) as
     * evidence, as of the date or as known then.
     */
    @SuppressWarnings("unchecked")
    private static void explainedAsTheirEvidenceSays(Map<String, Object> compared, MonthHealth asOf, MonthHealth asKnown) {
        List<String> changed = (List<String>) compared.get("changedIndicators");
        for (Map<String, Object> line : lateEntries(compared)) {
            List<String> expected = new ArrayList<>();
            for (String id : changed) {
                boolean named = false;
                for (MonthHealth side : new MonthHealth[] {asOf, asKnown}) {
                    if (side != null && side.indicator(id) != null) {
                        List<String> evidence = side.indicator(id).evidence();
                        named |= evidence.contains(line.get("eventId"))
                                 || line.get("targetEventId") != null && evidence.contains(line.get("targetEventId"));
                    }
                }
                if (named) {
                    expected.add(id);
                }
            }
            assertThat(line.get("explains")).as("what %s explains", line.get("type")).isEqualTo(expected);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lateEntries(Map<String, Object> compared) {
        return (List<Map<String, Object>>) compared.get("lateEntries");
    }

    private JsonNode tree(Object value) {
        return fixture.json.valueToTree(value);
    }
}
