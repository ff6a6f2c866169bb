package nl.samenspel.kernel.agreement;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What kind of agreement was made. */
public enum AgreementKind {
    @JsonProperty("promise") PROMISE,
    @JsonProperty("rule") RULE,
    @JsonProperty("governance") GOVERNANCE,
    @JsonProperty("financial") FINANCIAL,
    @JsonProperty("operational") OPERATIONAL
}
