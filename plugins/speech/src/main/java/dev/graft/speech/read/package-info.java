/**
 * Dataset readers for audio: {@code wav-folder} (one sub-folder per class, the Speech Commands
 * layout) and {@code audio-csv} (a {@code path,label[,speaker]} manifest). Both decode WAV,
 * resample to one rate, fit clips to one length, and report bad files with FAIL or SKIP.
 */
package dev.graft.speech.read;
