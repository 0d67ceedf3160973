/**
 * Self-supervised word vectors: skip-gram with negative sampling ({@link
 * dev.graft.nlp.embed.SkipGram}) trained on unlabelled text ({@link
 * dev.graft.nlp.embed.UnlabelledCorpus}), stored in the word2vec text format ({@link
 * dev.graft.nlp.embed.WordVectors}) and used to initialise the embedding of text recipes.
 */
package dev.graft.nlp.embed;
