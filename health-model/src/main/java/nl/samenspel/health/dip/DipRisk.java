package nl.samenspel.health.dip;

import nl.samenspel.health.Fact;
import nl.samenspel.health.Indicator;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Status;
import nl.samenspel.health.sharing.Contributions;
import nl.samenspel.health.state.Agreements;
import nl.samenspel.health.state.LeadRoles;
import nl.samenspel.health.state.NetworkFacts;
import nl.samenspel.kernel.agreement.AgreementMade;
import nl.samenspel.kernel.ambition.AmbitionEndorsed;
import nl.samenspel.kernel.ambition.Stance;
import nl.samenspel.kernel.exchange.BalanceAssessed;
import nl.samenspel.kernel.exchange.ContributionRecorded;
import nl.samenspel.kernel.exchange.ContributionStatus;
import nl.samenspel.kernel.exchange.ContributionStatusChanged;
import nl.samenspel.kernel.meeting.MeetingHeld;
import nl.samenspel.kernel.network.PartnerJoined;
import nl.samenspel.kernel.network.PartnerParticipationChanged;
import nl.samenspel.kernel.network.PartnerWithdrew;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.people.LeadRole;
import nl.samenspel.kernel.people.Level;
import nl.samenspel.kernel.people.NetworkRoleAssigned;
import nl.samenspel.kernel.people.NetworkRoleEnded;
import nl.samenspel.kernel.people.RepresentativeDeparted;
import nl.samenspel.kernel.structure.AccountabilityRequested;
import nl.samenspel.kernel.structure.ContextChanged;
import nl.samenspel.kernel.structure.ContextKind;
import nl.samenspel.kernel.structure.Direction;
import nl.samenspel.kernel.tension.Signal;
import nl.samenspel.kernel.tension.TemperatureMeasured;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * H6, dip risk (netwerkdip-risico): how many of the nine drivers that push a network into a dip are active in the
 * {@code drivers.windowDays} (90) days before the end of the month (domain.md §5.4).
 *
 * <p>Figures:
 * <ul>
 *   <li>{@code dipRisk} (int): the number of active drivers, 0–9;</li>
 *   <li>{@code riskLevel} ("low", "elevated", "high"): 0–2, 3–4, ≥ 5 by default ({@code dip.elevatedRisk},
 *       {@code dip.highRisk});</li>
 *   <li>{@code activeDrivers} (list of "D1"…"D9"): the active drivers, in order;</li>
 *   <li>{@code drivers} (map "D1"…"D9" → {@code name}, {@code active}, {@code detail}, {@code evidence}): every driver
 *       with what was found for it, so a chart can overlay the drivers on the dip curve.</li>
 * </ul>
 * Status: low OK, elevated WATCH, high ALERT; NA when the network has no active partner.
 *
 * <p>Readings of the rules that domain.md leaves open:
 * <ul>
 *   <li>Events drivers (D1, D4, D5, D8, D9 and the withdrawal part of D3) count when they happened in the window;
 *       states (a pledge still undelivered, leadership concentration, chair and coordinator with one partner) count
 *       when they hold at the end of the month.</li>
 *   <li>The growth drivers D2 and D6 compare the window with the 90 days before it; they need that whole baseline to
 *       lie after the founding, otherwise every energetic start would look like growing load.</li>
 *   <li>D3: a pledge is stale when it is older than {@code drivers.pledgeAgeDays}, neither delivered nor withdrawn by
 *       the end of the month, and its partner is still active (a withdrawn partner's leaving is D8's signal).</li>
 *   <li>D7: the concentration part needs at least {@code leadership.minimumRoles} lead roles (as A9 does): with one
 *       or two roles the top two always hold everything, which says nothing about falling back.</li>
 *   <li>D9: a change of chair or coordinator is such a role ending, or one being assigned when someone else held it
 *       before; partners joining in the founding month are the founders, not a shift in relations.</li>
 * </ul>
 */
