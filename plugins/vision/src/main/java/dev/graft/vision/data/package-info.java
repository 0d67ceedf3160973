/**
 * Data sets shipped with the vision plugin: the UCI handwritten digits and two rendered glyph sets
 * in the same 8x8 form ({@link dev.graft.vision.data.VisionData}).
 */
package dev.graft.vision.data;
