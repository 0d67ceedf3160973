package dev.graft.engine.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.error.ConfigException;
import java.util.Map;

/**
 * The target data of a job and how it is split.
 *
 * @param reader the {@code DatasetReader} id, e.g. {@code pixel-csv}
 * @param path the file or folder to read (relative paths resolve against the job file's folder)
 * @param options reader options, e.g. {@code width: 8}
 * @param labelsPerClass if set, exactly this many labelled training examples per class are drawn
 *     (per seed) and all other examples are the test set; if null, {@code testFraction} is used
 * @param testFraction the stratified fraction held out for testing when {@code labelsPerClass} is
 *     not set
 * @param validationFraction the fraction of the labelled training examples held out for early
 *     stopping and model selection (0 = none)
 * @param onBadInput {@code fail} (default) or {@code skip}
 */
public record TargetSpec(
    String reader,
    String path,
    Map<String, String> options,
    @JsonProperty("labels-per-class") Integer labelsPerClass,
    @JsonProperty("test-fraction") Double testFraction,
    @JsonProperty("validation-fraction") Double validationFraction,
    @JsonProperty("on-bad-input") BadInputPolicy onBadInput) {

  /** Validates and fills defaults. */
  public TargetSpec {
    ConfigException.require(
        reader != null && !reader.isBlank(), "target.reader", reader, "a dataset reader id");
    ConfigException.require(
        path != null && !path.isBlank(), "target.path", path, "a file or folder");
    options = options == null ? Map.of() : Map.copyOf(options);
    ConfigException.require(
        labelsPerClass == null || labelsPerClass >= 0,
        "target.labels-per-class",
        labelsPerClass,
        "0 or more");
    testFraction = testFraction == null ? 0.3 : testFraction;
    ConfigException.require(
        testFraction > 0 && testFraction < 1, "target.test-fraction", testFraction, "in (0, 1)");
    validationFraction = validationFraction == null ? 0.0 : validationFraction;
    ConfigException.require(
        validationFraction >= 0 && validationFraction < 1,
        "target.validation-fraction",
        validationFraction,
        "in [0, 1)");
    onBadInput = onBadInput == null ? BadInputPolicy.FAIL : onBadInput;
  }
}
