/** Data shipped in the plugin jar: a compact subset of Debian's English fortune files. */
package dev.graft.nlp.data;