public final class DipRisk implements Indicator {
    public static final String ID = "H6";
    static final List<String> NAMES = List.of(
            "context turbulence", "meeting load", "capacity and funding", "friction over goals",
            "accountability pressure", "call for structure", "leadership falling back", "shifting sums",
            "relations and power");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public IndicatorValue evaluate(MonthContext month) {
        if (month.activePartners().isEmpty()) {
            return IndicatorValue.notApplicable(ID, "Dip risk");
        }
        Window w = new Window(month);
        List<Driver> drivers = List.of(d1(w), d2(w), d3(w), d4(w), d5(w), d6(w), d7(w), d8(w), d9(w));

        Map<String, Object> perDriver = new LinkedHashMap<>();
        List<String> active = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        for (int i = 0; i < drivers.size(); i++) {
            Driver d = drivers.get(i);
            String id = "D" + (i + 1);
            Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("name", NAMES.get(i));
            figure.put("active", d.active());
            figure.put("detail", d.detail());
            figure.put("evidence", d.evidence());
            perDriver.put(id, Collections.unmodifiableMap(figure));
            if (d.active()) {
                active.add(id);
                evidence.addAll(d.evidence());
            }
        }
        int risk = active.size();
        String level = risk >= month.setting("dip.highRisk") ? "high"
                : risk >= month.setting("dip.elevatedRisk") ? "elevated" : "low";
        Status status = switch (level) {
            case "high" -> Status.ALERT;
            case "elevated" -> Status.WATCH;
            default -> Status.OK;
        };
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("dipRisk", risk);
        figures.put("riskLevel", level);
        figures.put("activeDrivers", List.copyOf(active));
        figures.put("drivers", Collections.unmodifiableMap(perDriver));
        return new IndicatorValue(ID, "Dip risk", status, Collections.unmodifiableMap(figures),
                                  NetworkFacts.evidence(evidence));
    }

    /** What one driver found: whether its rule holds, in words, and the events behind it. */
    record Driver(boolean active, String detail, List<String> evidence) {
        static Driver of(boolean active, String detail, List<String> evidence) {
            return new Driver(active, detail, active ? List.copyOf(evidence) : List.of());
        }
    }

    /** The 90-day window before the end of the month and the 90 days before that. */
    private record Window(MonthContext month, LocalDate from, LocalDate end, LocalDate baselineFrom, boolean baseline) {
        Window(MonthContext month) {
            this(month, month.end().minusDays(month.days("drivers.windowDays")), month.end(),
                 month.end().minusDays(2L * month.days("drivers.windowDays")),
                 NetworkFacts.existedOn(month, month.end().minusDays(2L * month.days("drivers.windowDays")).plusDays(1)));
        }

        <T> List<Fact<T>> in(Class<T> type) {
            return month.between(type, from, end);
        }

        <T> List<Fact<T>> before(Class<T> type) {
            return month.between(type, baselineFrom, from);
        }
    }

    private static List<String> ids(List<? extends Fact<?>> facts) {
        return facts.stream().map(Fact::id).toList();
    }

    private Driver d1(Window w) {
        var negative = w.in(ContextChanged.class).stream().filter(c -> c.event().direction() == Direction.NEGATIVE).toList();
        return Driver.of(!negative.isEmpty(), negative.size() + " negative context change(s)", ids(negative));
    }

    private Driver d2(Window w) {
        var now = w.in(MeetingHeld.class);
        int before = w.before(MeetingHeld.class).size();
        boolean active = w.baseline() && now.size() >= w.month().setting("drivers.meetingLoadMinimum")
                && now.size() >= w.month().setting("drivers.meetingLoadRatio") * before;
        String detail = w.baseline() ? now.size() + " meetings against " + before + " in the 90 days before"
                : now.size() + " meetings; no full baseline yet";
        return Driver.of(active, detail, ids(now));
    }

