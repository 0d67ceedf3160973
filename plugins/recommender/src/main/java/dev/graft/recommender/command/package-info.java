/**
 * {@code graft recommender ...} commands: train a recommender model into a source folder, and write
 * the cold-start scenario's data, source model and job.
 */
package dev.graft.recommender.command;
