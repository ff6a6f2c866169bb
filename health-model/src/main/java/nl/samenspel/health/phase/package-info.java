/**
 * The phase of a network (domain.md §2, §5.10): the phase the data suggest per month with the rule that chose it,
 * beside the phase the coordinator confirmed (H17), and the alert when the two stay apart (A18).
 */
package nl.samenspel.health.phase;
