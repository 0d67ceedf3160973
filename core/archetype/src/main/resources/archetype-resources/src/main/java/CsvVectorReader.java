package ${package};

import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Modality;
import dev.graft.api.extension.TaskType;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code ${pluginId}-csv}: a numeric CSV file with a header row as labelled {@code float[]}
 * examples. Options: {@code label-column} (default {@code label}) and {@code delimiter} (one
 * character, default {@code ,}).
 */
@Extension
public final class CsvVectorReader implements DatasetReader {

  /** The extension id. */
  public static final String ID = "${pluginId}-csv";

  private static final Set<String> OPTIONS = Set.of("label-column", "delimiter");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Numeric CSV columns as float[] examples, with a label column.";
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(
        EnumSet.of(Modality.TABULAR), EnumSet.of(TaskType.CLASSIFICATION), Set.of());
  }

  @Override
  public Set<String> formats() {
    return Set.of("csv");
  }

  @Override
  public Class<?> exampleType() {
    return float[].class;
  }

  @Override
  public boolean accepts(Path path) {
    return path.getFileName() != null && path.getFileName().toString().endsWith(".csv");
  }

  @Override
  public ReadResult<float[]> read(Path path, ReadOptions options) {
    for (String key : options.options().keySet()) {
      if (!OPTIONS.contains(key)) {
        throw new GraftException(
            GraftErrors.INVALID_READER_OPTION,
            "reader '" + ID + "' has no option '" + key + "'; its options are " + OPTIONS + ".");
      }
    }
    String delimiter = options.option("delimiter").orElse(",");
    if (delimiter.length() != 1) {
      throw new GraftException(
          GraftErrors.INVALID_READER_OPTION,
          "reader option 'delimiter' is '" + delimiter + "'; it must be one character.");
    }
    return CsvTable.read(
        path,
        options.option("label-column").orElse("label"),
        delimiter.charAt(0),
        options.onBadInput(),
        options.maxExamples());
  }
}
