/**
 * The results of a transfer run ({@link dev.graft.engine.run.RunResult} and its parts), as written
 * to {@code result.json} and rendered into {@code report.html}.
 */
package dev.graft.engine.run;
