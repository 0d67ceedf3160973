/**
 * The vision plugin's {@link dev.graft.api.source.InputEncoder} for input kind {@code image}: how
 * the host turns {@link dev.graft.vision.Image} examples into the NHWC float tensor a Graft model's
 * manifest describes, and how that description ({@link dev.graft.vision.encode.ImageSpecMaps}) is
 * written into and read from a manifest's input spec.
 */
package dev.graft.vision.encode;
