/**
 * Text dataset readers: {@code text-csv} (CSV/TSV), {@code text-jsonl}, {@code text-folder} and
 * {@code fortune}. Every reader validates UTF-8, rejects empty texts, truncates (and counts) texts
 * longer than {@code max-chars}, reports bad records with their file and line, and follows the
 * FAIL/SKIP bad-input policy.
 */
package dev.graft.nlp.read;
