package nl.samenspel.health.people;

import nl.samenspel.health.Fact;
import nl.samenspel.health.Indicator;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Status;
import nl.samenspel.health.state.NetworkFacts;
import nl.samenspel.health.state.Representatives;
import nl.samenspel.kernel.meeting.MeetingHeld;
import nl.samenspel.kernel.people.Level;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * H10, closure of the figure eight (het achtje dichtorganiseren): closed cells ÷ (3 × active partners), where a cell
 * (partner, level) is closed as {@link FigureEight} describes (domain.md §5.6).
 *
 * <p>Figures: {@code closure} (double), {@code closedCells}, {@code cells} (ints), {@code openBoardCells} (list of
 * partner ids whose board cell is open), {@code matrix} (list of maps {@code partnerId}, {@code partner}, {@code level},
 * {@code representatives} (int in post), {@code lastMeetingOn} (the meeting that closes the cell, when closed),
 * {@code closed}) for a partner × level grid.
 *
 * <p>Status: OK when every cell is closed; WATCH when some are open; ALERT when a partner's board cell has been
 * open longer than {@code board.openDays} (the rule of A10). NA without active partners, or when the network does not
 * log representatives at all: then the figure eight cannot be judged, and it would be wrong to call it open.
 */
public final class FigureEightClosure implements Indicator {
    public static final String ID = "H10";
    private static final String NAME = "Figure-eight closure";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public IndicatorValue evaluate(MonthContext month) {
        Set<UUID> active = month.activePartners();
        if (active.isEmpty() || !Representatives.recorded(month)) {
            return IndicatorValue.notApplicable(ID, NAME);
        }
        FigureEight eight = FigureEight.of(month);
        List<Map<String, Object>> matrix = new ArrayList<>();
        List<String> openBoard = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        int closed = 0;
        boolean boardTooLong = false;
        for (UUID partner : active) {
            for (Level level : Level.values()) {
                List<Representatives.Post> inPost = eight.inPost(partner, level, month.end());
                Optional<Fact<MeetingHeld>> meeting = eight.closingMeeting(partner, level, month.end());
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("partnerId", partner.toString());
                cell.put("partner", month.roster().name(partner));
                cell.put("level", level.name().toLowerCase());
                cell.put("representatives", inPost.size());
                meeting.ifPresent(m -> cell.put("lastMeetingOn", m.on().toString()));
                cell.put("closed", meeting.isPresent());
                matrix.add(Collections.unmodifiableMap(cell));
                if (meeting.isPresent()) {
                    closed++;
                    evidence.add(meeting.get().id());
                    inPost.stream().map(Representatives.Post::appointedEventId).filter(id -> id != null).forEach(evidence::add);
                } else if (level == Level.BOARD) {
                    openBoard.add(partner.toString());
                    boardTooLong |= eight.boardOpenTooLong(partner);
                }
            }
        }
        int cells = 3 * active.size();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("closure", (double) closed / cells);
        figures.put("closedCells", closed);
        figures.put("cells", cells);
        figures.put("openBoardCells", List.copyOf(openBoard));
        figures.put("matrix", List.copyOf(matrix));
        Status status = boardTooLong ? Status.ALERT : closed < cells ? Status.WATCH : Status.OK;
        return new IndicatorValue(ID, NAME, status, Collections.unmodifiableMap(figures), NetworkFacts.evidence(evidence));
    }
}