    private Driver d3(Window w) {
        MonthContext m = w.month();
        Set<ContextKind> kinds = EnumSet.of(ContextKind.FUNDING, ContextKind.CAPACITY);
        var pressure = w.in(ContextChanged.class).stream()
                        .filter(c -> c.event().direction() == Direction.NEGATIVE && kinds.contains(c.event().kind())).toList();
        var withdrawn = w.in(ContributionStatusChanged.class).stream()
                         .filter(c -> c.event().status() == ContributionStatus.WITHDRAWN).toList();
        // pledged when recorded, older than the pledge age and never changed since (contribution ids are unique,
        // so the state's contributions are the records, in business order, with the changes of each; such a one
        // stands pledged)
        LocalDate staleBefore = m.end().minusDays(m.days("drivers.pledgeAgeDays"));
        List<Fact<ContributionRecorded>> stale = new ArrayList<>();
        for (Contributions.Contribution c : Contributions.pledged(m)) {
            Fact<ContributionRecorded> recorded = c.recorded();
            if (c.changes().isEmpty() && recorded.event().status() == ContributionStatus.PLEDGED
                    && recorded.on().isBefore(staleBefore)
                    && m.roster().isActive(recorded.event().fromPartnerId(), m.end())) {
                stale.add(recorded);
            }
        }
        List<String> evidence = new ArrayList<>(ids(pressure));
        evidence.addAll(ids(withdrawn));
        evidence.addAll(ids(stale));
        return Driver.of(!evidence.isEmpty(), pressure.size() + " funding or capacity setback(s), " + withdrawn.size()
                + " contribution(s) withdrawn, " + stale.size() + " stale pledge(s)", evidence);
    }

    private Driver d4(Window w) {
        var disputes = w.in(TemperatureMeasured.class).stream()
                        .filter(t -> t.event().signals() != null && t.event().signals().contains(Signal.GOAL_DISPUTE)).toList();
        var stances = w.in(AmbitionEndorsed.class).stream()
                       .filter(a -> a.event().stance() == Stance.DOUBTS || a.event().stance() == Stance.REJECTS).toList();
        List<String> evidence = new ArrayList<>(ids(disputes));
        evidence.addAll(ids(stances));
        return Driver.of(!evidence.isEmpty(), disputes.size() + " goal dispute(s), " + stances.size()
                + " doubting or rejecting stance(s)", evidence);
    }

    private Driver d5(Window w) {
        var requests = w.in(AccountabilityRequested.class);
        long unaligned = requests.stream().filter(r -> !Boolean.TRUE.equals(r.event().alignedWithOtherRequests())).count();
        return Driver.of(unaligned > 0 || requests.size() >= 2,
                         requests.size() + " accountability request(s), " + unaligned + " not aligned", ids(requests));
    }

    private Driver d6(Window w) {
        var now = w.in(AgreementMade.class).stream().filter(a -> Agreements.isStructure(a.event())).toList();
        long before = w.before(AgreementMade.class).stream().filter(a -> Agreements.isStructure(a.event())).count();
        boolean active = w.baseline() && now.size() >= w.month().setting("drivers.structureMinimum")
                && now.size() >= w.month().setting("drivers.structureRatio") * before;
        String detail = w.baseline() ? now.size() + " rule or governance agreement(s) against " + before + " before"
                : now.size() + " rule or governance agreement(s); no full baseline yet";
        return Driver.of(active, detail, ids(now));
    }

