package nl.samenspel.command.network;

import nl.samenspel.command.network.NetworkState.PartnerFacts;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.validation.FieldError;
import nl.samenspel.kernel.validation.RuleViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * What the rules of every group of the catalogue share: the network's state the entry is judged against, the prefix
 * of its field names (for a correction's replacement) and the common questions — is this partner known and active on
 * the entry's date, is this id new, does an end lie after its start. Each group's rules check what an entry of that
 * group refers to; every refusal names the field, and checks of different fields are made {@link #each} so that an
 * entry is refused once with every field at fault.
 */
abstract class GroupRules {
    protected final NetworkState state;
    private final String prefix;

    GroupRules(NetworkState state, String prefix) {
        this.state = state;
        this.prefix = prefix;
    }

    /** Refuses {@code entry}, an entry of this group, if what it refers to is not so in the network's state. */
    abstract void check(NetworkEvent entry);

    /**
     * Makes {@code checks}, each of which refuses one field (or one part of it), and refuses with every refusal they
     * make together, of the kind (400, 404, 409) of the first: a row or a form that is wrong in three fields is put
     * right in one go. A check that needs what an earlier one established belongs in the same check.
     */
    static void each(Runnable... checks) {
        each(List.of(checks));
    }

    static void each(List<Runnable> checks) {
        RuleViolation first = null;
        Set<FieldError> errors = new LinkedHashSet<>();
        for (Runnable check : checks) {
            try {
                check.run();
            } catch (RuleViolation violation) {
                first = first == null ? violation : first;
                errors.addAll(violation.errors());
            }
        }
        if (first != null) {
            throw errors.size() == first.errors().size() ? first
                                                         : new RuleViolation(first.kind(), new ArrayList<>(errors));
        }
    }

    /** The same check of every item of a list, each refusing its own item. */
    static void eachOf(int size, IntConsumer check) {
        each(IntStream.range(0, size).<Runnable>mapToObj(i -> () -> check.accept(i)).toList());
    }

    /** How far ahead a due date may lie: further is a typed year (20260 for 2026), not a promise anyone will check. */
    static final int DUE_WITHIN_YEARS = 50;

    /** A due date is on or after the date of the entry that sets it, and within {@link #DUE_WITHIN_YEARS} of it. */
    final void dueAfter(LocalDate dueOn, LocalDate on) {
        if (dueOn != null && dueOn.isBefore(on)) {
            throw invalid("dueOn", "lies before the entry's date " + on + " (occurredOn)");
        }
        if (dueOn != null && dueOn.isAfter(on.plusYears(DUE_WITHIN_YEARS))) {
            throw invalid("dueOn", "lies more than " + DUE_WITHIN_YEARS + " years after the entry's date (was " + dueOn
                    + ")");
        }
    }

    /** An end (a departure, an ended role, a completion) does not lie before the start it ends. */
    final void notBeforeStart(LocalDate on, Object started, String what) {
        state.startedOn(started).ifPresent(start -> notBefore(on, start, what));
    }

    final void notBefore(LocalDate on, LocalDate start, String what) {
        if (on.isBefore(start)) {
            throw invalid("occurredOn", "lies before " + what + " on " + start);
        }
    }

    final PartnerFacts known(String field, UUID partnerId) {
        return state.partner(partnerId).orElseThrow(() -> notFound(field, "no partner with this id in this network"));
    }

    /** A partner of this network that was active on the entry's date. */
    final void active(String field, UUID partnerId, LocalDate on) {
        PartnerFacts partner = known(field, partnerId);
        if (!partner.activeOn(on)) {
            throw conflict(field, partner.withdrawnOn() != null && !on.isBefore(partner.withdrawnOn())
                    ? "partner " + partner.name() + " withdrew on " + partner.withdrawnOn()
                    : "partner " + partner.name() + " only joined on " + partner.joinedOn());
        }
    }

    final void activeAll(String field, Collection<UUID> partnerIds, LocalDate on) {
        List<UUID> ids = List.copyOf(partnerIds);
        if (new HashSet<>(ids).size() != ids.size()) {
            throw invalid(field, "names a partner more than once");
        }
        eachOf(ids.size(), i -> active(field + "[" + i + "]", ids.get(i), on));
    }

    final void fresh(String field, boolean exists) {
        if (exists) {
            throw conflict(field, "an entry with this id already exists");
        }
    }

    final RuleViolation invalid(String field, String message) {
        return RuleViolation.invalid(prefix + field, message);
    }

    final RuleViolation notFound(String field, String message) {
        return RuleViolation.notFound(prefix + field, message);
    }

    final RuleViolation conflict(String field, String message) {
        return RuleViolation.conflict(prefix + field, message);
    }
}
