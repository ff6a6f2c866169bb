package nl.samenspel.web.pages;

import nl.samenspel.web.api.SamenspelClient;
import nl.samenspel.web.api.SamenspelClient.DipMonth;
import nl.samenspel.web.api.SamenspelClient.Indicator;
import nl.samenspel.web.api.SamenspelClient.MonthHealth;
import nl.samenspel.web.api.SamenspelClient.NetworkSummary;
import nl.samenspel.web.security.SignedIn;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

import static nl.samenspel.web.pages.PageSupport.async;
import static nl.samenspel.web.pages.PageSupport.join;

/** Home: the networks I hold a role in, each with its health at a glance, and an organisation's portfolio. */
@Controller
public class HomeController {
    private final SamenspelClient client;
    private final ExecutorService pool;
    private final MessageSource messages;

    public HomeController(SamenspelClient client, ExecutorService serviceCalls, MessageSource messages) {
        this.client = client;
        this.pool = serviceCalls;
        this.messages = messages;
    }

    /** One network on the home page. */
    record NetworkCard(UUID networkId, String name, String description, List<String> roles, String month,
                       String worst, String worstWord, String worstNames, Map<String, Long> alerts,
                       List<AlertCount> alertCounts, String phase, String energyPoints, String energySummary,
                       String energyNow) {
    }

    record AlertCount(String severity, String word, long count) {
    }

    @GetMapping("/")
    public String home(@AuthenticationPrincipal SignedIn user, @RequestParam(required = false) String organisation,
                       Model model, Locale locale) {
        Words words = new Words(messages, locale);
        CompletableFuture<SamenspelClient.Me> me = async(pool, () -> client.me(user.token()));
        // the networks the user holds a role in: a platform admin is listed every network, but may read the health
        // of none without a role, and the page failed as a whole ("Not your network") right after the admin's login
        Set<UUID> mine = join(me).grants().stream().map(SamenspelClient.Grant::networkId).collect(Collectors.toSet());
        List<NetworkSummary> networks = client.networks(user.token()).stream()
                                              .filter(network -> mine.contains(network.networkId())).toList();
        if (networks.isEmpty() && join(me).admin() && (organisation == null || organisation.isBlank())) {
            // an admin without a role has nothing here: the administration is where their work is
            return "redirect:/admin";
        }
        List<CompletableFuture<NetworkCard>> cards = new ArrayList<>();
        // The partner organisations of my networks, offered while typing a portfolio's organisation name.
        List<CompletableFuture<SamenspelClient.Network>> details = networks.stream()
                .map(n -> async(pool, () -> client.network(user.token(), n.networkId()))).toList();
        List<String> organisations = details.stream().map(PageSupport::join)
                                            .flatMap(n -> n.partners().stream().map(SamenspelClient.Partner::name))
                                            .distinct().sorted(NameOrder.NAMES).toList();
        String asked = organisation == null ? "" : organisation.strip();
        List<String> named = named(asked, organisations, locale);
        // Part of a name that names one organisation is that organisation; one that names several lets the reader pick.
        String chosen = named.size() == 1 ? named.get(0) : asked;
        CompletableFuture<List<SamenspelClient.PortfolioLine>> portfolio = asked.isEmpty() || named.size() > 1
                ? CompletableFuture.completedFuture(null)
                : async(pool, () -> client.portfolio(user.token(), chosen));
        Map<UUID, List<String>> roles = join(me).grants().stream().collect(
                Collectors.groupingBy(SamenspelClient.Grant::networkId,
                                      Collectors.mapping(g -> words.orElse("role." + g.role(), g.role()),
                                                         Collectors.toList())));
        for (NetworkSummary network : networks) {
            CompletableFuture<MonthHealth> current = async(pool, () -> client.currentHealth(user.token(), network.networkId()));
            CompletableFuture<List<DipMonth>> dip = async(pool, () -> client.dipSeries(user.token(), network.networkId()));
            cards.add(current.thenCombine(dip, (health, series) ->
                    card(network, roles.getOrDefault(network.networkId(), List.of()), health, series, words)));
        }
        model.addAttribute("networks", cards.stream().map(PageSupport::join).toList());
        model.addAttribute("admin", join(me).admin());
        model.addAttribute("organisations", organisations);
        model.addAttribute("organisation", chosen);
        model.addAttribute("candidates", named.size() > 1 ? named : List.of());
        List<SamenspelClient.PortfolioLine> lines = join(portfolio);
        if (lines != null) {
            model.addAttribute("portfolio", lines.stream().map(line -> portfolioLine(line, words)).toList());
        }
        return "home";
    }

    /**
     * The organisations {@code asked} names: the one of that name (case aside), else those whose name holds it; none
     * when nothing is asked or nothing holds it (the service is then asked for the name as typed).
     */
    static List<String> named(String asked, List<String> organisations, Locale locale) {
        if (asked.isEmpty()) {
            return List.of();
        }
        List<String> exact = organisations.stream().filter(o -> o.equalsIgnoreCase(asked)).toList();
        if (!exact.isEmpty()) {
            return exact.subList(0, 1);
        }
        String part = asked.toLowerCase(locale);
        return organisations.stream().filter(o -> o.toLowerCase(locale).contains(part)).toList();
    }

