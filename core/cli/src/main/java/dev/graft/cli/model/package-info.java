/**
 * {@code graft model}: inspect any SavedModel and run its signatures on NumPy {@code .npy} files.
 */
package dev.graft.cli.model;
