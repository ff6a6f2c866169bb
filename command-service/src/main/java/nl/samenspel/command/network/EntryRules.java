package nl.samenspel.command.network;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import nl.samenspel.kernel.correction.EntryGroup;
import nl.samenspel.kernel.correction.EntryTypes;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.NetworkFounded;
import nl.samenspel.kernel.validation.Checks;
import nl.samenspel.kernel.validation.FieldError;
import nl.samenspel.kernel.validation.RuleViolation;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The rules of the event catalogue (domain.md 3.3) that decide whether an entry may join a network's history: its
 * shape (the annotations on the event record), its business date, and what it refers to — partners that are active
 * on that date, agreements, contributions, evaluations, conflicts and sub-coalitions of this network in the right
 * state. What an entry refers to is checked by the rules of its group in the catalogue ({@link GroupRules}). Every
 * refusal names the field.
 */
final class EntryRules {
    private static final ValidatorFactory VALIDATORS = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = VALIDATORS.getValidator();

    private EntryRules() {
    }

    /** Checks {@code entry} against the network's state; field names get {@code prefix} (for a correction's replacement). */
    static void check(NetworkState state, NetworkEvent entry, LocalDate today, String prefix) {
        checkShape(entry, prefix);
        checkAgainst(state, entry, today, prefix);
    }

    /**
     * The rules that read the network's state (its dates, who is active, what exists), without the record's own shape:
     * for judging again an entry whose shape was checked when it was logged.
     */
    static void checkAgainst(NetworkState state, NetworkEvent entry, LocalDate today, String prefix) {
        // a founding's date is its foundedOn, and a refusal names that field
        String dateField = entry instanceof NetworkFounded ? "foundedOn" : "occurredOn";
        Checks.start().businessDate(prefix + dateField, entry.occurredOn(), state.foundedOn, today).orThrow();
        rulesOf(EntryTypes.of(entry.getClass()).group(), state, prefix).check(entry);
    }

    /** The annotations on the record: required fields, sizes, ranges. All broken ones are reported together. */
    static void checkShape(Object entry, String prefix) {
        Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(entry);
        if (!violations.isEmpty()) {
            List<FieldError> errors = violations.stream()
                    .map(v -> new FieldError(prefix + v.getPropertyPath().toString().replaceAll("\\.<[^>]+>", ""),
                                             v.getMessage()))
                    // a blank required text breaks @NotBlank and the text rule alike, with the same message
                    .distinct()
                    .sorted(Comparator.comparing(FieldError::field)).toList();
            throw new RuleViolation(RuleViolation.Kind.INVALID, errors);
        }
    }

    /** The rules of a group of the catalogue; a new group does not compile until it has some. */
    private static GroupRules rulesOf(EntryGroup group, NetworkState state, String prefix) {
        return switch (group) {
            case NETWORK -> new NetworkRules(state, prefix);
            case PARTNERS, PEOPLE -> new PartnersAndPeopleRules(state, prefix);
            case AMBITION, AGREEMENTS -> new AmbitionAndAgreementRules(state, prefix);
            case EXCHANGE -> new ExchangeRules(state, prefix);
            case EVALUATIONS -> new EvaluationRules(state, prefix);
            case TENSION -> new TensionRules(state, prefix);
            case MEETINGS, STRUCTURE -> new MeetingAndStructureRules(state, prefix);
            // Checked by the aggregate against the entry they correct or retract, not here.
            case CORRECTIONS -> new GroupRules(state, prefix) {
                @Override
                void check(NetworkEvent entry) {
                }
            };
        };
    }
}
