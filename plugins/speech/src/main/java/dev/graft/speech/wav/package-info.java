/**
 * RIFF/WAVE decoding and encoding: PCM 8/16/24/32-bit and IEEE float, any channel count (downmixed
 * to mono), with precise errors for malformed, truncated and compressed files.
 */
package dev.graft.speech.wav;
