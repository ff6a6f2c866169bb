package nl.samenspel.kernel.exchange;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a contribution stands. */
public enum ContributionStatus {
    @JsonProperty("pledged") PLEDGED,
    @JsonProperty("delivered") DELIVERED,
    @JsonProperty("withdrawn") WITHDRAWN
}
