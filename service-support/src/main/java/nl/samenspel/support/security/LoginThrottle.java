package nl.samenspel.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Slows down password guessing without locking anyone out. Failed logins are counted per username and address
 * together, and per address alone; after a few free failures, each further attempt must wait twice as long as the one
 * before (one second, two, four, … up to the window). A success clears the username's count for that address, so
 * someone guessing a password from elsewhere never stops its owner from logging in.
 * <p>
 * The counts live in a cache with a fixed maximum size whose entries expire two windows after their last failure (so
 * a guesser who waits out the longest wait still finds their count), so
 * random usernames sent by the thousand cost a bounded amount of memory. Kept per service instance, in memory.
 */
public class LoginThrottle {
    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    private static final int MAX_KEY_CHARS = 128;

    private final int freePerUser;
    private final int freePerAddress;
    private final Duration window;
    private final Clock clock;
    private final Cache<String, Failures> failures;

    /**
     * @param freePerUser    failures of one username from one address before waits begin
     * @param freePerAddress failures from one address, whatever the username, before waits begin
     * @param window         the longest wait; a count is kept for twice this after its last failure
     * @param maxTracked     the most usernames and addresses tracked at once
     */
    public LoginThrottle(int freePerUser, int freePerAddress, Duration window, int maxTracked, Clock clock) {
        this.freePerUser = freePerUser;
        this.freePerAddress = freePerAddress;
        this.window = window;
        this.clock = clock;
        this.failures = Caffeine.newBuilder()
                                .maximumSize(maxTracked)
                                .expireAfterWrite(window.multipliedBy(2))
                                .ticker(() -> clock.instant().toEpochMilli() * 1_000_000L)
                                .executor(Runnable::run)
                                .build();
    }

    /** How long the caller must wait, or {@link Duration#ZERO} when it may try now. */
    public Duration waitFor(String username, String address) {
        Duration user = waitFor(userKey(username, address), freePerUser);
        Duration addr = waitFor(addressKey(address), freePerAddress);
        return user.compareTo(addr) >= 0 ? user : addr;
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        failures.asMap().merge(userKey(username, address), new Failures(1, now), Failures::plus);
        failures.asMap().merge(addressKey(address), new Failures(1, now), Failures::plus);
    }

    public void succeeded(String username, String address) {
        failures.invalidate(userKey(username, address));
    }

    /** How many usernames and addresses are tracked now (after expired entries are dropped). */
    public long tracked() {
        failures.cleanUp();
        return failures.estimatedSize();
    }

    private Duration waitFor(String key, int free) {
        Failures f = failures.getIfPresent(key);
        if (f == null || f.count() < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(f.count() - free, 20);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        if (wait.compareTo(window) > 0) {
            wait = window;
        }
        Duration left = Duration.between(clock.instant(), f.last().plus(wait));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static String userKey(String username, String address) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        // Usernames can be as long as a header allows; the first characters are enough to tell real ones apart.
        return "u:" + (name.length() > MAX_KEY_CHARS ? name.substring(0, MAX_KEY_CHARS) : name) + "\u0000" + address;
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }

    private record Failures(int count, Instant last) {
        Failures plus(Failures other) {
            return new Failures(count + other.count, other.last.isAfter(last) ? other.last : last);
        }
    }
}
