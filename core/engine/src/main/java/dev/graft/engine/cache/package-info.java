/** On-disk caches of the host: {@link dev.graft.engine.cache.FeatureCache}. */
package dev.graft.engine.cache;
