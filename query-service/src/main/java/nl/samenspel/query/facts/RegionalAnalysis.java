package nl.samenspel.query.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A shared picture of the region, from figures and from stories, and the partners that endorse it. */
public record RegionalAnalysis(String title, List<String> quantitativeSources, List<String> qualitativeSources,
                               List<UUID> endorsingPartnerIds, LocalDate occurredOn, String eventId) {
    public RegionalAnalysis {
        quantitativeSources = Lists.copy(quantitativeSources);
        qualitativeSources = Lists.copy(qualitativeSources);
        endorsingPartnerIds = Lists.copy(endorsingPartnerIds);
    }
}
