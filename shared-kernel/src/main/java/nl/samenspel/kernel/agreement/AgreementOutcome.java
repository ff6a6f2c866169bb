package nl.samenspel.kernel.agreement;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How an agreement turned out. */
public enum AgreementOutcome {
    @JsonProperty("kept") KEPT,
    @JsonProperty("broken") BROKEN,
    @JsonProperty("cancelled") CANCELLED,
    @JsonProperty("renegotiated") RENEGOTIATED
}
