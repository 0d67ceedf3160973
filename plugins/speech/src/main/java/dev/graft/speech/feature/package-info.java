/**
 * Spectral features computed in Java with commons-math3's FFT: short-time power spectra, HTK mel
 * filter banks, log-mel spectrograms and MFCCs ({@link dev.graft.speech.feature.FeatureSpec} holds
 * every parameter, recorded in the model's input spec), and SpecAugment-style masking with seeded
 * waveform augmentation ({@link dev.graft.speech.feature.AudioAugmentation}).
 */
package dev.graft.speech.feature;
