package nl.samenspel.command.network;

import nl.samenspel.kernel.agreement.AgreementKind;
import nl.samenspel.kernel.agreement.AgreementMade;
import nl.samenspel.kernel.agreement.AgreementOutcomeRecorded;
import nl.samenspel.kernel.ambition.AmbitionEndorsed;
import nl.samenspel.kernel.ambition.AmbitionStated;
import nl.samenspel.kernel.ambition.InterestDeclared;
import nl.samenspel.kernel.network.NetworkEvent;

import java.time.LocalDate;

/**
 * The rules of the ambition and agreement groups: ambition versions follow one another, endorsements name a stated
 * version, and agreements bind active partners, with a rule theme only for rules and an outcome named for one of their
 * parties.
 */
final class AmbitionAndAgreementRules extends GroupRules {
    AmbitionAndAgreementRules(NetworkState state, String prefix) {
        super(state, prefix);
    }

    @Override
    void check(NetworkEvent entry) {
        LocalDate on = entry.occurredOn();
        if (entry instanceof AmbitionStated e) {
            // Not simply "latest + 1": a correction of an older version is checked without that version.
            if (state.ambitionVersions.contains(e.version())) {
                throw conflict("version", "version " + e.version() + " was already stated; correct it, or state version "
                        + (state.latestAmbitionVersion() + 1));
            }
            if (e.version() > state.latestAmbitionVersion() + 1) {
                throw conflict("version", "must be " + (state.latestAmbitionVersion() + 1) + ", the next version");
            }
        } else if (entry instanceof AmbitionEndorsed e) {
            each(() -> active("partnerId", e.partnerId(), on),
                 () -> {
                     if (!state.ambitionVersions.contains(e.ambitionVersion())) {
                         throw notFound("ambitionVersion", "no ambition version " + e.ambitionVersion() + " was stated");
                     }
                 });
        } else if (entry instanceof InterestDeclared e) {
            active("partnerId", e.partnerId(), on);
        } else if (entry instanceof AgreementMade e) {
            each(() -> fresh("agreementId", state.agreements.containsKey(e.agreementId())),
                 () -> dueAfter(e.dueOn(), on),
                 () -> {
                     if (e.kind() == AgreementKind.RULE && e.ruleTheme() == null) {
                         throw invalid("ruleTheme", "is required for a rule agreement");
                     }
                     if (e.kind() != AgreementKind.RULE && e.ruleTheme() != null) {
                         throw invalid("ruleTheme", "belongs only to rule agreements");
                     }
                 },
                 () -> activeAll("partyIds", e.partyIds(), on));
        } else if (entry instanceof AgreementOutcomeRecorded e) {
            NetworkState.AgreementFacts agreement = state.agreements.get(e.agreementId());
            if (agreement == null) {
                throw notFound("agreementId", "no agreement with this id in this network");
            }
            each(() -> notBeforeStart(on, e.agreementId(), "the agreement was made"),
                 () -> {
                     active("responsiblePartnerId", e.responsiblePartnerId(), on);
                     if (!agreement.partyIds().contains(e.responsiblePartnerId())) {
                         throw invalid("responsiblePartnerId", "must be one of the agreement's parties");
                     }
                 });
        }
    }
}
