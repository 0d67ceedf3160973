/**
 * The vision plugin's {@link dev.graft.api.data.DatasetReader}s: {@code image-folder}, {@code
 * image-csv}, {@code idx} and {@code pixel-csv}, and the decoding, option and bad-input handling
 * they share.
 */
package dev.graft.vision.read;
