/**
 * Job specs: {@link dev.graft.engine.job.JobSpec} (YAML or Java builder), its sections, and {@link
 * dev.graft.engine.job.JobSpecs} for reading YAML with line-numbered errors and "did you mean"
 * suggestions.
 */
package dev.graft.engine.job;
