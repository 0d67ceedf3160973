/**
 * Commands plugins add to the {@code graft} command line: {@link
 * dev.graft.api.command.PluginCommand}.
 */
package dev.graft.api.command;
