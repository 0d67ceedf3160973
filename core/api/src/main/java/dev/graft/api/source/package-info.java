/**
 * Sources of transferable knowledge: the {@link dev.graft.api.source.SourceLoader} extension point,
 * {@link dev.graft.api.source.SourceDescriptor}s of candidates and opened {@link
 * dev.graft.api.source.Source}s.
 */
package dev.graft.api.source;
