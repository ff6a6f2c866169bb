package nl.samenspel.health.state;

import nl.samenspel.health.Fact;
import nl.samenspel.health.MonthContext;
import nl.samenspel.kernel.history.Standing;
import nl.samenspel.kernel.people.Level;
import nl.samenspel.kernel.people.RepresentativeAppointed;
import nl.samenspel.kernel.people.RepresentativeDeparted;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The posts of representatives: who represented which partner at which level, from when until when, as the shared
 * definition ({@link Standing}) pairs appointments and departures. A departure without a logged appointment (a
 * history imported half-way, or an appointment retracted) is a post with no start: its departure counts, and its days
 * in post count from the start of a window, but it puts no one in post on a given day.
 */
public final class Representatives {
    private Representatives() {
    }

    /** One person's term as a partner's representative at one level. */
    public record Post(UUID partnerId, String personRef, Level level, LocalDate appointedOn, String appointedEventId,
                       LocalDate departedOn, String departedEventId) {

        /** In post on a day: appointed on or before it and not departed by then ({@link Standing.Post#coversOn}). */
        public boolean inPostOn(LocalDate day) {
            return appointedOn != null && !day.isBefore(appointedOn) && (departedOn == null || day.isBefore(departedOn));
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

    }

    public static List<Post> posts(MonthContext month) {
        return month.derived("representatives.posts", m -> m.standing().posts().stream()
                .map(p -> new Post(p.partnerId(), p.personRef(), p.level(), p.appointedOn(), p.appointedEventId(),
                                   p.departedOn(), p.departedEventId()))
                .toList());
    }

    /** The posts held on a day: in post then, for a partner active then ({@link Standing#inPostOn}). */
    public static List<Post> inPostOn(MonthContext month, LocalDate day) {
        return posts(month).stream().filter(p -> p.inPostOn(day) && month.roster().isActive(p.partnerId(), day)).toList();
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
        // the appointments at the post, grouped once per timeline; in business order, so those on or after the
        // departure day are a tail
        List<Fact<RepresentativeAppointed>> atPost = month.allWith(
                "representatives.appointmentsByPost", RepresentativeAppointed.class,
                a -> List.of(List.<Object>of(a.partnerId(), a.level())), List.<Object>of(d.partnerId(), d.level()));
        return atPost.subList(Fact.countUpTo(atPost, departure.on().minusDays(1)), atPost.size());
    }
}
