/** {@code graft run} and {@code graft rank}: transfer jobs from the command line. */
package dev.graft.cli.run;
