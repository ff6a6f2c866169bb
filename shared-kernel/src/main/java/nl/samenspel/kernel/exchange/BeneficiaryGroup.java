package nl.samenspel.kernel.exchange;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Groups that can benefit from realised value, besides a single partner. */
public enum BeneficiaryGroup {
    @JsonProperty("residents") RESIDENTS,
    @JsonProperty("professionals") PROFESSIONALS,
    @JsonProperty("partners") PARTNERS,
    @JsonProperty("region") REGION,
    @JsonProperty("society") SOCIETY
}
