/**
 * The {@code graft estimate} command: rank a source for a target with transferability estimators.
 */
package dev.graft.cli.estimate;
