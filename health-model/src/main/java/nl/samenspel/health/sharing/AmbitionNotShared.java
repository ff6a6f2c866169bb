package nl.samenspel.health.sharing;

import nl.samenspel.health.Alert;
import nl.samenspel.health.AlertRule;
import nl.samenspel.health.Fact;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Severity;
import nl.samenspel.kernel.ambition.AmbitionEndorsed;
import nl.samenspel.kernel.ambition.Stance;
import nl.samenspel.kernel.network.PartnerJoined;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A1, ambition not shared [warning]: an active partner's latest stance on the current ambition rejects it, or a
 * partner does not endorse it more than {@code ambition.graceDays} after the version was stated.
 *
 * <p>The grace period runs per partner from the later of the statement and its joining: a partner that joined last
 * week has not yet had the chance to take a stance, and is not counted against the ambition until its grace has
 * passed too. Evidence: the statement, the rejecting stances, and the latest stances (or, for a partner that joined
 * after the statement and took none, its joining) of the partners past their grace.
 */
public final class AmbitionNotShared implements AlertRule {
    public static final String ID = "A1";
    public static final String TITLE = "Ambition not shared";
    static final String RESPONSE = "Have the conversation about the ambition again, with every partner at the table: "
            + "check that each one still recognises itself in it, ask through when words may mean different things "
            + "to different partners, and take the time to make it a truly shared ambition.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Alert> evaluate(MonthContext month) {
        Optional<AmbitionPicture> found = AmbitionPicture.of(month);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AmbitionPicture ambition = found.get();
        List<UUID> pastGrace = pastGrace(ambition, month);
        if (!holds(ambition, pastGrace)) {
            return Optional.empty();
        }
        List<UUID> rejecting = ambition.partnersWith(Stance.REJECTS);
        Set<String> evidence = new LinkedHashSet<>();
        evidence.add(ambition.statement().id());
        List<String> reasons = new ArrayList<>();
        List<Alert.Reason> why = new ArrayList<>();
        if (!rejecting.isEmpty()) {
            reasons.add(names(rejecting, month) + " reject" + (rejecting.size() == 1 ? "s" : "")
                        + " ambition version " + ambition.version());
            why.add(Alert.Reason.of(rejecting.size() == 1 ? "rejectsOne" : "rejectsMany", names(rejecting, month),
                                    ambition.version()));
            for (UUID partner : rejecting) {
                ambition.stancesOf(partner).stream().filter(s -> s.event().stance() == Stance.REJECTS)
                        .forEach(s -> evidence.add(s.id()));
            }
        }
        if (!pastGrace.isEmpty()) {
            reasons.add(names(pastGrace, month) + " did not endorse version " + ambition.version() + " within "
                        + month.days("ambition.graceDays") + " days");
            why.add(Alert.Reason.of("notEndorsed", names(pastGrace, month), ambition.version(),
                                    month.days("ambition.graceDays")));
            for (UUID partner : pastGrace) {
                List<Fact<AmbitionEndorsed>> stances = List.copyOf(ambition.stancesOf(partner));
                if (!stances.isEmpty()) {
                    stances.forEach(s -> evidence.add(s.id()));
                } else {
                    joining(partner, month).filter(j -> j.on().isAfter(ambition.statement().on()))
                                           .ifPresent(j -> evidence.add(j.id()));
                }
            }
        }
        String detail = String.join("; ", reasons) + ".";
        return Optional.of(new Alert(ID, TITLE, Severity.WARNING, detail, List.copyOf(evidence), RESPONSE, why));
    }

    /** Whether A1 holds: a partner rejects the ambition, or some are {@code pastGrace} ({@link #pastGrace}). */
    static boolean holds(AmbitionPicture ambition, List<UUID> pastGrace) {
        return !ambition.partnersWith(Stance.REJECTS).isEmpty() || !pastGrace.isEmpty();
    }

    /** Active partners not endorsing the current version although their grace period has passed. */
    static List<UUID> pastGrace(AmbitionPicture ambition, MonthContext month) {
        double grace = month.setting("ambition.graceDays");
        return ambition.notEndorsing().stream().filter(partner -> {
            LocalDate joined = month.roster().member(partner).joinedOn();
            LocalDate stated = ambition.statement().on();
            return ambition.daysSince(joined.isAfter(stated) ? joined : stated) > grace;
        }).toList();
    }

    private static Optional<Fact<PartnerJoined>> joining(UUID partner, MonthContext month) {
        return month.all(PartnerJoined.class).stream().filter(j -> j.event().partnerId().equals(partner))
                    .reduce((first, second) -> second);
    }

    static String names(List<UUID> partners, MonthContext month) {
        return String.join(", ", partners.stream().map(p -> month.roster().name(p)).toList());
    }
}
