/**
 * A validated scenario resolved once into primitive, non-null parameter records that agents read: numbers unboxed,
 * defaults applied, names resolved to indices, dates to days from the scenario start. Built by
 * {@link io.gpusim.core.params.ScenarioParams#of}; rates and durations keep the calendar units the scenario states
 * them in (per week, per month, per year), and each agent converts them to its step once.
 */
package io.gpusim.core.params;
