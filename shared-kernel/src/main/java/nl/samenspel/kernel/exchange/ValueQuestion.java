package nl.samenspel.kernel.exchange;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The eight network-value questions (economic E1-E3, social S1-S3, cultural C1-C2). */
public enum ValueQuestion {
    @JsonProperty("E1") E1,
    @JsonProperty("E2") E2,
    @JsonProperty("E3") E3,
    @JsonProperty("S1") S1,
    @JsonProperty("S2") S2,
    @JsonProperty("S3") S3,
    @JsonProperty("C1") C1,
    @JsonProperty("C2") C2
}
