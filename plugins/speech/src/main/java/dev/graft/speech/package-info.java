/**
 * The Graft speech plugin: WAV readers, resampling, log-mel and MFCC features, keyword-spotting
 * recipes, {@code graft pretrain speech} and {@code graft datasets speech-synth}. {@link
 * dev.graft.speech.Clip} is the example type its readers produce and its encoder consumes.
 */
package dev.graft.speech;
