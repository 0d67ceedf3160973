package dev.graft.vision.read;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetInfo;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.extension.Modality;
import dev.graft.api.io.Digests;
import dev.graft.sdk.read.BadInputLog;
import dev.graft.sdk.read.ReaderOptions;
import dev.graft.vision.Image;
import dev.graft.vision.VisionErrors;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the images and label names a reader decoded into a {@link ReadResult}: resolves the channel
 * count, orders class names, computes the content digest and records the reader's facts.
 */
final class DatasetAssembler {

  /** Values of the {@code channels} option. */
  static final String CHANNELS_HELP = "auto (3 if any image is colour, else 1), 1 or 3";

  private DatasetAssembler() {}

  /**
   * Parses the {@code channels} option.
   *
   * @param options the reader's options
   * @return 0 for auto, else 1 or 3
   */
  static int channelsOption(ReaderOptions options) {
    String v = options.choice("channels", "auto", java.util.Set.of("auto", "1", "3"));
    return v.equals("auto") ? 0 : Integer.parseInt(v);
  }

  /**
   * Converts every image to the requested channel count (0 = auto: 3 if any image has 3).
   *
   * @param images the images, replaced in place
   * @param requested 0, 1 or 3
   * @return the channel count used
   */
  static int unifyChannels(List<Image> images, int requested) {
    int channels = requested;
    if (channels == 0) {
      channels = images.stream().anyMatch(i -> i.channels() == 3) ? 3 : 1;
    }
    for (int i = 0; i < images.size(); i++) {
      images.set(i, images.get(i).withChannels(channels));
    }
    return channels;
  }

  /**
   * Builds the result.
   *
   * @param readerId the reader
   * @param name the data set name
   * @param location where it was read from
   * @param images the examples (already with one channel count)
   * @param labels one class index per example, or {@code null} for an unlabelled set
   * @param classNames class names, index = label (ignored when unlabelled)
   * @param log what was skipped
   * @param facts reader-specific facts to record
   * @return the result
   * @throws InvalidInputException VISION-READ-008 if there are no examples
   */
  static ReadResult<Image> build(
      String readerId,
      String name,
      String location,
      List<Image> images,
      int[] labels,
      List<String> classNames,
      BadInputLog log,
      Map<String, String> facts) {
    if (images.isEmpty()) {
      throw new InvalidInputException(
          VisionErrors.NO_EXAMPLES,
          "reader '"
              + readerId
              + "' found no readable examples in "
              + location
              + (log.count() > 0 ? " (" + log.count() + " bad inputs were skipped)" : "")
              + "; check the path and the format.");
    }
    Map<String, String> props = new LinkedHashMap<>();
    props.put("reader", readerId);
    props.put("examples", Integer.toString(images.size()));
    props.put("channels", Integer.toString(images.get(0).channels()));
    props.put("image-size", sizeFact(images));
    props.put("skipped", Integer.toString(log.count()));
    MessageDigest sha = sha256();
    if (labels != null) {
      props.put("classes", Integer.toString(classNames.size()));
      props.put("class-names", String.join(",", classNames));
      for (String c : classNames) {
        sha.update(c.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
    }
    for (int i = 0; i < images.size(); i++) {
      if (labels != null) {
        sha.update(Integer.toString(labels[i]).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
      }
      images.get(i).digestInto(sha);
    }
    props.putAll(facts);
    String digest = "sha256:" + String.format("%064x", new BigInteger(1, sha.digest()));
    DatasetInfo info = new DatasetInfo(name, Modality.VISION, location, digest, props);
    Dataset<Image> dataset =
        labels == null
            ? Dataset.unlabelled(info, images)
            : Dataset.labelled(info, images, ClassLabels.of(labels, classNames));
    return new ReadResult<>(dataset, log.entries());
  }

  private static String sizeFact(List<Image> images) {
    int minW = Integer.MAX_VALUE;
    int maxW = 0;
    int minH = Integer.MAX_VALUE;
    int maxH = 0;
    for (Image i : images) {
      minW = Math.min(minW, i.width());
      maxW = Math.max(maxW, i.width());
      minH = Math.min(minH, i.height());
      maxH = Math.max(maxH, i.height());
    }
    if (minW == maxW && minH == maxH) {
      return minW + "x" + minH;
    }
    return "mixed " + minW + "x" + minH + " to " + maxW + "x" + maxH;
  }

  private static MessageDigest sha256() {
    return Digests.newSha256();
  }

  /**
   * A data set name from a path: the file or folder name without {@code .gz} and extension.
   *
   * @param path the path
   * @return the name
   */
  static String nameOf(java.nio.file.Path path) {
    java.nio.file.Path file = path.toAbsolutePath().normalize().getFileName();
    String n = file == null ? "dataset" : file.toString();
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    int dot = n.lastIndexOf('.');
    if (dot > 0) {
      n = n.substring(0, dot);
    }
    return n.isBlank() ? "dataset" : n;
  }
}
