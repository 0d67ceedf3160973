/**
 * Source models for text: {@code graft pretrain text} trains a recipe on labelled texts into the
 * model store ({@link dev.graft.nlp.pretrain.TextPretrainer}); {@code graft pretrain word-vectors}
 * trains skip-gram vectors on unlabelled text.
 */
package dev.graft.nlp.pretrain;
