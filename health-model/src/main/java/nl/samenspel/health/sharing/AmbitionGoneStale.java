package nl.samenspel.health.sharing;

import nl.samenspel.health.Alert;
import nl.samenspel.health.AlertRule;
import nl.samenspel.health.Fact;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Severity;
import nl.samenspel.kernel.ambition.AmbitionEndorsed;
import nl.samenspel.kernel.people.Level;
import nl.samenspel.kernel.people.RepresentativeAppointed;
import nl.samenspel.kernel.people.RepresentativeDeparted;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A2, ambition gone stale [info]: the ambition was neither stated nor endorsed for more than
 * {@code ambition.freshnessDays}, or a partner's board-level representation changed (a board representative
 * appointed or departed) after that partner's last endorsement of the current version — is there still alignment?
 *
 * <p>Partners that never endorsed the current version are A1's concern, not this rule's. Evidence: the statement or
 * last endorsement that dates the ambition, and for each changed partner its last endorsement and the board changes
 * after it.
 */
public final class AmbitionGoneStale implements AlertRule {
    public static final String ID = "A2";
    public static final String TITLE = "Ambition gone stale";
    static final String RESPONSE = "Keep the ambition alive: formulating it is not a one-off. Put it on the agenda "
            + "of the next joint evaluation and ask the partners, certainly those with a new board member, whether "
            + "it still inspires them and to endorse it again.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Alert> evaluate(MonthContext month) {
        Optional<AmbitionPicture> found = AmbitionPicture.of(month);
        if (found.isEmpty() || !holds(found.get(), month)) {
            return Optional.empty();
        }
        AmbitionPicture ambition = found.get();
        Set<String> evidence = new LinkedHashSet<>();
        List<String> reasons = new ArrayList<>();
        List<Alert.Reason> why = new ArrayList<>();
        if (stale(ambition, month)) {
            reasons.add("the ambition was last stated or endorsed " + Alert.count(ambition.freshnessDays()) + " days ago");
            why.add(Alert.Reason.of("stale", ambition.freshnessDays()));
            evidence.add(ambition.lastRenewal().id());
        }
        Map<UUID, List<Fact<?>>> changes = boardChangesSinceEndorsement(ambition, month);
        if (!changes.isEmpty()) {
            reasons.add("the board representation of " + AmbitionNotShared.names(List.copyOf(changes.keySet()), month)
                        + " changed after its last endorsement");
            why.add(Alert.Reason.of("boardChanged", AmbitionNotShared.names(List.copyOf(changes.keySet()), month)));
            changes.forEach((partner, facts) -> {
                ambition.lastEndorsement(partner).ifPresent(e -> evidence.add(e.id()));
                facts.forEach(f -> evidence.add(f.id()));
            });
        }
        String detail = Character.toUpperCase(reasons.get(0).charAt(0)) + String.join("; and ", reasons).substring(1) + ".";
        return Optional.of(new Alert(ID, TITLE, Severity.INFO, detail, List.copyOf(evidence), RESPONSE, why));
    }

    static boolean holds(AmbitionPicture ambition, MonthContext month) {
        return stale(ambition, month) || !boardChangesSinceEndorsement(ambition, month).isEmpty();
    }

    private static boolean stale(AmbitionPicture ambition, MonthContext month) {
        return ambition.freshnessDays() > month.setting("ambition.freshnessDays");
    }

    /** Per active partner with an endorsement: board appointments and departures dated after its last endorsement. */
    static Map<UUID, List<Fact<?>>> boardChangesSinceEndorsement(AmbitionPicture ambition, MonthContext month) {
        List<Fact<?>> boardChanges = new ArrayList<>();
        month.all(RepresentativeAppointed.class).stream().filter(f -> f.event().level() == Level.BOARD)
             .forEach(boardChanges::add);
        month.all(RepresentativeDeparted.class).stream().filter(f -> f.event().level() == Level.BOARD)
             .forEach(boardChanges::add);
        boardChanges.sort(Comparator.comparing((Fact<?> f) -> f.on()).thenComparingLong(f -> f.entry().sequence()));
        Map<UUID, List<Fact<?>>> result = new LinkedHashMap<>();
        for (UUID partner : ambition.activePartners()) {
            Optional<Fact<AmbitionEndorsed>> last = ambition.lastEndorsement(partner);
            if (last.isEmpty()) {
                continue;
            }
            List<Fact<?>> after = boardChanges.stream()
                    .filter(f -> partner.equals(partnerOf(f)) && f.on().isAfter(last.get().on())).toList();
            if (!after.isEmpty()) {
                result.put(partner, after);
            }
        }
        return result;
    }

    private static UUID partnerOf(Fact<?> change) {
        if (change.event() instanceof RepresentativeAppointed appointed) {
            return appointed.partnerId();
        }
        return ((RepresentativeDeparted) change.event()).partnerId();
    }
}
