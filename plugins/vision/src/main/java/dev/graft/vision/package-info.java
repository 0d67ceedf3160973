/** Graft's vision plugin: image data sets, preprocessing, glyph rendering and image sources. */
package dev.graft.vision;
