/** Shared plumbing of the vision plugin's commands. */
package dev.graft.vision.command;
