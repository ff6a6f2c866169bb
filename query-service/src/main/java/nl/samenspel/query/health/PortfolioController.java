package nl.samenspel.query.health;

import jakarta.servlet.http.HttpServletRequest;
import nl.samenspel.kernel.validation.Checks;
import nl.samenspel.kernel.validation.Text;
import nl.samenspel.query.network.NetworkView;
import nl.samenspel.query.network.NetworkViewProjection;
import nl.samenspel.query.reads.ReadFrom;
import nl.samenspel.support.security.Access;
import nl.samenspel.support.security.Actor;
import nl.samenspel.support.security.SamenspelPrincipal;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The portfolio of one partner organisation: every network it takes part in (that the caller may see), with its
 * place there and the network's current health at a glance.
 */
@RestController
public class PortfolioController {
    private final MongoTemplate mongo;
    private final HealthQueries health;

    public PortfolioController(MongoTemplate mongo, HealthQueries health) {
        this.mongo = mongo;
        this.health = health;
    }

    @GetMapping("/api/portfolio")
    @ReadFrom({NetworkViewProjection.PROCESSOR, HealthProjection.PROCESSOR})
    @Access(Access.Audience.AUTHENTICATED)
    public List<Map<String, Object>> portfolio(@RequestParam String organisation, HttpServletRequest http) {
        Checks.start().name("organisation", organisation, 200).orThrow();
        SamenspelPrincipal caller = Actor.of(http).principal();
        Query visible = caller.admin() ? new Query() : new Query(Criteria.where("_id").in(caller.networks()));
        String wanted = Text.nameKey(organisation);
        List<Map<String, Object>> result = new ArrayList<>();
        for (NetworkView network : mongo.find(visible, NetworkView.class)) {
            for (NetworkView.PartnerView partner : network.getPartners()) {
                if (!Text.nameKey(partner.name()).equals(wanted)) {
                    continue;
                }
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("networkId", network.getNetworkId());
                line.put("network", network.getName());
                line.put("partnerId", partner.partnerId());
                line.put("participationLevel", partner.participationLevel());
                line.put("joinedOn", partner.joinedOn());
                line.put("withdrawnOn", partner.withdrawnOn());
                line.put("health", glance(network));
                result.add(line);
            }
        }
        return result;
    }

    /** Status per indicator and the open alerts of the network's current month. */
    private Map<String, Object> glance(NetworkView network) {
        Map<String, Object> glance = new LinkedHashMap<>();
        try {
            Document current = health.current(network.getNetworkId());
            Map<String, Object> statuses = new LinkedHashMap<>();
            Document indicators = (Document) current.get("indicators");
            if (indicators != null) {
                indicators.forEach((id, value) -> statuses.put(id, ((Document) value).get("status")));
            }
            glance.put("month", current.get("month"));
            glance.put("statuses", statuses);
            glance.put("alerts", current.get("alerts"));
        } catch (RuntimeException noHealthYet) {
            glance.put("month", null);
        }
        return glance;
    }
}
