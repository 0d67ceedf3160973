/** The model store: where it is, valid model names, and writing a trained network into it. */
package dev.graft.sdk.store;
