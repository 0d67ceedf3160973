/**
 * The {@code graft} command line: {@link dev.graft.cli.GraftCli} and its subcommands ({@code
 * plugins}, {@code doctor}, {@code estimate}, {@code model}, ...). Exit codes are documented on
 * {@link dev.graft.cli.GraftCli}.
 */
package dev.graft.cli;
