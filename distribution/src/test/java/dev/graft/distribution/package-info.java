/**
 * Tests of the assembled distribution: the end-to-end plugin-author path (unpack, generate a plugin
 * from the archetype, build it, drop it in, list it, run a job with it) and the check that every
 * command the docs show is exercised or explicitly allowed.
 */
package dev.graft.distribution;
