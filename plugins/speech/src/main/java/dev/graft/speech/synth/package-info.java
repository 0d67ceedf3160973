/**
 * Labelled speech from Debian's {@code espeak-ng}: keywords spoken by many voices, variants, speeds
 * and pitches with seeded background noise, written in the Speech Commands layout and cached by
 * their parameters ({@code graft datasets speech-synth}).
 */
package dev.graft.speech.synth;
