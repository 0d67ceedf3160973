/**
 * The NLP plugin: text readers ({@link dev.graft.nlp.read}), tokenisers and vocabularies ({@link
 * dev.graft.nlp.token}), the {@code text} input encoder ({@link dev.graft.nlp.encode}), text
 * network recipes ({@link dev.graft.nlp.recipe}), skip-gram word vectors ({@link
 * dev.graft.nlp.embed}), the {@code graft pretrain text} command ({@link dev.graft.nlp.pretrain})
 * and shipped fortune data ({@link dev.graft.nlp.data}).
 */
package dev.graft.nlp;
