/**
 * Contract test suites for extension authors: subclass the suite of your extension point in your
 * test sources and return your extension; the suite checks what the host relies on.
 */
package dev.graft.testkit.contract;
