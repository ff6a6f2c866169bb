package nl.samenspel.command.network;

import nl.samenspel.command.network.NetworkState.PartnerFacts;
import nl.samenspel.kernel.history.Standing;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.PartnerJoined;
import nl.samenspel.kernel.network.PartnerParticipationChanged;
import nl.samenspel.kernel.network.PartnerWithdrew;
import nl.samenspel.kernel.people.NetworkRoleAssigned;
import nl.samenspel.kernel.people.NetworkRoleEnded;
import nl.samenspel.kernel.people.RepresentativeAppointed;
import nl.samenspel.kernel.people.RepresentativeDeparted;
import nl.samenspel.kernel.validation.Text;

import java.time.LocalDate;

/**
 * The rules of the partners and people groups: a partner joins once under a name no active partner has, withdraws
 * once, and representatives and network roles start and end for active partners, in that order.
 */
final class PartnersAndPeopleRules extends GroupRules {
    PartnersAndPeopleRules(NetworkState state, String prefix) {
        super(state, prefix);
    }

    /**
     * A person is named in the log by a reference, never by name: names are kept in the people directory, apart from
     * the log, so that they can be corrected and erased, which an entry cannot. A reference holds no space; "Jan de
     * Vries" was logged as it stood. (Departures and ended roles name whom they end as that entry did.)
     */
    private void reference(String personRef) {
        if (personRef != null && personRef.strip().chars().anyMatch(Character::isWhitespace)) {
            throw invalid("personRef", "is a name, not a reference: the log names people by a reference only, so that "
                    + "their names, kept in the people directory, can be corrected and erased; add the person there "
                    + "and give their reference");
        }
    }

    @Override
    void check(NetworkEvent entry) {
        LocalDate on = entry.occurredOn();
        if (entry instanceof PartnerJoined e) {
            String name = Text.nameKey(e.name());
            each(() -> {
                     if (state.partner(e.partnerId()).isPresent()) {
                         throw conflict("partnerId", "this partner already joined the network");
                     }
                 },
                 () -> state.partners().stream().filter(p -> p.activeNow() && Text.nameKey(p.name()).equals(name))
                            .findFirst().ifPresent(p -> {
                                throw conflict("name", "another active partner of this network is already called '"
                                        + p.name() + "'");
                            }));
        } else if (entry instanceof PartnerWithdrew e) {
            PartnerFacts partner = known("partnerId", e.partnerId());
            each(() -> {
                     if (!partner.activeNow()) {
                         throw conflict("partnerId", "this partner already withdrew on " + partner.withdrawnOn());
                     }
                 },
                 () -> {
                     if (on.isBefore(partner.joinedOn())) {
                         throw invalid("occurredOn", "lies before the partner joined on " + partner.joinedOn());
                     }
                 });
        } else if (entry instanceof PartnerParticipationChanged e) {
            active("partnerId", e.partnerId(), on);
        } else if (entry instanceof RepresentativeAppointed e) {
            each(() -> reference(e.personRef()),
                 () -> active("partnerId", e.partnerId(), on),
                 () -> {
                     if (state.inPostOnOrAfter(e.partnerId(), e.level(), e.personRef(), on)) {
                         throw conflict("personRef", "already represents this partner at this level");
                     }
                 });
        } else if (entry instanceof RepresentativeDeparted e) {
            active("partnerId", e.partnerId(), on);
            Standing.Post post = state.openPost(e.partnerId(), e.level(), e.personRef()).orElseThrow(
                    () -> notFound("personRef", "is not a current representative of this partner at this level"));
            notBefore(on, post.appointedOn(), "the representative was appointed");
        } else if (entry instanceof NetworkRoleAssigned e) {
            each(() -> reference(e.personRef()),
                 () -> active("partnerId", e.partnerId(), on),
                 () -> {
                     if (state.holdsOnOrAfter(e.role(), e.personRef(), e.partnerId(), on)) {
                         throw conflict("role", "this person already holds this role");
                     }
                 });
        } else if (entry instanceof NetworkRoleEnded e) {
            active("partnerId", e.partnerId(), on);
            Standing.Term term = state.openTerm(e.role(), e.personRef(), e.partnerId()).orElseThrow(
                    () -> notFound("role", "this person does not hold this role for this partner"));
            notBefore(on, term.since(), "the role was assigned");
        }
    }
}
