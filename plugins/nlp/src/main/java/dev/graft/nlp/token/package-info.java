/**
 * Tokenisers and vocabularies: the Unicode-aware {@link dev.graft.nlp.token.WordTokenizer},
 * vocabularies built from counts or read from {@code vocab.txt} ({@link
 * dev.graft.nlp.token.Vocabulary}), BERT's WordPiece ({@link
 * dev.graft.nlp.token.WordPieceTokenizer}) and fixed-length padding ({@link
 * dev.graft.nlp.token.Sequences}).
 */
package dev.graft.nlp.token;
