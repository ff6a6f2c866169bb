package nl.samenspel.health.people;

import nl.samenspel.health.Fact;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.state.Representatives;
import nl.samenspel.kernel.meeting.MeetingHeld;
import nl.samenspel.kernel.people.Level;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The cells of the figure eight (achtje): partner × level. A cell is closed on a day when the partner has a
 * representative in post at that level who attended a meeting at that level in the {@code people.figureEightDays}
 * (180) days up to that day. Attendance names a partner and a level, not a person, so "the representative attended"
 * is read as: the partner attended at that level on or after the day that representative was appointed; a meeting
 * before a newcomer's appointment does not connect the newcomer.
 */
final class FigureEight {
    private final MonthContext month;
    private final List<Representatives.Post> posts;
    private final int days;
    /** Per partner and level, computed on first use: the meetings attended and the posts, each in business order. */
    private final Map<List<Object>, List<Fact<MeetingHeld>>> attended = new HashMap<>();
    private final Map<UUID, Map<Level, List<Representatives.Post>>> postsAt = new HashMap<>();
    private final Map<UUID, Boolean> boardOpenTooLong = new HashMap<>();

    /** The figure eight of a month, built once and shared by the rules that read it. */
    static FigureEight of(MonthContext month) {
        return month.derived("people.figureEight", FigureEight::new);
    }

    private FigureEight(MonthContext month) {
        this.month = month;
        this.posts = Representatives.posts(month);
        this.days = month.days("people.figureEightDays");
    }

    /** The meeting that keeps the cell closed on {@code day}: the latest one qualifying, if any. */
    Optional<Fact<MeetingHeld>> closingMeeting(UUID partner, Level level, LocalDate day) {
        return closingMeeting(day, postsAt(partner, level), attended(partner, level));
    }

    private Optional<Fact<MeetingHeld>> closingMeeting(LocalDate day, List<Representatives.Post> cellPosts,
                                                       List<Fact<MeetingHeld>> attended) {
        // The earliest appointment of those in post on the day; none in post, the cell is open. A plain loop: the
        // board rule asks this for every day of half a year, for every partner and month.
        LocalDate earliestAppointment = null;
        for (Representatives.Post post : cellPosts) {
            if (post.inPostOn(day)) {
                LocalDate appointed = post.appointedOn() == null ? LocalDate.MIN : post.appointedOn();
                earliestAppointment = earliestAppointment == null || appointed.isBefore(earliestAppointment)
                        ? appointed : earliestAppointment;
            }
        }
        if (earliestAppointment == null) {
            return Optional.empty();
        }
        LocalDate from = day.minusDays(days);
        // attended is in business order: the latest meeting on or before the day is the only candidate, since every
        // earlier one lies at least as far before the window and the appointment
        int upTo = Fact.countUpTo(attended, day);
        if (upTo == 0) {
            return Optional.empty();
        }
        Fact<MeetingHeld> latest = attended.get(upTo - 1);
        return latest.on().isAfter(from) && !latest.on().isBefore(earliestAppointment) ? Optional.of(latest) : Optional.empty();
    }

    /** The meetings the partner attended at that level, in business order. */
    List<Fact<MeetingHeld>> attended(UUID partner, Level level) {
        return attended.computeIfAbsent(List.of(partner, level), cell -> month.allWith(
                "people.meetingsByAttendance", MeetingHeld.class,
                m -> m.attendance().stream().map(a -> List.<Object>of(a.partnerId(), a.level())).toList(), cell));
    }

    boolean closed(UUID partner, Level level, LocalDate day) {
        return closingMeeting(partner, level, day).isPresent();
    }

    List<Representatives.Post> inPost(UUID partner, Level level, LocalDate day) {
        List<Representatives.Post> inPost = new ArrayList<>();
        for (Representatives.Post post : postsAt(partner, level)) {
            if (post.inPostOn(day)) {
                inPost.add(post);
            }
        }
        return inPost;
    }

    /** The posts of the cell, in business order, whether in post or not. */
    private List<Representatives.Post> postsAt(UUID partner, Level level) {
        if (postsAt.isEmpty()) {
            // every cell's posts in one pass, each list in business order: a month asks for every cell
            for (Representatives.Post post : posts) {
                postsAt.computeIfAbsent(post.partnerId(), k -> new EnumMap<>(Level.class))
                       .computeIfAbsent(post.level(), k -> new ArrayList<>()).add(post);
            }
        }
        Map<Level, List<Representatives.Post>> byLevel = postsAt.get(partner);
        return byLevel == null ? List.of() : byLevel.getOrDefault(level, List.of());
    }

    /**
     * True when the partner's board cell has been open on every day of the last {@code board.openDays} days and the
     * day before them, i.e. for more than that many days; a partner that joined within that time cannot qualify.
     */
    boolean boardOpenTooLong(UUID partner) {
        // H10 and A10 both ask, for the same partners of the same month.
        return boardOpenTooLong.computeIfAbsent(partner, this::boardOpenTooLongUncached);
    }

    private boolean boardOpenTooLongUncached(UUID partner) {
        int open = month.days("board.openDays");
        LocalDate first = month.end().minusDays(open);
        if (month.roster().member(partner).joinedOn().isAfter(first)) {
            return false;
        }
        List<Fact<MeetingHeld>> attended = attended(partner, Level.BOARD);
        List<Representatives.Post> cellPosts = postsAt(partner, Level.BOARD);
        // The cell is closed on some day of the stretch exactly when it is closed on its first day or on the day of a
        // meeting within it: the meeting that closes it on a day closed it already on its own day (the post it needs
        // was held from before that meeting on), or, being older, on the stretch's first day.
        if (closingMeeting(first, cellPosts, attended).isPresent()) {
            return false;
        }
        for (int i = Fact.countUpTo(attended, first); i < attended.size(); i++) {
            LocalDate day = attended.get(i).on();
            if (day.isAfter(month.end())) {
                break;
            }
            if (closingMeeting(day, cellPosts, attended).isPresent()) {
                return false;
            }
        }
        return true;
    }

    List<Representatives.Post> posts() {
        return posts;
    }
}
