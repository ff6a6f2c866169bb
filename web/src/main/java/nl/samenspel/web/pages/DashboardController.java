package nl.samenspel.web.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.samenspel.web.api.SamenspelClient;
import nl.samenspel.web.api.SamenspelClient.AlertEpisode;
import nl.samenspel.web.api.SamenspelClient.DipMonth;
import nl.samenspel.web.api.SamenspelClient.MonthHealth;
import nl.samenspel.web.security.SignedIn;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import static nl.samenspel.web.pages.PageSupport.async;
import static nl.samenspel.web.pages.PageSupport.join;

/**
 * The network dashboard a steering group reads every month: the sixteen indicators, the alerts, and the charts, for
 * the current month or any month picked (then "as of" that month's end, with every correction recorded so far).
 */
@Controller
public class DashboardController {
    /** The dip curve's answer holds these; any other indicator's timeline needs the full timeline. */
    private static final Set<String> IN_DIP_SERIES = Set.of("H5", "H6", "H7");

    private final SamenspelClient client;
    private final ExecutorService pool;
    private final MessageSource messages;
    private final ObjectMapper json;

    public DashboardController(SamenspelClient client, ExecutorService serviceCalls, MessageSource messages,
                               ObjectMapper json) {
        this.client = client;
        this.pool = serviceCalls;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/networks/{networkId}")
    public String dashboard(@PathVariable UUID networkId, @RequestParam(required = false) String month,
                            @RequestParam(required = false, defaultValue = "H5") String indicator,
                            @RequestParam(required = false) String against,
                            @AuthenticationPrincipal SignedIn user, Model model, Locale locale) {
        Words words = new Words(messages, locale);
        String token = user.token();
        String timelineId = IndicatorCatalog.IDS.contains(indicator) ? indicator : "H5";
        YearMonth picked = PageSupport.pickedMonth(month);
        // Asked side by side; the network comes first so a network the user may not see fails before anything else.
        CompletableFuture<SamenspelClient.Network> network = async(pool, () -> client.network(token, networkId));
        CompletableFuture<List<DipMonth>> dip = async(pool, () -> client.dipSeries(token, networkId));
        CompletableFuture<List<AlertEpisode>> episodes = async(pool, () -> client.alerts(token, networkId));
        CompletableFuture<MonthHealth> current = async(pool, () -> client.currentHealth(token, networkId));
        CompletableFuture<SamenspelClient.Me> me = async(pool, () -> client.me(token));
        // every indicator's status in every month: the timeline chart's, and the month before the one shown, against
        // which each tile says whether it got better or worse
        CompletableFuture<List<MonthHealth>> timeline = async(pool, () -> client.timeline(token, networkId));
        CompletableFuture<MonthHealth> asOf = picked == null || picked.equals(YearMonth.now()) ? null
                : async(pool, () -> client.healthAsOf(token, networkId, picked.atEndOfMonth()));
        SamenspelClient.Network shown = join(network);

        List<MonthHealth> dipMonths = join(dip).stream().map(DipMonth::asMonth).toList();
        MonthHealth now = join(current);
        List<String> months = dipMonths.stream().map(MonthHealth::month).toList();
        boolean isCurrent = PageSupport.showsCurrent(picked, months, now);
        MonthHealth selected = isCurrent ? now
                : asOf != null ? join(asOf) : client.healthAsOf(token, networkId, picked.atEndOfMonth());
        String selectedMonth = selected.month();
        List<MonthHealth> upTo = dipMonths.stream().filter(m -> m.month().compareTo(selectedMonth) <= 0).toList();
        List<MonthHealth> allMonths = join(timeline);
        List<MonthHealth> timelineMonths = IN_DIP_SERIES.contains(timelineId) ? upTo
                : allMonths.stream().filter(m -> m.month().compareTo(selectedMonth) <= 0).toList();
        // A month the reader chose to compare with (this spring against the last), else the month before
        Tiles.Against comparedWith = Tiles.Against.of(allMonths, selectedMonth, against, words);

        String base = "/networks/" + networkId;
        Map<String, Charts.Chart> charts = new LinkedHashMap<>();
        for (Charts.Chart chart : List.of(Charts.dip(upTo, words), Charts.giveAndTake(selected.indicator("H4"), words),
                                          Charts.capitals(selected.indicator("H12"), words),
                                          Charts.conditions(selected.indicator("H1"), words),
                                          Charts.figureEight(selected.indicator("H10"), words),
                                          Charts.thermometer(selected.indicator("H13"), words),
                                          Charts.learning(selected.indicator("H16"), words),
                                          Charts.timeline(timelineId, timelineMonths, now.month(), words))) {
            charts.put(chart.key(), chart);
        }
        Map<String, Object> chartData = new LinkedHashMap<>();
        charts.forEach((key, chart) -> chartData.put(key, Map.of("kind", chart.kind(), "title", chart.title(),
                                                                 "data", chart.data())));

        model.addAttribute("network", shown);
        model.addAttribute("base", base);
        // The audit pages are for the network's coordinators and auditors; the link shows only to them.
        model.addAttribute("canAudit", Coordinators.holdsAny(join(me), networkId, "auditor", "coordinator"));
        // Only the network's coordinators log entries.
        model.addAttribute("canLog", Coordinators.isCoordinator(join(me), networkId));
        // Importing and the people directory are the coordinators' work.
        model.addAttribute("canManage", Coordinators.isCoordinator(join(me), networkId));
        List<String> newestFirst = new java.util.ArrayList<>(months);
        java.util.Collections.reverse(newestFirst);
        model.addAttribute("months", newestFirst);
        model.addAttribute("selectedMonth", selectedMonth);
        model.addAttribute("monthNotShown", PageSupport.monthNotShown(month, picked, selectedMonth, words,
                                                                         "dashboard.month.notShown"));
        model.addAttribute("currentMonth", now.month());
        model.addAttribute("isCurrent", isCurrent);
        model.addAttribute("asOf", selected.asOf());
        model.addAttribute("tiles", comparedWith.tiles(selected, words, base + "/explain"));
        model.addAttribute("against", comparedWith.chosenMonth());
        model.addAttribute("againstNotShown", comparedWith.notShown());
        model.addAttribute("phase", PhaseLine.of(selected, words, base + "/explain"));
        model.addAttribute("alerts", Alerts.of(join(episodes), selected, words, base + "/explain"));
        model.addAttribute("charts", charts);
        model.addAttribute("chartJson", script(chartData));
        model.addAttribute("timelineIndicator", timelineId);
        model.addAttribute("indicatorIds", IndicatorCatalog.IDS);
        return "dashboard";
    }

    /** JSON that is safe inside a script element: no "<" can close it early. */
    private String script(Object data) {
        try {
            return json.writeValueAsString(data).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
