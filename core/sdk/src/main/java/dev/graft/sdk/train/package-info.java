/** Pretraining source models: seeded stratified splits and the shared classifier training run. */
package dev.graft.sdk.train;
