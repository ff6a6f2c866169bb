package nl.samenspel.health.state;

import nl.samenspel.health.Fact;
import nl.samenspel.health.LoggedEntry;
import nl.samenspel.health.MonthContext;
import nl.samenspel.kernel.people.Level;
import nl.samenspel.kernel.people.RepresentativeAppointed;
import nl.samenspel.kernel.people.RepresentativeDeparted;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The posts of representatives: who represented which partner at which level, from when until when. A departure is
 * matched to the open appointment of the same person at the same partner and level; a departure without a logged
 * appointment (a history imported half-way) counts as a post held since before the log began.
 */
public final class Representatives {
    private Representatives() {
    }

    /** One person's term as a partner's representative at one level. */
    public record Post(UUID partnerId, String personRef, Level level, LocalDate appointedOn, String appointedEventId,
                       LocalDate departedOn, String departedEventId) {

        /** In post on a day: appointed on or before it (or before the log began) and not departed by then. */
        public boolean inPostOn(LocalDate day) {
            return (appointedOn == null || !day.isBefore(appointedOn)) && (departedOn == null || day.isBefore(departedOn));
        }

        /** Days in post within {@code (fromExclusive, toInclusive]}; the departure day itself is no longer in post. */
        public long daysInPost(LocalDate fromExclusive, LocalDate toInclusive) {
            LocalDate first = appointedOn == null || appointedOn.isBefore(fromExclusive.plusDays(1))
                    ? fromExclusive.plusDays(1) : appointedOn;
            LocalDate afterLast = departedOn == null || departedOn.isAfter(toInclusive.plusDays(1))
                    ? toInclusive.plusDays(1) : departedOn;
            return Math.max(0, ChronoUnit.DAYS.between(first, afterLast));
        }

        public boolean at(UUID partner, Level atLevel) {
            return partnerId.equals(partner) && level == atLevel;
        }

        Post departed(LocalDate on, String eventId) {
            return new Post(partnerId, personRef, level, appointedOn, appointedEventId, on, eventId);
        }
    }

    public static List<Post> posts(MonthContext month) {
        return month.derived("representatives.posts", Representatives::fold);
    }

    private static List<Post> fold(MonthContext month) {
        List<Post> posts = new ArrayList<>();
        // the open posts of each person at a partner and level, earliest first: a departure closes the earliest
        Map<List<Object>, ArrayDeque<Integer>> openPosts = new HashMap<>();
        for (LoggedEntry entry : month.history(List.of(RepresentativeAppointed.class, RepresentativeDeparted.class))) {
            if (entry.event() instanceof RepresentativeAppointed a) {
                openPosts.computeIfAbsent(Arrays.asList(a.partnerId(), a.level(), a.personRef()), k -> new ArrayDeque<>())
                         .add(posts.size());
                posts.add(new Post(a.partnerId(), a.personRef(), a.level(), a.occurredOn(), entry.eventId(), null, null));
            } else if (entry.event() instanceof RepresentativeDeparted d) {
                ArrayDeque<Integer> open = openPosts.get(Arrays.asList(d.partnerId(), d.level(), d.personRef()));
                if (open != null && !open.isEmpty()) {
                    int index = open.poll();
                    posts.set(index, posts.get(index).departed(d.occurredOn(), entry.eventId()));
                } else {
                    posts.add(new Post(d.partnerId(), d.personRef(), d.level(), null, null, d.occurredOn(), entry.eventId()));
                }
            }
        }
        return List.copyOf(posts);
    }

    /** True when the network logs its representatives at all; without that the figure eight cannot be judged. */
    public static boolean recorded(MonthContext month) {
        return !month.all(RepresentativeAppointed.class).isEmpty();
    }

    /**
     * The successor of a departure: the first appointment at the same partner and level on or after the departure
     * day and within {@code people.successorDays} after it (and not after the end of the month).
     */
    public static Optional<Fact<RepresentativeAppointed>> successor(MonthContext month, Fact<RepresentativeDeparted> departure) {
        LocalDate until = departure.on().plusDays(month.days("people.successorDays"));
        return appointmentsAfter(month, departure).stream().filter(a -> !a.on().isAfter(until)).findFirst();
    }

    /** Any appointment at the same partner and level since the departure, however late, up to the end of the month. */
    public static Optional<Fact<RepresentativeAppointed>> laterAppointment(MonthContext month,
                                                                          Fact<RepresentativeDeparted> departure) {
        return appointmentsAfter(month, departure).stream().findFirst();
    }

    /** True once the successor window of a departure has fully passed by the end of the month. */
    public static boolean successorWindowPassed(MonthContext month, Fact<RepresentativeDeparted> departure) {
        return !month.end().isBefore(departure.on().plusDays(month.days("people.successorDays")));
    }

    private static List<Fact<RepresentativeAppointed>> appointmentsAfter(MonthContext month,
                                                                         Fact<RepresentativeDeparted> departure) {
        RepresentativeDeparted d = departure.event();
        Map<List<Object>, List<Fact<RepresentativeAppointed>>> byPost = month.derived("representatives.appointments", m -> {
            Map<List<Object>, List<Fact<RepresentativeAppointed>>> grouped = new HashMap<>();
            for (Fact<RepresentativeAppointed> a : m.all(RepresentativeAppointed.class)) {
                grouped.computeIfAbsent(Arrays.asList(a.event().partnerId(), a.event().level()), k -> new ArrayList<>()).add(a);
            }
            return grouped;
        });
        List<Fact<RepresentativeAppointed>> atPost = byPost.getOrDefault(Arrays.asList(d.partnerId(), d.level()), List.of());
        // in business order: the appointments on or after the departure day are a tail, found by binary search
        int low = 0;
        int high = atPost.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (atPost.get(mid).on().isBefore(departure.on())) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return Collections.unmodifiableList(atPost.subList(low, atPost.size()));
    }
}
