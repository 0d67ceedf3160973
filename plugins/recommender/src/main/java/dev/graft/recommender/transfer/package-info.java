/**
 * Cross-domain transfer for recommenders: an EMCDR-style learned mapping from source-domain user
 * embeddings to the target's user space (replacing cold users' embeddings, or initialising and
 * regularising the target model), content item towers trained on the source and reused for new
 * target items, and the {@link dev.graft.api.transfer.TransferStrategy} extensions that run them.
 */
package dev.graft.recommender.transfer;
