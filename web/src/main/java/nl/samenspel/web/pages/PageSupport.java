package nl.samenspel.web.pages;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.samenspel.web.api.SamenspelClient;
import nl.samenspel.web.security.SignedIn;
import nl.samenspel.web.security.WebSecurityConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * What every page shares: the signed-in user and the language switch in the header, the calls a page makes to the
 * services side by side, and the pages shown when a service says no or cannot be reached.
 */
@ControllerAdvice
@Configuration
public class PageSupport {
    private static final java.util.regex.Pattern NETWORK_PAGE =
            java.util.regex.Pattern.compile("^/networks/([0-9a-fA-F-]{36})(?:/.*)?$");

    private final org.springframework.beans.factory.ObjectProvider<SamenspelClient> client;
    private final org.springframework.context.MessageSource messages;

    public PageSupport(org.springframework.beans.factory.ObjectProvider<SamenspelClient> client,
                       org.springframework.context.MessageSource messages) {
        this.client = client;
        this.messages = messages;
    }

    /** Pages ask the services several questions at once; this pool answers them side by side. */
    @Bean(destroyMethod = "shutdown")
    public ExecutorService serviceCalls() {
        return Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "web-service-call");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code call} on the pool; {@link #join} answers its result or rethrows the service's error. */
    static <T> CompletableFuture<T> async(ExecutorService pool, Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, pool);
    }

    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The month asked for in {@code ?month=YYYY-MM}; null when none or not a month (the current month is shown). */
    static YearMonth pickedMonth(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * What to say when the month asked for in the address ({@code month}, read as {@code picked}) has no figures
     * (mistyped, before the network, in the future) and {@code shown} is shown instead, or null: said, not silently
     * swapped for the current one, in the words of {@code key}. The month is said as typed, without control characters (a NUL in the address was
     * written into the page) and short.
     */
    static String monthNotShown(String month, YearMonth picked, String shown, Words words, String key) {
        if (month == null || month.isBlank() || picked != null && picked.toString().equals(shown)) {
            return null;
        }
        String typed = month.strip().replaceAll("\\p{Cc}", "\uFFFD");
        return words.get(key, typed.length() > 20 ? typed.substring(0, 20) + "…" : typed, shown);
    }

    /** Whether the current month is shown: nothing picked, a month without figures, or the current month itself. */
    static boolean showsCurrent(YearMonth picked, List<String> months, SamenspelClient.MonthHealth now) {
        return picked == null || !months.contains(picked.toString()) || picked.toString().equals(now.month());
    }

    @ModelAttribute
    public void header(Model model, HttpServletRequest request, Locale locale,
                       @AuthenticationPrincipal SignedIn user) {
        model.addAttribute("user", user);
        model.addAttribute("lang", locale.getLanguage());
        // On an error page, the address asked for (the request itself is then the error page's)
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        // A page answering a form (its errors, or what was done) has the form's own page to switch on: the address a
        // form posts to may answer nothing else (a switch there answered 405, a page without a way back)
        String form = "POST".equals(request.getMethod()) ? WebSecurityConfiguration.pageSentFrom(request) : null;
        Supplier<UriComponentsBuilder> here = () -> failed instanceof String path
                ? ServletUriComponentsBuilder.fromRequest(request).replacePath(path).replaceQuery(null)
                : form != null ? UriComponentsBuilder.fromUriString(request.getContextPath() + form)
                : ServletUriComponentsBuilder.fromRequest(request);
        model.addAttribute("langUrls", Map.of(
                "nl", here.get().replaceQueryParam("lang", "nl").build().toUriString(),
                "en", here.get().replaceQueryParam("lang", "en").build().toUriString()));
    }

    /**
     * A part of the address that cannot be what it names (a network id that is no id, as when a query is glued on
     * without its "?"): the address names no page, as for any other unknown address. A request parameter of the wrong
     * type stays a bad request, on a page that says so.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public String noSuchPage(MethodArgumentTypeMismatchException e, HttpServletRequest request,
                             HttpServletResponse response, Model model, Locale locale) {
        header(model, request, locale, signedIn());
        if (!e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return badAddress(response, model);
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "error/404";
    }

    /**
     * A part of the address after its "?" that cannot be read (a page number that is no number) or that the page needs
     * and lacks: a page that says so (400), not the framework's answer in JSON.
     */
    @ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
    public String missingParameter(HttpServletRequest request, HttpServletResponse response, Model model,
                                   Locale locale) {
        header(model, request, locale, signedIn());
        return badAddress(response, model);
    }

    private static String badAddress(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("reason", "badaddress");
        return "problem";
    }

    /** The signed-in user, for a page an exception handler draws (it gets no resolved arguments of that kind). */
    private static SignedIn signedIn() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedIn user ? user : null;
    }

    /**
     * A service said no: an expired token ends the session (back to login, saying why); a network the user holds no
     * role in, or that does not exist, is a page that says so; an unreachable service likewise.
     */
    @ExceptionHandler(SamenspelClient.ApiException.class)
    public String refused(SamenspelClient.ApiException e, HttpServletRequest request, HttpServletResponse response,
                          Model model, Locale locale) {
        // An exception handler starts from an empty model: the header needs its attributes again.
        header(model, request, locale, signedIn());
        if (e.status() == 401) {
            new SecurityContextLogoutHandler().logout(request, response, null);
            return "redirect:/login?expired";
        }
        String reason = switch (e.status()) {
            case 403 -> "forbidden";
            case 404, 400 -> "notfound";
            default -> "unavailable";
        };
        response.setStatus(switch (reason) {
            case "forbidden" -> 403;
            case "notfound" -> 404;
            default -> 503;
        });
        model.addAttribute("reason", reason);
        if (reason.equals("forbidden") && request.getRequestURI().startsWith(request.getContextPath() + "/admin")) {
            Words words = new Words(messages, locale);
            model.addAttribute("problemTitle", words.get("problem.forbidden.admin.title"));
            model.addAttribute("problemText", words.get("problem.forbidden.admin.text"));
        } else if (reason.equals("forbidden")) {
            rolesHeld(request).ifPresent(roles -> {
                Words words = new Words(messages, locale);
                model.addAttribute("problemTitle", words.get("problem.forbidden.role.title"));
                model.addAttribute("problemText", words.get("problem.forbidden.role.text", String.join(", ",
                        roles.stream().map(role -> words.orElse("role." + role, role)).toList())));
            });
        }
        return "problem";
    }

    /**
     * The roles the signed-in user holds in the network of the page refused, in words, when they hold any: then the
     * page was refused for their role (a steering member on the log's forms), not because the network is not theirs.
     */
    private java.util.Optional<List<String>> rolesHeld(HttpServletRequest request) {
        SignedIn user = signedIn();
        java.util.regex.Matcher page = NETWORK_PAGE.matcher(request.getRequestURI());
        if (user == null || !page.matches()) {
            return java.util.Optional.empty();
        }
        try {
            java.util.UUID networkId = java.util.UUID.fromString(page.group(1));
            List<String> roles = client.getObject().me(user.token()).grants().stream()
                                       .filter(g -> g.networkId().equals(networkId)).map(SamenspelClient.Grant::role)
                                       .distinct().toList();
            return roles.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(roles);
        } catch (RuntimeException unknown) {
            return java.util.Optional.empty();
        }
    }
}
