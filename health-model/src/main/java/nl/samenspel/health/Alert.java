package nl.samenspel.health;

import java.util.List;

/**
 * An alert (A1–A18) that holds in a month: what it is, how urgent, why (detail and evidence events) and a suggested
 * response paraphrased from the practice literature.
 */
public record Alert(String id, String title, Severity severity, String detail, List<String> evidence,
                    String suggestedResponse) {
}
