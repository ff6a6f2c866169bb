package nl.samenspel.query.network;

import nl.samenspel.kernel.history.Standing;
import nl.samenspel.kernel.network.CollaborationForm;
import nl.samenspel.kernel.network.Motive;
import nl.samenspel.kernel.network.NetworkFounded;
import nl.samenspel.kernel.network.ParticipationLevel;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The read model of one network: its founding facts and its partners, current and withdrawn, with corrections applied
 * and partners read as the whole platform reads them ({@link Standing}). Keyed by network id,
 * so every read is an exact-key lookup. {@code lastSequence} makes the projection idempotent: an event at or below it
 * was already applied.
 */
@Document("network_views")
public class NetworkView {
    @Id
    private UUID networkId;
    private String name;
    private String sector;
    private String region;
    private CollaborationForm collaborationForm;
    private String societalTask;
    private LocalDate foundedOn;
    private List<PartnerView> partners = new ArrayList<>();
    private long lastSequence;
    private Instant lastRecordedAt;

    /** A partner as the network page shows it. */
    public record PartnerView(UUID partnerId, String name, String partnerType, ParticipationLevel participationLevel,
                              Set<Motive> motives, LocalDate joinedOn, LocalDate withdrawnOn, String withdrawalReason) {
        public boolean active() {
            return withdrawnOn == null;
        }

        PartnerView withdrawn(LocalDate on, String reason) {
            return new PartnerView(partnerId, name, partnerType, participationLevel, motives, joinedOn, on, reason);
        }
    }

    /** One line of the network list. */
    public record NetworkSummary(UUID networkId, String name, String sector, String region,
                                 CollaborationForm collaborationForm, LocalDate foundedOn, long activePartners) {
    }

    protected NetworkView() {
    }

    NetworkView(UUID networkId, String name, String sector, String region, CollaborationForm collaborationForm,
                String societalTask, LocalDate foundedOn) {
        this.networkId = networkId;
        this.name = name;
        this.sector = sector;
        this.region = region;
        this.collaborationForm = collaborationForm;
        this.societalTask = societalTask;
        this.foundedOn = foundedOn;
    }

    public NetworkSummary summary() {
        return new NetworkSummary(networkId, name, sector, region, collaborationForm, foundedOn,
                                  partners.stream().filter(PartnerView::active).count());
    }

    void addPartner(PartnerView partner) {
        partners.add(partner);
    }

    /**
     * Takes the founding facts and the partners from the effective history again: after a correction or retraction,
     * or a change of level, which the order of the log alone cannot place.
     */
    void refold(NetworkFounded founded, Standing standing) {
        if (founded != null) {
            name = founded.name();
            sector = founded.sector();
            region = founded.region();
            collaborationForm = founded.collaborationForm();
            societalTask = founded.societalTask();
            foundedOn = founded.foundedOn();
        }
        partners = new ArrayList<>();
        for (Standing.Membership m : standing.partners()) {
            partners.add(new PartnerView(m.partnerId(), m.joined().name(), m.joined().partnerType(), m.level(),
                                         m.joined().motives(), m.joinedOn(), m.withdrawnOn(),
                                         m.withdrawal() == null ? null : m.withdrawal().reason()));
        }
    }

    void withdrawPartner(UUID partnerId, LocalDate on, String reason) {
        partners.replaceAll(p -> p.partnerId().equals(partnerId) ? p.withdrawn(on, reason) : p);
    }

    void applied(long sequence, Instant recordedAt) {
        this.lastSequence = sequence;
        this.lastRecordedAt = recordedAt;
    }

    public UUID getNetworkId() {
        return networkId;
    }

    public String getName() {
        return name;
    }

    public String getSector() {
        return sector;
    }

    public String getRegion() {
        return region;
    }

    public CollaborationForm getCollaborationForm() {
        return collaborationForm;
    }

    public String getSocietalTask() {
        return societalTask;
    }

    public LocalDate getFoundedOn() {
        return foundedOn;
    }

    public List<PartnerView> getPartners() {
        return partners;
    }

    public long getLastSequence() {
        return lastSequence;
    }

    public Instant getLastRecordedAt() {
        return lastRecordedAt;
    }
}
