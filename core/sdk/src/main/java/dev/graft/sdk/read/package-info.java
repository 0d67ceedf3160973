/**
 * Building blocks for {@link dev.graft.api.data.DatasetReader}s: checked reader options with errors
 * naming the reader, option and value; a bad-input log that fails with every offending file or row
 * listed, or reports what {@code skip} mode skipped; text input with transparent gunzip and CSV
 * field splitting.
 */
package dev.graft.sdk.read;
