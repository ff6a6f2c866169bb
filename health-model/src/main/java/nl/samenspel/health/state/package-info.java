/**
 * Small folds of the history that several indicators and alerts share: who represents whom, who holds which lead
 * role, which agreements are in force, when the network was founded. They answer for one month of a
 * {@link nl.samenspel.health.MonthContext} and keep no state between months.
 */
package nl.samenspel.health.state;
