package nl.samenspel.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after too many failed logins for one username, or from one address, within a window,
 * further attempts are refused until the window has passed. Kept per service instance, in memory.
 */
public class LoginThrottle {
    private final int perUser;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int perUser, int perAddress, Duration window, Clock clock) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.window = window;
        this.clock = clock;
    }

    /** How long the caller must wait, or {@link Duration#ZERO} when it may try. */
    public Duration waitFor(String username, String address) {
        Duration user = waitFor("u:" + key(username), perUser);
        Duration addr = waitFor("a:" + address, perAddress);
        return user.compareTo(addr) >= 0 ? user : addr;
    }

    public void failed(String username, String address) {
        add("u:" + key(username));
        add("a:" + address);
    }

    public void succeeded(String username) {
        failures.remove("u:" + key(username));
    }

    private Duration waitFor(String key, int limit) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            prune(times);
            if (times.size() < limit) {
                return Duration.ZERO;
            }
            return Duration.between(clock.instant(), times.peekFirst().plus(window));
        }
    }

    private void add(String key) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            times.addLast(clock.instant());
        }
    }

    private void prune(Deque<Instant> times) {
        Instant horizon = clock.instant().minus(window);
        while (!times.isEmpty() && times.peekFirst().isBefore(horizon)) {
            times.pollFirst();
        }
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
