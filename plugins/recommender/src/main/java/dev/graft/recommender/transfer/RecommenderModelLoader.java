package dev.graft.recommender.transfer;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Modality;
import dev.graft.api.source.Source;
import dev.graft.api.source.SourceDescriptor;
import dev.graft.api.source.SourceKind;
import dev.graft.api.source.SourceLoader;
import dev.graft.api.source.SourceQuery;
import dev.graft.recommender.RecommenderErrors;
import dev.graft.recommender.RecommenderPlugin;
import dev.graft.recommender.model.FactorModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.pf4j.Extension;

/**
 * {@code recommender-model}: opens source-domain recommender models written by {@code graft
 * recommender-train} ({@link FactorModels} folders). The location is one model folder or a folder
 * of model folders; each becomes a source whose id is the folder name.
 */
@Extension
public final class RecommenderModelLoader implements SourceLoader {

  /** The extension id. */
  public static final String ID = "recommender-model";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Source-domain recommender models (user and item embeddings) for cross-domain transfer.";
  }

  @Override
  public Capabilities capabilities() {
    return RecommenderPlugin.capabilities(Set.of());
  }

  @Override
  public List<SourceDescriptor> discover(SourceQuery query) {
    if (query.modality() != Modality.RECOMMENDATION && query.modality() != Modality.ANY) {
      return List.of();
    }
    Path root =
        Path.of(
            query
                .location()
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            GraftErrors.INVALID_CONFIG,
                            "source loader "
                                + ID
                                + " needs a location: a recommender model"
                                + " folder or a folder of them.")));
    if (!Files.isDirectory(root)) {
      throw new GraftException(
          GraftErrors.FILE_NOT_READABLE,
          "recommender model location " + root + " is not a folder.");
    }
    List<Path> models = new ArrayList<>();
    if (Files.isRegularFile(root.resolve(FactorModels.MANIFEST))) {
      models.add(root);
    } else {
      try (Stream<Path> s = Files.list(root)) {
        s.filter(p -> Files.isRegularFile(p.resolve(FactorModels.MANIFEST)))
            .sorted()
            .forEach(models::add);
      } catch (IOException e) {
        throw new GraftException(
            GraftErrors.FILE_NOT_READABLE, "cannot list " + root + ": " + e.getMessage(), e);
      }
    }
    if (models.isEmpty()) {
      throw new InvalidInputException(
          RecommenderErrors.MALFORMED_MODEL,
          root
              + " holds no recommender model (no "
              + FactorModels.MANIFEST
              + " in it or its sub-folders); write one with graft recommender-train.");
    }
    List<SourceDescriptor> out = new ArrayList<>();
    for (Path p : models) {
      out.add(
          new SourceDescriptor(
              p.getFileName().toString(),
              ID,
              SourceKind.PRETRAINED_MODEL,
              Modality.RECOMMENDATION,
              p.toString(),
              Map.of("format", "graft-recommender-model")));
    }
    return out;
  }

  @Override
  public Source open(SourceDescriptor descriptor) {
    Path dir = Path.of(descriptor.location());
    return new RecommenderSource(descriptor, FactorModels.read(dir), dir);
  }
}
