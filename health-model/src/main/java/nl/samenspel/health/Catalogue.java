package nl.samenspel.health;

import nl.samenspel.health.dip.AfterTheChampagne;
import nl.samenspel.health.dip.DipRisk;
import nl.samenspel.health.dip.MissingIngredient;
import nl.samenspel.health.dip.NetworkDip;
import nl.samenspel.health.dip.NetworkEnergy;
import nl.samenspel.health.dip.Vitality;
import nl.samenspel.health.evaluation.EvaluationOverdueOrNotJoint;
import nl.samenspel.health.evaluation.EvaluationRhythm;
import nl.samenspel.health.evaluation.FiveConditions;
import nl.samenspel.health.evaluation.LearningClimate;
import nl.samenspel.health.evaluation.LessonsNotFollowedUp;
import nl.samenspel.health.evaluation.PerceptionGap;
import nl.samenspel.health.people.BoardConnectionLost;
import nl.samenspel.health.phase.PhaseOutOfStep;
import nl.samenspel.health.state.Agreements;
import nl.samenspel.health.phase.PhaseSuggestion;
import nl.samenspel.health.people.Continuity;
import nl.samenspel.health.people.FigureEightClosure;
import nl.samenspel.health.people.FormalContactOnly;
import nl.samenspel.health.people.LeadershipAndContact;
import nl.samenspel.health.people.LeadershipInFewHands;
import nl.samenspel.health.people.Turnover;
import nl.samenspel.health.people.TurnoverWithoutHandover;
import nl.samenspel.health.sharing.AmbitionGoneStale;
import nl.samenspel.health.evaluation.Evaluations;
import nl.samenspel.health.sharing.AmbitionNotShared;
import nl.samenspel.health.sharing.BalanceRatings;
import nl.samenspel.health.sharing.Contributions;
import nl.samenspel.health.sharing.GiveAndTake;
import nl.samenspel.health.sharing.OneSidedValue;
import nl.samenspel.health.sharing.PerceivedUnfairBalance;
import nl.samenspel.health.sharing.PromiseKeeping;
import nl.samenspel.health.sharing.SharedAmbition;
import nl.samenspel.health.sharing.ThreeCapitals;
import nl.samenspel.health.tension.EasyCancellations;
import nl.samenspel.health.tension.NetworkTemperature;
import nl.samenspel.health.tension.OpenConflicts;
import nl.samenspel.health.tension.Readings;
import nl.samenspel.health.tension.StuckConflict;
import nl.samenspel.health.tension.TemperatureRising;

import java.util.ArrayList;
import java.util.List;

/**
 * The indicators and alert rules of the standard model, in the order they are answered. Each group of the catalogue
 * registers itself in its own block below, so groups can be added independently.
 */
final class Catalogue {
    private Catalogue() {
    }

    static List<Indicator> indicators() {
        List<Indicator> all = new ArrayList<>();
        all.addAll(sharingAndEvaluationIndicators());
        all.addAll(dipPeopleAndTensionIndicators());
        all.addAll(phaseIndicators());
        return List.copyOf(all);
    }

    static List<AlertRule> alerts() {
        List<AlertRule> all = new ArrayList<>();
        all.addAll(sharingAndEvaluationAlerts());
        all.addAll(dipPeopleAndTensionAlerts());
        all.addAll(phaseAlerts());
        return List.copyOf(all);
    }

    /** The parts of the network state the rules read, folded together in one walk of the history. */
    static List<NetworkState.Part<?>> parts() {
        return PARTS;
    }

    private static final List<NetworkState.Part<?>> PARTS = List.of(NetworkState.STANDING, Contributions.STATE,
                                                                    Agreements.BOOK, Readings.BY_SCOPE,
                                                                    Evaluations.RESPONSES, BalanceRatings.LATEST,
                                                                    Vitality.SUB_COALITIONS, HealthModel.ANONYMOUS);

    // ---- Sharing and evaluation: five conditions, ambition, promises, give and take, capitals, evaluation rhythm,
    //      learning climate (domain.md §5.1–5.3, 5.7, 5.9) and their alerts ----

    private static List<Indicator> sharingAndEvaluationIndicators() {
        return List.of(new FiveConditions(), new SharedAmbition(), new PromiseKeeping(), new GiveAndTake(),
                       new ThreeCapitals(), new EvaluationRhythm(), new LearningClimate());
    }

    private static List<AlertRule> sharingAndEvaluationAlerts() {
        return List.of(new AmbitionNotShared(), new AmbitionGoneStale(), new PerceivedUnfairBalance(),
                       new EvaluationOverdueOrNotJoint(), new LessonsNotFollowedUp(), new OneSidedValue(),
                       new PerceptionGap());
    }

    // ---- end of sharing and evaluation ----

    // ---- Dip, people and tension: H5–H11, H13, H14 and A4–A12, A16 ------------------------------------------------

    /** The order is only the order of the answer: a rule that reads another indicator asks for it by its type. */
    static List<Indicator> dipPeopleAndTensionIndicators() {
        return List.of(new DipRisk(), new NetworkEnergy(), new Vitality(),
                       new Turnover(), new Continuity(), new FigureEightClosure(), new LeadershipAndContact(),
                       new NetworkTemperature(), new OpenConflicts());
    }

    static List<AlertRule> dipPeopleAndTensionAlerts() {
        return List.of(new TemperatureRising(), new EasyCancellations(), new StuckConflict(),
                       new NetworkDip(), new MissingIngredient(),
                       new LeadershipInFewHands(), new BoardConnectionLost(), new TurnoverWithoutHandover(),
                       new FormalContactOnly(), new AfterTheChampagne());
    }

    // ---- end of dip, people and tension ------------------------------------------------------------------------------

    // ---- Phase: H17 and A18 (domain.md §5.10); after the dip block, because the suggestion reads H5 -------------------

    static List<Indicator> phaseIndicators() {
        return List.of(new PhaseSuggestion());
    }

    static List<AlertRule> phaseAlerts() {
        return List.of(new PhaseOutOfStep());
    }

    // ---- end of phase ------------------------------------------------------------------------------------------------
}
