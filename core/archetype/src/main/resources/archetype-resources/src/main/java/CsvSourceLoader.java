package ${package};

import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Modality;
import dev.graft.api.extension.TaskType;
import dev.graft.api.source.Source;
import dev.graft.api.source.SourceDescriptor;
import dev.graft.api.source.SourceKind;
import dev.graft.api.source.SourceLoader;
import dev.graft.api.source.SourceQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.pf4j.Extension;

/**
 * {@code ${pluginId}-csv-source}: labelled tabular data as a source. The job's {@code location} is
 * a CSV file, or a folder whose {@code .csv} files are each one candidate ({@code csv:<name>}). An
 * opened source's features are the examples' own columns ({@code float[]} rows of the same width,
 * e.g. read by {@code ${pluginId}-csv}) and its labelled data is the file, for instance-based
 * strategies such as {@code kmm}, {@code tradaboost} and {@code coral}. Option {@code
 * label-column} (default {@code label}).
 */
@Extension
public final class CsvSourceLoader implements SourceLoader {

  /** The extension id. */
  public static final String ID = "${pluginId}-csv-source";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "A labelled CSV file as a source: its columns are the features, its rows the data.";
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(
        EnumSet.of(Modality.TABULAR), EnumSet.of(TaskType.CLASSIFICATION), Set.of());
  }

  @Override
  public List<SourceDescriptor> discover(SourceQuery query) {
    Path location =
        Path.of(
                query
                    .location()
                    .orElseThrow(
                        () ->
                            new ConfigException(
                                "'location' of a "
                                    + ID
                                    + " source is missing; give a CSV file or a folder of them.")))
            .toAbsolutePath()
            .normalize();
    if (!Files.exists(location)) {
      throw new GraftException(
          GraftErrors.FILE_NOT_READABLE,
          "the " + ID + " location " + location + " does not exist; give a CSV file or folder.");
    }
    if (query.modality() != Modality.ANY && query.modality() != Modality.TABULAR) {
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(location)) {
      try (Stream<Path> list = Files.list(location)) {
        list.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().forEach(files::add);
      } catch (IOException e) {
        throw new GraftException(
            GraftErrors.FILE_NOT_READABLE, "cannot list " + location + ": " + e.getMessage(), e);
      }
    } else {
      files.add(location);
    }
    List<SourceDescriptor> out = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString().replaceFirst("\\.csv$", "");
      out.add(
          new SourceDescriptor(
              "csv:" + name,
              ID,
              SourceKind.LABELLED_DATASET,
              Modality.TABULAR,
              file.toString(),
              Map.of("label-column", query.options().getOrDefault("label-column", "label"))));
    }
    return out;
  }

  @Override
  public Source open(SourceDescriptor descriptor) {
    Path file = Path.of(descriptor.location());
    Dataset<float[]> data =
        CsvTable.read(
                file,
                descriptor.properties().getOrDefault("label-column", "label"),
                ',',
                BadInputPolicy.FAIL,
                0)
            .dataset();
    return new RawColumnsSource(descriptor, data);
  }

  /** Features = the examples' own columns. Holds no native resources. */
  static final class RawColumnsSource implements Source {
    private final SourceDescriptor descriptor;
    private final Dataset<float[]> data;
    private final int width;

    RawColumnsSource(SourceDescriptor descriptor, Dataset<float[]> data) {
      this.descriptor = descriptor;
      this.data = data;
      this.width = data.example(0).length;
    }

    @Override
    public SourceDescriptor descriptor() {
      return descriptor;
    }

    @Override
    public FeatureMatrix features(Dataset<?> examples) {
      double[] out = new double[examples.size() * width];
      for (int i = 0; i < examples.size(); i++) {
        if (!(examples.example(i) instanceof float[] row) || row.length != width) {
          throw new InvalidInputException(
              GraftErrors.SIZE_MISMATCH,
              "source "
                  + descriptor.id()
                  + " embeds float[] rows of "
                  + width
                  + " values; example "
                  + i
                  + " of '"
                  + examples.info().name()
                  + "' is not one. Read the target with "
                  + CsvVectorReaderId.ID
                  + " and the same columns.");
        }
        for (int j = 0; j < width; j++) {
          out[i * width + j] = row[j];
        }
      }
      return FeatureMatrix.wrap(examples.size(), width, out);
    }

    @Override
    public Optional<ProbabilityMatrix> probabilities(Dataset<?> examples) {
      return Optional.empty();
    }

    @Override
    public boolean trainable() {
      return false;
    }

    @Override
    public Optional<Dataset<?>> labelledData() {
      return Optional.of(data);
    }

    @Override
    public void close() {
      // nothing native to release
    }
  }

  /** The reader id, named in errors (kept here so this class builds without the reader). */
  private static final class CsvVectorReaderId {
    static final String ID = "${pluginId}-csv";
  }
}