    private Driver d7(Window w) {
        MonthContext m = w.month();
        List<LeadRoles.Held> roles = LeadRoles.active(m);
        Optional<LeadRoles.Concentration> concentration = LeadRoles.concentration(roles);
        boolean concentrated = concentration.isPresent() && roles.size() >= m.setting("leadership.minimumRoles")
                && concentration.get().share() >= m.setting("leadership.concentration");
        Optional<UUID> onePartner = LeadRoles.chairAndCoordinatorPartner(roles);
        List<String> evidence = new ArrayList<>();
        if (concentrated) {
            evidence.addAll(concentration.get().evidence());
        }
        onePartner.ifPresent(p -> roles.stream()
                .filter(r -> r.partnerId().equals(p) && (r.role() == LeadRole.CHAIR || r.role() == LeadRole.COORDINATOR))
                .forEach(r -> evidence.add(r.eventId())));
        String detail = concentration.map(c -> "top two hold " + c.heldByTopTwo() + " of " + c.roles() + " lead roles")
                                     .orElse("no lead roles")
                + onePartner.map(p -> "; chair and coordinator both with " + m.roster().name(p)).orElse("");
        return Driver.of(concentrated || onePartner.isPresent(), detail, NetworkFacts.evidence(evidence));
    }

    private Driver d8(Window w) {
        MonthContext m = w.month();
        List<String> evidence = new ArrayList<>();
        Map<UUID, Integer> lastRating = new HashMap<>();
        int worse = 0;
        for (Fact<BalanceAssessed> b : m.all(BalanceAssessed.class)) {
            Integer previous = lastRating.put(b.event().partnerId(), b.event().rating().ordinal());
            if (previous != null && b.event().rating().ordinal() > previous && b.on().isAfter(w.from())) {
                worse++;
                evidence.add(b.id());
            }
        }
        Map<UUID, ParticipationLevel> level = new HashMap<>();
        m.all(PartnerJoined.class).forEach(j -> level.put(j.event().partnerId(), j.event().participationLevel()));
        int lowered = 0;
        for (Fact<PartnerParticipationChanged> c : m.all(PartnerParticipationChanged.class)) {
            ParticipationLevel previous = level.put(c.event().partnerId(), c.event().participationLevel());
            // core, participant, associate: a higher ordinal is a lighter way of taking part
            if (previous != null && c.event().participationLevel().ordinal() > previous.ordinal() && c.on().isAfter(w.from())) {
                lowered++;
                evidence.add(c.id());
            }
        }
        var withdrawals = w.in(PartnerWithdrew.class);
        evidence.addAll(ids(withdrawals));
        return Driver.of(!evidence.isEmpty(), worse + " balance rating(s) worse than before, " + lowered
                + " participation level(s) lowered, " + withdrawals.size() + " partner(s) withdrew", evidence);
    }

    private Driver d9(Window w) {
        MonthContext m = w.month();
        var boardDepartures = w.in(RepresentativeDeparted.class).stream()
                               .filter(d -> d.event().level() == Level.BOARD).toList();
        Set<LeadRole> top = EnumSet.of(LeadRole.CHAIR, LeadRole.COORDINATOR);
        List<String> changes = new ArrayList<>();
        w.in(NetworkRoleEnded.class).stream().filter(e -> top.contains(e.event().role())).forEach(e -> changes.add(e.id()));
        var assignments = m.all(NetworkRoleAssigned.class);
        for (int i = 0; i < assignments.size(); i++) {
            var a = assignments.get(i);
            boolean inWindow = a.on().isAfter(w.from());
            // the look back over earlier assignments only for the few that can count
            if (inWindow && top.contains(a.event().role()) && assignments.subList(0, i).stream()
                    .anyMatch(b -> b.event().role() == a.event().role() && !b.event().personRef().equals(a.event().personRef()))) {
                changes.add(a.id());
            }
        }
        var joins = w.in(PartnerJoined.class).stream().filter(j -> !NetworkFacts.inFoundingMonth(m, j.on())).toList();
        List<String> evidence = new ArrayList<>(ids(boardDepartures));
        evidence.addAll(changes);
        evidence.addAll(ids(joins));
        return Driver.of(!evidence.isEmpty(), boardDepartures.size() + " board-level departure(s), " + changes.size()
                + " change(s) of chair or coordinator, " + joins.size() + " partner(s) joined", NetworkFacts.evidence(evidence));
    }
}
