/**
 * The cold-start cross-domain scenario of issue #9, runnable without the pipeline: generate two
 * domains, hold out each target user's last interaction, train target-only and transferred models
 * and measure them with the plugin's evaluators.
 */
package dev.graft.recommender.scenario;
