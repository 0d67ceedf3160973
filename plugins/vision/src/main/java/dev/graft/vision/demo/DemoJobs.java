package dev.graft.vision.demo;

import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.vision.data.VisionData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The vision job specs embedded in the plugin ({@code dev/graft/vision/jobs/*.yaml}, also in the
 * repository's {@code docs/examples/}):
 *
 * <ul>
 *   <li>{@code digits-from-glyphs}: scenario 1, synthetic to real, 5 labels per class (the default
 *       job of {@code graft demo});
 *   <li>{@code digits-from-glyphs-budgets}: scenario 1 as a learning curve over 1, 5 and 10 labels
 *       per class;
 *   <li>{@code digits-from-glyphs-unlabelled}: scenario 1 with no target label (k = 0):
 *       unsupervised domain adaptation judged against {@code source-only};
 *   <li>{@code fashion-negative-transfer}: scenario 2, Fashion-MNIST classes 0-4 as the source and
 *       5-9 as the target (needs Debian's {@code dataset-fashion-mnist} and a source pretrained as
 *       the file's header says).
 * </ul>
 *
 * A host runs one by writing it into a folder with {@link #materialise}, making the sources with
 * {@link DemoSources#ensure} (scenario 1), then running the job file.
 */
public final class DemoJobs {

  /** The embedded job ids, the default first. */
  public static final List<String> IDS =
      List.of(
          "digits-from-glyphs",
          "digits-from-glyphs-budgets",
          "digits-from-glyphs-unlabelled",
          "fashion-negative-transfer");

  private static final String FOLDER = "/dev/graft/vision/jobs/";

  private DemoJobs() {}

  /**
   * The YAML text of a job.
   *
   * @param id one of {@link #IDS}
   * @return the job spec text
   * @throws ConfigException GRAFT-CONFIG-001 for an unknown id
   */
  public static String yaml(String id) {
    try (InputStream in = open(id)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_READABLE,
          "cannot read job resource " + FOLDER + id + ".yaml: " + e,
          e);
    }
  }

  /**
   * Writes a job into a folder with the data it reads from there ({@code digits.csv.gz} for the
   * digits jobs), replacing earlier copies.
   *
   * @param id one of {@link #IDS}
   * @param folder the folder (created if needed); the job's {@code output} resolves against it
   * @return the job file
   * @throws GraftException GRAFT-IO-002 if the folder cannot be written
   */
  public static Path materialise(String id, Path folder) {
    Path job = folder.resolve(id + ".yaml");
    try (InputStream in = open(id)) {
      Files.createDirectories(folder);
      Files.copy(in, job, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_WRITABLE,
          "cannot write job " + job + ": " + e + ". Check permissions or choose another folder.",
          e);
    }
    if (id.startsWith("digits-")) {
      VisionData.UCI_DIGITS.copyTo(folder.resolve("digits.csv.gz"));
    }
    return job;
  }

  private static InputStream open(String id) {
    if (!IDS.contains(id)) {
      throw new ConfigException(
          "unknown vision job '" + id + "'; use one of " + String.join(", ", IDS) + ".");
    }
    InputStream in = DemoJobs.class.getResourceAsStream(FOLDER + id + ".yaml");
    if (in == null) {
      throw new GraftException(
          GraftErrors.FILE_NOT_READABLE,
          "resource "
              + FOLDER
              + id
              + ".yaml is missing from the vision plugin jar; reinstall the"
              + " plugin.");
    }
    return in;
  }
}
