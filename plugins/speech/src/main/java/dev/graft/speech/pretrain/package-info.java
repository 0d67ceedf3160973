/**
 * {@code graft pretrain speech}: trains a keyword-spotting recipe on labelled clips and stores it
 * in the model store as a source model, through the SDK's shared classifier pretraining run.
 */
package dev.graft.speech.pretrain;
