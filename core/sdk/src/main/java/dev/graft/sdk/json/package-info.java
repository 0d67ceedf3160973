/** Minimal deterministic JSON writing for plugin sidecar files. */
package dev.graft.sdk.json;
