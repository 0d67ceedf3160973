package dev.graft.engine.pipeline;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.extension.Modality;
import dev.graft.api.source.Source;
import dev.graft.api.source.SourceDescriptor;
import dev.graft.api.source.SourceLoader;
import dev.graft.api.source.SourceQuery;
import dev.graft.engine.job.SourceSpec;
import dev.graft.engine.plugin.ExtensionRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The candidate sources of a run, discovered by their loaders and opened; closing closes them all.
 */
final class OpenedSources implements AutoCloseable {

  private final Map<String, Source> byId = new LinkedHashMap<>();

  private OpenedSources() {}

  static OpenedSources open(
      List<SourceSpec> specs, Modality modality, ExtensionRegistry registry, Path baseDir) {
    OpenedSources opened = new OpenedSources();
    List<String> offered = new ArrayList<>();
    try {
      for (SourceSpec spec : specs) {
        SourceLoader loader = registry.require(SourceLoader.class, spec.loader());
        Optional<String> location =
            Optional.ofNullable(spec.location())
                .map(l -> baseDir.resolve(l).normalize().toString());
        for (SourceDescriptor d :
            loader.discover(new SourceQuery(modality, location, spec.options()))) {
          offered.add(d.id());
          if (spec.selects(d.id()) && !opened.byId.containsKey(d.id())) {
            opened.byId.put(d.id(), loader.open(d));
          }
        }
      }
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
    if (opened.byId.isEmpty()) {
      throw new GraftException(
          GraftErrors.REQUIREMENT_NOT_MET,
          "no candidate source matched the job's 'sources' entries; the loaders offered "
              + (offered.isEmpty() ? "nothing" : offered)
              + ". Check the loader ids, locations and 'select' patterns.");
    }
    return opened;
  }

  Map<String, Source> byId() {
    return byId;
  }

  Source get(String id) {
    return byId.get(id);
  }

  /** The digest that identifies a source's weights for the feature cache. */
  static String digest(Source source) {
    SourceDescriptor d = source.descriptor();
    String digest = d.properties().get("digest");
    return digest != null && !digest.isBlank()
        ? digest
        : d.loaderId() + ":" + d.id() + "@" + d.location();
  }

  @Override
  public void close() {
    RuntimeException first = null;
    for (Source s : byId.values()) {
      try {
        s.close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    byId.clear();
    if (first != null) {
      throw first;
    }
  }
}
