/**
 * Synthetic source data from fonts: {@link dev.graft.vision.glyph.GlyphRenderer} draws characters
 * with seeded variation, {@link dev.graft.vision.glyph.UciReduction} reduces 32x32 bitmaps to the
 * UCI digits' 8x8 block counts, {@link dev.graft.vision.glyph.GlyphSetRenderer} writes labelled
 * {@code pixel-csv} sets, and {@link dev.graft.vision.glyph.RenderGlyphsCommand} is {@code graft
 * datasets render-glyphs}.
 */
package dev.graft.vision.glyph;
