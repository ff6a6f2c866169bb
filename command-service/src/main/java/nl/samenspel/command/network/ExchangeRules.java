package nl.samenspel.command.network;

import nl.samenspel.kernel.exchange.BalanceAssessed;
import nl.samenspel.kernel.exchange.ContributionKind;
import nl.samenspel.kernel.exchange.ContributionRecorded;
import nl.samenspel.kernel.exchange.ContributionStatus;
import nl.samenspel.kernel.exchange.ContributionStatusChanged;
import nl.samenspel.kernel.exchange.Unit;
import nl.samenspel.kernel.exchange.ValueRealised;
import nl.samenspel.kernel.network.NetworkEvent;

import java.time.LocalDate;

/**
 * The rules of give and take: contributions flow between active partners (or to the network), money is counted in
 * euros, and contributions move from pledged to
 * delivered or withdrawn once, and realised value names one beneficiary and a question of its capital.
 */
final class ExchangeRules extends GroupRules {
    ExchangeRules(NetworkState state, String prefix) {
        super(state, prefix);
    }

    @Override
    void check(NetworkEvent entry) {
        LocalDate on = entry.occurredOn();
        if (entry instanceof ContributionRecorded e) {
            each(() -> fresh("contributionId", state.contributions.containsKey(e.contributionId())),
                 () -> active("fromPartnerId", e.fromPartnerId(), on),
                 () -> {
                     if (e.toPartnerId() != null) {
                         if (e.toPartnerId().equals(e.fromPartnerId())) {
                             throw invalid("toPartnerId", "must differ from fromPartnerId (leave it out for the network)");
                         }
                         active("toPartnerId", e.toPartnerId(), on);
                     }
                 },
                 () -> {
                     if (e.kind() == ContributionKind.MONEY && e.unit() != Unit.EUR) {
                         // "money, 40 hours" went into the totals of give and take as it stood
                         throw invalid("unit", "money is counted in EUR");
                     }
                 },
                 () -> {
                     if (e.status() == ContributionStatus.WITHDRAWN) {
                         throw invalid("status", "must be pledged or delivered");
                     }
                 });
        } else if (entry instanceof ContributionStatusChanged e) {
            ContributionStatus current = state.contributions.get(e.contributionId());
            if (current == null) {
                throw notFound("contributionId", "no contribution with this id in this network");
            }
            each(() -> notBeforeStart(on, e.contributionId(), "the contribution was recorded"),
                 () -> {
                     if (e.status() == ContributionStatus.PLEDGED) {
                         throw invalid("status", "must be delivered or withdrawn");
                     }
                     if (current == ContributionStatus.WITHDRAWN || current == e.status()) {
                         throw conflict("status", "the contribution is already " + current.name().toLowerCase());
                     }
                 });
        } else if (entry instanceof ValueRealised e) {
            each(() -> {
                     if ((e.beneficiaryPartnerId() == null) == (e.beneficiaryGroup() == null)) {
                         throw invalid("beneficiaryPartnerId", "name either a beneficiary partner or a beneficiary group");
                     }
                     if (e.beneficiaryPartnerId() != null) {
                         active("beneficiaryPartnerId", e.beneficiaryPartnerId(), on);
                     }
                 },
                 () -> {
                     if (e.questionId() != null && !e.questionId().name().startsWith(e.capital().name().substring(0, 1))) {
                         throw invalid("questionId", "question " + e.questionId() + " does not belong to the "
                                 + e.capital().name().toLowerCase() + " capital");
                     }
                 });
        } else if (entry instanceof BalanceAssessed e) {
            active("partnerId", e.partnerId(), on);
        }
    }
}