    /** One line of an organisation's portfolio: its place in a network and that network's health at a glance. */
    record PortfolioRow(UUID networkId, String network, String level, String joinedOn, String withdrawnOn,
                        String worst, String worstWord, String worstNames, List<AlertCount> alertCounts) {
    }

    private static PortfolioRow portfolioLine(SamenspelClient.PortfolioLine line, Words words) {
        Map<String, String> statuses = line.health() == null ? Map.of() : line.health().statuses();
        String worst = worst(statuses.values());
        return new PortfolioRow(line.networkId(), line.network(),
                                // the level's word, as the entry forms name it (core, participant, associate)
                                words.orElse("enum." + line.participationLevel(),
                                             String.valueOf(line.participationLevel())),
                                line.joinedOn() == null ? "" : line.joinedOn().toString(),
                                line.withdrawnOn() == null ? null : line.withdrawnOn().toString(),
                                worst, words.status(worst), worstNames(statuses, worst, words),
                                counts(line.health() == null ? List.of() : line.health().alerts(), words));
    }

    /**
     * The dip curve's phase in words; below the dip line without a dip it says why it is no dip ("Start" beside "now
     * 9 % of its peak" read as a mistake), as the dashboard's tile does at more length.
     */
    private static String phase(Indicator energy, String phase, Words words) {
        if (phase == null) {
            return words.get("value.none");
        }
        String said = words.orElse("phase." + phase, phase);
        Tiles.NoDip why = Tiles.NoDip.of(energy.figures());
        return why == null ? said : words.get("home.phase.noDip", said, words.percent(why.line()), why.needed(), why.active());
    }

    private static NetworkCard card(NetworkSummary network, List<String> roles, MonthHealth health,
                                    List<DipMonth> series, Words words) {
        Map<String, String> statuses = new java.util.HashMap<>();
        health.indicators().forEach((id, indicator) -> statuses.put(id, indicator.status()));
        String worst = worst(statuses.values());
        Indicator energy = health.indicator("H5");
        String phase = energy == null ? null : IndicatorCatalog.text(energy.figures(), "phase");
        List<Double> smoothed = series.stream().map(m -> m.energy() == null ? null
                : IndicatorCatalog.number(m.energy().figures(), "smoothedEnergy")).toList();
        String description = String.join(" · ", java.util.stream.Stream.of(network.sector(), network.region())
                                                                    .filter(s -> s != null && !s.isBlank()).toList());
        Double ratio = IndicatorCatalog.headline(energy);
        return new NetworkCard(network.networkId(), network.name(), description, roles, health.month(), worst,
                               words.status(worst), worstNames(statuses, worst, words),
                               Alerts.countBySeverity(health.alerts()),
                               counts(health.alerts(), words),
                               phase(energy, phase, words),
                               sparkline(smoothed),
                               words.get("home.energy.summary", series.size(),
                                         ratio == null ? words.get("value.none") : words.percent(ratio)),
                               // the line's span said beside it: a line alone did not say since when it runs
                               ratio == null || series.isEmpty() ? null
                                       : words.get("home.energy.now", series.get(0).month(), words.percent(ratio)));
    }

    private static List<AlertCount> counts(List<SamenspelClient.Alert> alerts, Words words) {
        return Alerts.countBySeverity(alerts).entrySet().stream()
                     .map(e -> new AlertCount(e.getKey(), words.severity(e.getKey()), e.getValue())).toList();
    }

    /** The worst status among indicators with data: alert over watch over ok; none with data is n/a. */
    static String worst(java.util.Collection<String> statuses) {
        for (String status : List.of("ALERT", "WATCH", "OK")) {
            if (statuses.contains(status)) {
                return status;
            }
        }
        return "NA";
    }

    /**
     * Which indicators hold the worst status, by name in catalogue order (at most three, then how many more): a status
     * alone ("Action needed") did not say where to look. Null when the worst is fine or there are no figures.
     */
    static String worstNames(Map<String, String> statuses, String worst, Words words) {
        if (!worst.equals("ALERT") && !worst.equals("WATCH")) {
            return null;
        }
        List<String> names = statuses.entrySet().stream().filter(e -> worst.equals(e.getValue())).map(Map.Entry::getKey)
                                     .sorted(java.util.Comparator.comparingInt(HomeController::catalogueNumber)
                                                                 .thenComparing(java.util.Comparator.naturalOrder()))
                                     .map(id -> words.orElse("indicator." + id + ".name", id)).toList();
        String shown = String.join(", ", names.subList(0, Math.min(3, names.size())));
        return names.size() <= 3 ? shown : words.get("home.worst.more", shown, names.size() - 3);
    }

    /** The number of an indicator id (H5 is 5), for catalogue order; ids of another form last. */
    private static int catalogueNumber(String id) {
        return id.matches("H\\d{1,3}") ? Integer.parseInt(id.substring(1)) : Integer.MAX_VALUE;
    }

    /** Points of a small line drawn on the server (120 × 32), so the glance needs no script. */
    static String sparkline(List<Double> values) {
        double max = values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0);
        if (values.size() < 2 || max <= 0) {
            return "";
        }
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            double v = values.get(i) == null ? 0 : values.get(i);
            double x = 120.0 * i / (values.size() - 1);
            double y = 30 - 28 * v / max;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return points.toString().strip();
    }
}
