/**
 * The vision demo (scenario 1, synthetic to real): its source models, pretrained on first use from
 * the shipped glyph sets and cached in the model store ({@link dev.graft.vision.demo.DemoSources}),
 * and its embedded job specs ({@link dev.graft.vision.demo.DemoJobs}).
 */
package dev.graft.vision.demo;
