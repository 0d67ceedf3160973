/** Serving exported models: {@link dev.graft.engine.serve.ModelPredictor}. */
package dev.graft.engine.serve;
