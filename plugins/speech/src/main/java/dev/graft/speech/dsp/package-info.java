/**
 * Signal processing on clips: band-limited polyphase resampling, fitting clips to a fixed length,
 * and seeded noise for augmentation.
 */
package dev.graft.speech.dsp;
