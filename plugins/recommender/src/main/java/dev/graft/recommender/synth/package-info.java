/**
 * A seeded synthetic cross-domain generator with known structure (shared user tastes,
 * domain-specific item factors, controllable overlap, noise, popularity skew and sparsity), for
 * tests and the cold-start transfer scenario.
 */
package dev.graft.recommender.synth;
