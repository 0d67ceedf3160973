/**
 * Configuration records. Each validates its fields in its constructor and reports a bad value with
 * a {@link dev.graft.api.error.ConfigException} naming the field, the value and what is allowed.
 */
package dev.graft.api.config;
