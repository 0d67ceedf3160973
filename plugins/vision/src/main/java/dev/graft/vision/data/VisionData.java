package dev.graft.vision.data;

import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.vision.Image;
import dev.graft.vision.glyph.GlyphSetRenderer;
import dev.graft.vision.read.PixelCsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The data sets shipped inside the vision plugin, so the digits demo runs on a machine with neither
 * fonts nor scikit-learn installed. Provenance and licences: {@code
 * dev/graft/vision/data/NOTICE.md} in the jar.
 *
 * <ul>
 *   <li>{@link #UCI_DIGITS}: the 1,797 real handwritten 8x8 digits of the UCI ML repository
 *       (Alpaydin and Kaynak, CC BY 4.0), as shipped by scikit-learn
 *   <li>{@link #GLYPH_DIGITS}: digits 0-9 rendered from 100+ fonts by {@code render-glyphs --uci}
 *   <li>{@link #GLYPH_ALNUM}: the 62 digits and letters rendered the same way
 * </ul>
 *
 * All three are {@code pixel-csv} files of 8x8 block counts 0..16, read with {@code max-value=16}.
 */
public enum VisionData {
  /** UCI handwritten digits (scikit-learn's {@code digits.csv.gz}): 1,797 rows, 10 classes. */
  UCI_DIGITS("digits.csv.gz", "uci-digits"),
  /** Rendered digits in UCI 8x8 form, 10 classes. */
  GLYPH_DIGITS("glyph-digits-uci.csv.gz", "glyph-digits"),
  /** Rendered digits and letters in UCI 8x8 form, 62 classes. */
  GLYPH_ALNUM("glyph-alnum-uci.csv.gz", "glyph-alnum");

  private static final String FOLDER = "/dev/graft/vision/data/";

  private final String file;
  private final String datasetName;

  VisionData(String file, String datasetName) {
    this.file = file;
    this.datasetName = datasetName;
  }

  /**
   * The data set's name, as in {@code DatasetInfo.name()} and {@code graft pretrain vision
   * --shipped}.
   *
   * @return e.g. {@code glyph-digits}
   */
  public String datasetName() {
    return datasetName;
  }

  /**
   * Finds a shipped data set by its name.
   *
   * @param name {@code uci-digits}, {@code glyph-digits} or {@code glyph-alnum}
   * @return the data set
   * @throws dev.graft.api.error.ConfigException GRAFT-CONFIG-001 naming the valid names if there is
   *     none of that name
   */
  public static VisionData byName(String name) {
    for (VisionData d : values()) {
      if (d.datasetName.equals(name)) {
        return d;
      }
    }
    throw new dev.graft.api.error.ConfigException(
        "unknown shipped data set '" + name + "'; use uci-digits, glyph-digits or glyph-alnum.");
  }

  /**
   * The resource's file name.
   *
   * @return e.g. {@code digits.csv.gz}
   */
  public String fileName() {
    return file;
  }

  /**
   * The class path resource, e.g. {@code /dev/graft/vision/data/digits.csv.gz}.
   *
   * @return the resource path
   */
  public String resource() {
    return FOLDER + file;
  }

  /**
   * The {@code pixel-csv} options that read it.
   *
   * @return {@code width=8, height=8, max-value=16}
   */
  public Map<String, String> readerOptions() {
    return GlyphSetRenderer.readerOptions(true);
  }

  /**
   * Opens the gzipped CSV.
   *
   * @return the stream; the caller closes it
   * @throws GraftException GRAFT-IO-001 if the resource is missing from the plugin jar
   */
  public InputStream open() {
    InputStream in = VisionData.class.getResourceAsStream(resource());
    if (in == null) {
      throw new GraftException(
          GraftErrors.FILE_NOT_READABLE,
          "resource "
              + resource()
              + " is missing from the vision plugin jar; reinstall the plugin.");
    }
    return in;
  }

  /**
   * Reads it as 8x8 single-channel images with class labels.
   *
   * @return the data set (labels are the characters, sorted)
   */
  public Dataset<Image> load() {
    try (InputStream in = open()) {
      return new PixelCsvReader()
          .read(
              in,
              "classpath:" + resource(),
              datasetName,
              new ReadOptions(BadInputPolicy.FAIL, 0, readerOptions()))
          .dataset();
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_READABLE, "cannot read resource " + resource() + ": " + e, e);
    }
  }

  /**
   * Copies the gzipped CSV to a file (e.g. to read it with another tool).
   *
   * @param target the destination file; replaced if it exists
   * @return the target
   */
  public Path copyTo(Path target) {
    try (InputStream in = open()) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_WRITABLE,
          "cannot copy " + resource() + " to " + target + ": " + e,
          e);
    }
  }
}
