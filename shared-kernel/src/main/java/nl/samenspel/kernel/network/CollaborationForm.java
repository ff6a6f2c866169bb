package nl.samenspel.kernel.network;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The legal or working form of the collaboration. */
public enum CollaborationForm {
    @JsonProperty("network") NETWORK,
    @JsonProperty("alliance") ALLIANCE,
    @JsonProperty("building-team") BUILDING_TEAM,
    @JsonProperty("programme") PROGRAMME,
    @JsonProperty("foundation") FOUNDATION,
    @JsonProperty("regional-table") REGIONAL_TABLE,
    @JsonProperty("other") OTHER
}
