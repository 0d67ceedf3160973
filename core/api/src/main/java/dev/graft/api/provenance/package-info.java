/** Provenance records: how every model, score table and run was made. */
package dev.graft.api.provenance;
