package nl.samenspel.health;

import nl.samenspel.health.evaluation.EvaluationOverdueOrNotJoint;
import nl.samenspel.health.evaluation.EvaluationRhythm;
import nl.samenspel.health.evaluation.FiveConditions;
import nl.samenspel.health.evaluation.LearningClimate;
import nl.samenspel.health.evaluation.LessonsNotFollowedUp;
import nl.samenspel.health.evaluation.PerceptionGap;
import nl.samenspel.health.sharing.AmbitionGoneStale;
import nl.samenspel.health.sharing.AmbitionNotShared;
import nl.samenspel.health.sharing.GiveAndTake;
import nl.samenspel.health.sharing.OneSidedValue;
import nl.samenspel.health.sharing.PerceivedUnfairBalance;
import nl.samenspel.health.sharing.PromiseKeeping;
import nl.samenspel.health.sharing.SharedAmbition;
import nl.samenspel.health.sharing.ThreeCapitals;

import java.util.ArrayList;
import java.util.List;

/**
 * The indicators and alert rules of the standard model, in the order they are computed. Each group of the catalogue
 * registers itself in its own block below, so groups can be added independently.
 */
final class Catalogue {
    private Catalogue() {
    }

    static List<Indicator> indicators() {
        List<Indicator> all = new ArrayList<>();
        all.addAll(sharingAndEvaluationIndicators());
        return List.copyOf(all);
    }

    static List<AlertRule> alerts() {
        List<AlertRule> all = new ArrayList<>();
        all.addAll(sharingAndEvaluationAlerts());
        return List.copyOf(all);
    }

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
}
