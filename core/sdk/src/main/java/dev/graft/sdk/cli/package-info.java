/** Running a plugin's picocli command objects with Graft's exit-code conventions. */
package dev.graft.sdk.cli;
