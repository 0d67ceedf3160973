/**
 * Splits recommenders use: leave-last-out by timestamp per user and a global time split. Neither
 * lets a future interaction into training.
 */
package dev.graft.recommender.split;
