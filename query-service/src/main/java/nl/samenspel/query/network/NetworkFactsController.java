package nl.samenspel.query.network;

import nl.samenspel.kernel.access.NetworkRole;
import nl.samenspel.kernel.network.Phase;
import nl.samenspel.kernel.validation.RuleViolation;
import nl.samenspel.query.facts.Contribution;
import nl.samenspel.query.facts.EffectiveHistory;
import nl.samenspel.query.facts.FactsSnapshot.Part;
import nl.samenspel.query.facts.FactsView;
import nl.samenspel.query.facts.Interest;
import nl.samenspel.query.facts.NetworkInfo;
import nl.samenspel.query.facts.PersonNames;
import nl.samenspel.query.facts.ValueClaim;
import nl.samenspel.query.network.NetworkFactsStore.StoredFacts;
import nl.samenspel.query.reads.ReadFrom;
import nl.samenspel.support.people.PeopleDirectory;
import nl.samenspel.support.security.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.samenspel.kernel.access.NetworkRole.AUDITOR;
import static nl.samenspel.kernel.access.NetworkRole.COORDINATOR;
import static nl.samenspel.kernel.access.NetworkRole.STEERING;
import static nl.samenspel.query.facts.FactsSnapshot.Part.*;
import static nl.samenspel.support.security.Access.Audience.NETWORK;

/**
 * The raw facts a network page shows, read from the facts read model ({@link NetworkFactsStore}) with every correction applied:
 * all of it at once ({@code /facts}) or one subject at a time. Steering sees people only as roles and levels;
 * representatives and role holders by name ({@code /partners}, {@code /roles}) are for coordinators and auditors.
 * Dates that depend on today (overdue, open) are judged on the day of the request. Each subject reads only the lists of
 * the facts its view is made from.
 */
@RestController
@RequestMapping("/api/networks/{networkId}")
@ReadFrom(NetworkFactsProjection.PROCESSOR)
public class NetworkFactsController {
    private final NetworkFactsStore store;
    private final PeopleDirectory people;
    private final Clock clock;

    public NetworkFactsController(NetworkFactsStore store, PeopleDirectory people, Clock clock) {
        this.store = store;
        this.people = people;
        this.clock = clock;
    }

    /** Everything at once, people as roles and levels only. */
    public record FactsPage(UUID networkId, LocalDate today, long lastSequence, Instant lastRecordedAt,
                            NetworkInfo network, Phase phase, List<FactsView.PartnerView> partners,
                            FactsView.RolesView roles, FactsView.AmbitionView ambition, List<Interest> interests,
                            List<FactsView.AgreementView> agreements, List<Contribution> contributions,
                            List<ValueClaim> valueClaims, FactsView.BalanceView balance,
                            List<FactsView.EvaluationView> evaluations,
                            List<FactsView.ActionView> improvementActions, FactsView.TemperatureView temperature,
                            List<FactsView.ConflictView> conflicts, FactsView.MeetingsView meetings,
                            List<FactsView.SubCoalitionView> subCoalitions, FactsView.ContextView context,
                            List<EffectiveHistory.Correction> corrections) {
    }

    @GetMapping("/facts")
    @Access(value = NETWORK, roles = {COORDINATOR, STEERING, AUDITOR})
    public FactsPage facts(@PathVariable UUID networkId) {
        StoredFacts stored = store.find(networkId).orElseThrow(NetworkFactsController::notFound);
        FactsView view = view(stored);
        return new FactsPage(networkId, view.today(), stored.lastSequence(), stored.lastRecordedAt(), view.network(),
                             view.phase(), view.partners(), view.roles(), view.ambition(), view.interests(),
                             view.agreements(), view.contributions(), view.valueClaims(), view.balance(),
                             view.evaluations(), view.improvementActions(), view.temperature(), view.conflicts(),
                             view.meetings(), view.subCoalitions(), view.context(), view.corrections());
    }

    /** Partners with participation level and their representatives per level, by name. */
    @GetMapping("/partners")
    @Access(value = NETWORK, roles = {COORDINATOR, AUDITOR})
    public List<FactsView.PartnerView> partners(@PathVariable UUID networkId) {
        FactsView view = view(networkId, PARTNERS, REPRESENTATIVES);
        return view.partnersWithPeople(names(networkId, view));
    }

    /** Network roles, active and ended, with who holds or held them. */
    @GetMapping("/roles")
    @Access(value = NETWORK, roles = {COORDINATOR, AUDITOR})
    public FactsView.RolesView roles(@PathVariable UUID networkId) {
        FactsView view = view(networkId, ROLES);
        return view.rolesWithPeople(names(networkId, view));
    }

    @GetMapping("/ambition")
    @Access(value = NETWORK, roles = {COORDINATOR, STEERING, AUDITOR})
    public FactsView.AmbitionView ambition(@PathVariable UUID networkId) {
        return view(networkId, AMBITION_VERSIONS, ENDORSEMENTS).ambition();
    }

