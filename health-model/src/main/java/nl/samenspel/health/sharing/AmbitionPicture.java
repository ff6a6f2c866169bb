package nl.samenspel.health.sharing;

import nl.samenspel.health.Fact;
import nl.samenspel.health.MonthContext;
import nl.samenspel.kernel.ambition.AmbitionEndorsed;
import nl.samenspel.kernel.ambition.AmbitionStated;
import nl.samenspel.kernel.ambition.Stance;
import nl.samenspel.kernel.people.Level;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where the active partners stand on the current version of the shared ambition at the end of a month: each
 * partner's latest stance per level, and its last endorsement. The current version is the highest version stated so
 * far; stances on earlier versions do not count for it.
 */
final class AmbitionPicture {
    private final MonthContext month;
    private final Fact<AmbitionStated> statement;
    private final Set<UUID> active;
    private final Map<UUID, Map<Level, Fact<AmbitionEndorsed>>> stances = new LinkedHashMap<>();
    private final Map<UUID, Fact<AmbitionEndorsed>> lastEndorsement = new LinkedHashMap<>();

    private AmbitionPicture(MonthContext month, Fact<AmbitionStated> statement) {
        this.month = month;
        this.statement = statement;
        this.active = month.activePartners();
        for (UUID partner : active) {
            stances.put(partner, new EnumMap<>(Level.class));
        }
        for (Fact<AmbitionEndorsed> stance : month.all(AmbitionEndorsed.class)) {
            AmbitionEndorsed e = stance.event();
            if (!e.ambitionVersion().equals(version()) || !active.contains(e.partnerId())) {
                continue;
            }
            stances.get(e.partnerId()).put(e.level(), stance);
            if (e.stance() == Stance.ENDORSES) {
                lastEndorsement.put(e.partnerId(), stance);
            }
        }
    }

    /** Empty while no ambition has been stated. */
    static Optional<AmbitionPicture> of(MonthContext month) {
        Fact<AmbitionStated> current = null;
        for (Fact<AmbitionStated> stated : month.all(AmbitionStated.class)) {
            if (current == null || stated.event().version() >= current.event().version()) {
                current = stated;
            }
        }
        return Optional.ofNullable(current).map(c -> new AmbitionPicture(month, c));
    }

    Fact<AmbitionStated> statement() {
        return statement;
    }

    int version() {
        return statement.event().version();
    }

    Set<UUID> activePartners() {
        return active;
    }

    /** The partner's latest stance on the current version, per level it took one at. */
    Collection<Fact<AmbitionEndorsed>> stancesOf(UUID partner) {
        return stances.getOrDefault(partner, Map.of()).values();
    }

    /** Its latest stance at some level is {@code stance}. */
    boolean holds(UUID partner, Stance stance) {
        return stancesOf(partner).stream().anyMatch(s -> s.event().stance() == stance);
    }

    boolean endorses(UUID partner) {
        return holds(partner, Stance.ENDORSES);
    }

    boolean endorsesAtEveryLevel(UUID partner) {
        Map<Level, Fact<AmbitionEndorsed>> byLevel = stances.getOrDefault(partner, Map.of());
        for (Level level : Level.values()) {
            Fact<AmbitionEndorsed> stance = byLevel.get(level);
            if (stance == null || stance.event().stance() != Stance.ENDORSES) {
                return false;
            }
        }
        return true;
    }

    List<UUID> partnersWith(Stance stance) {
        return active.stream().filter(p -> holds(p, stance)).toList();
    }

    List<UUID> notEndorsing() {
        return active.stream().filter(p -> !endorses(p)).toList();
    }

    long endorsing() {
        return active.stream().filter(this::endorses).count();
    }

    long endorsingAtEveryLevel() {
        return active.stream().filter(this::endorsesAtEveryLevel).count();
    }

    /** Share of active partners endorsing at some level; empty without active partners. */
    Optional<Double> coverage() {
        return active.isEmpty() ? Optional.empty() : Optional.of((double) endorsing() / active.size());
    }

    Optional<Double> levelCoverage() {
        return active.isEmpty() ? Optional.empty() : Optional.of((double) endorsingAtEveryLevel() / active.size());
    }

    Optional<Fact<AmbitionEndorsed>> lastEndorsement(UUID partner) {
        return Optional.ofNullable(lastEndorsement.get(partner));
    }

    /** The last moment the ambition was alive: its statement, or the latest endorsement of it since. */
    Fact<?> lastRenewal() {
        Fact<?> latest = statement;
        for (Fact<AmbitionEndorsed> endorsement : lastEndorsement.values()) {
            if (endorsement.on().isAfter(latest.on())) {
                latest = endorsement;
            }
        }
        return latest;
    }

    long freshnessDays() {
        return daysSince(lastRenewal().on());
    }

    long daysSinceStated() {
        return daysSince(statement.on());
    }

    long daysSince(LocalDate date) {
        return ChronoUnit.DAYS.between(date, month.end());
    }

    /** Every latest stance of the active partners, for evidence. */
    List<String> stanceEvidence() {
        List<String> ids = new ArrayList<>();
        stances.values().forEach(byLevel -> byLevel.values().forEach(s -> ids.add(s.id())));
        return ids;
    }
}
