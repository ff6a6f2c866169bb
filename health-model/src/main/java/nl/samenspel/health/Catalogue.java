package nl.samenspel.health;

import nl.samenspel.health.dip.AfterTheChampagne;
import nl.samenspel.health.dip.DipRisk;
import nl.samenspel.health.dip.MissingIngredient;
import nl.samenspel.health.dip.NetworkDip;
import nl.samenspel.health.dip.NetworkEnergy;
import nl.samenspel.health.dip.Vitality;
import nl.samenspel.health.people.BoardConnectionLost;
import nl.samenspel.health.people.Continuity;
import nl.samenspel.health.people.FigureEightClosure;
import nl.samenspel.health.people.FormalContactOnly;
import nl.samenspel.health.people.LeadershipAndContact;
import nl.samenspel.health.people.LeadershipInFewHands;
import nl.samenspel.health.people.Turnover;
import nl.samenspel.health.people.TurnoverWithoutHandover;
import nl.samenspel.health.tension.EasyCancellations;
import nl.samenspel.health.tension.NetworkTemperature;
import nl.samenspel.health.tension.OpenConflicts;
import nl.samenspel.health.tension.StuckConflict;
import nl.samenspel.health.tension.TemperatureRising;

import java.util.ArrayList;
import java.util.List;

/** The indicators and alert rules of the standard model, in the order they are computed. */
final class Catalogue {
    private Catalogue() {
    }

    static List<Indicator> indicators() {
        List<Indicator> all = new ArrayList<>();
        all.addAll(dipPeopleAndTensionIndicators());
        return List.copyOf(all);
    }

    static List<AlertRule> alerts() {
        List<AlertRule> all = new ArrayList<>();
        all.addAll(dipPeopleAndTensionAlerts());
        return List.copyOf(all);
    }

    // ---- Dip, people and tension: H5–H11, H13, H14 and A4–A12, A16 ------------------------------------------------

    /** H6 comes before H5: the dip phase in H5 needs the month's dip risk. */
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
}
