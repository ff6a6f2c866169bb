package nl.samenspel.kernel.exchange;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a partner contributes. */
public enum ContributionKind {
    @JsonProperty("money") MONEY,
    @JsonProperty("capacity") CAPACITY,
    @JsonProperty("knowledge") KNOWLEDGE,
    @JsonProperty("facilities") FACILITIES,
    @JsonProperty("network-access") NETWORK_ACCESS,
    @JsonProperty("other") OTHER
}
