/**
 * Evaluation: the five conditions (vijf condities, H1), the evaluation rhythm (balans opmaken, H15), the
 * learning-working climate (leer-werkklimaat, H16) and their alerts (A13, A14, A17).
 *
 * <p>Two rules hold throughout. An evaluation "with responses" is one that has at least one response from a partner
 * that is still active at the end of the month: a partner that has withdrawn no longer speaks for the collaboration,
 * so its answers stop counting. And scores of these instruments are summarised per item over respondents (median,
 * and mean where domain.md asks for it); ordinal thermometer readings never come here.
 */
package nl.samenspel.health.evaluation;