    @GetMapping("/interests")
    @Access(value = NETWORK, roles = {COORDINATOR, STEERING, AUDITOR})
    public List<Interest> interests(@PathVariable UUID networkId) {
        return view(networkId, INTERESTS).interests();
    }

    @GetMapping("/agreements")
    @Access(value = NETWORK, roles = {COORDINATOR, STEERING, AUDITOR})
    public List<FactsView.AgreementView> agreements(@PathVariable UUID networkId) {
        return view(networkId, AGREEMENTS).agreements();
    }

    @GetMapping("/contributions")
    @Access(value = NETWORK, roles = {COORDINATOR, STEERING, AUDITOR})
    public List<Contribution> contributions(@PathVariable UUID networkId) {
        return view(networkId, CONTRIBUTIONS).contributions();
    }

    @GetMapping("/value-claims")
    @Access(value = NETWORK, roles = {COORDINATOR, STEERING, AUDITOR})
    public List<ValueClaim> valueClaims(@PathVariable UUID networkId) {
        return view(networkId, VALUE_CLAIMS).valueClaims();
    }

    @GetMapping("/balance")
    @Access(value = NETWORK, roles = {COORDINATOR, STEERING, AUDITOR})
    public FactsView.BalanceView balance(@PathVariable UUID networkId) {
        return view(networkId, BALANCE_ASSESSMENTS).balance();
    }

    @GetMapping("/evaluations")
    @Access(value = NETWORK, roles = {COORDINATOR, STEERING, AUDITOR})
    public List<FactsView.EvaluationView> evaluations(@PathVariable UUID networkId) {
        return view(networkId, EVALUATIONS).evaluations();
    }

    @GetMapping("/improvement-actions")
    @Access(value = NETWORK, roles = {COORDINATOR, STEERING, AUDITOR})
    public List<FactsView.ActionView> improvementActions(@PathVariable UUID networkId) {
        return view(networkId, IMPROVEMENT_ACTIONS).improvementActions();
    }

    @GetMapping("/temperature")
    @Access(value = NETWORK, roles = {COORDINATOR, STEERING, AUDITOR})
    public FactsView.TemperatureView temperature(@PathVariable UUID networkId) {
        return view(networkId, TEMPERATURE_READINGS).temperature();
    }

    @GetMapping("/conflicts")
    @Access(value = NETWORK, roles = {COORDINATOR, STEERING, AUDITOR})
    public List<FactsView.ConflictView> conflicts(@PathVariable UUID networkId) {
        return view(networkId, CONFLICTS).conflicts();
    }

    @GetMapping("/meetings")
    @Access(value = NETWORK, roles = {COORDINATOR, STEERING, AUDITOR})
    public FactsView.MeetingsView meetings(@PathVariable UUID networkId) {
        return view(networkId, MEETINGS, MEETING_CANCELLATIONS).meetings();
    }

    @GetMapping("/sub-coalitions")
    @Access(value = NETWORK, roles = {COORDINATOR, STEERING, AUDITOR})
    public List<FactsView.SubCoalitionView> subCoalitions(@PathVariable UUID networkId) {
        return view(networkId, SUB_COALITIONS).subCoalitions();
    }

    /** Phase and phase history, context changes, accountability requests, successes and regional analyses. */
    @GetMapping("/context")
    @Access(value = NETWORK, roles = {COORDINATOR, STEERING, AUDITOR})
    public FactsView.ContextView context(@PathVariable UUID networkId) {
        return view(networkId, PHASES, CONTEXT_CHANGES, ACCOUNTABILITY_REQUESTS, SUCCESSES,
                    REGIONAL_ANALYSES).context();
    }

    /** A view of only the lists it reads ({@code parts}); the other lists of the snapshot are empty. */
    private FactsView view(UUID networkId, Part... parts) {
        return view(store.find(networkId, EnumSet.copyOf(List.of(parts))).orElseThrow(NetworkFactsController::notFound));
    }

    private static RuleViolation notFound() {
        return RuleViolation.notFound("networkId", "no network with this id");
    }

    private FactsView view(StoredFacts stored) {
        return new FactsView(stored.facts(), LocalDate.now(clock));
    }

    /**
     * Names from the people directory, looked up by key for all people of the view at once. A reference that is not
     * a directory key, or that the directory does not know for this network, shows as unknown.
     */
    private PersonNames names(UUID networkId, FactsView view) {
        Map<String, UUID> keys = new HashMap<>();
        for (String ref : view.personRefs()) {
            try {
                keys.put(ref, UUID.fromString(ref));
            } catch (IllegalArgumentException notADirectoryKey) {
                // shown as unknown
            }
        }
        Map<UUID, PeopleDirectory.Person> found = people.findAll(networkId, keys.values());
        return ref -> {
            PeopleDirectory.Person person = keys.containsKey(ref) ? found.get(keys.get(ref)) : null;
            return person == null ? PersonNames.UNKNOWN : person.displayName();
        };
    }
}
