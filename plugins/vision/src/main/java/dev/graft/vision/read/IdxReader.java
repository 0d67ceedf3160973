package dev.graft.vision.read;

import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.extension.Capabilities;
import dev.graft.sdk.read.BadInputLog;
import dev.graft.sdk.read.ReaderOptions;
import dev.graft.sdk.read.TextInput;
import dev.graft.vision.Image;
import dev.graft.vision.VisionErrors;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST: an unsigned-byte image file ({@code
 * idx3}: count x rows x cols, or count x rows x cols x channels) and its label file ({@code idx1}),
 * gzipped or not (detected by the magic bytes).
 *
 * <p>The path is the images file ({@code train-images-idx3-ubyte.gz}) or a folder holding the pair
 * ({@code split} chooses the prefix, default {@code train}; Fashion-MNIST's test files use {@code
 * t10k}). The label file is found by replacing {@code images}/{@code idx3} with {@code
 * labels}/{@code idx1} in the name, with or without {@code .gz}, or named by option {@code labels}
 * (relative to the images file's folder). Without a label file the data set is unlabelled.
 *
 * <p>Options: {@code split}, {@code labels}, {@code class-names} (comma-separated names for labels
 * 0, 1, ...; default the label numbers), {@code channels} (1 or 3; default as stored), {@code
 * classes} (comma-separated stored labels to keep, e.g. {@code 5,6,7,8,9}: the other examples are
 * left out and the kept classes are relabelled 0, 1, ... in the order given, keeping their names;
 * {@code maxExamples} counts records read before this selection). A truncated file, trailing bytes,
 * or label and image counts that differ are errors naming the file; with SKIP the complete records
 * are kept and the problem is reported.
 */
@Extension
public final class IdxReader implements DatasetReader {

  /** This reader's id and format name. */
  public static final String ID = "idx";

  private static final Map<String, String> OPTIONS =
      Map.of(
          "split", "file prefix when the path is a folder: train (default) or t10k",
          "labels", "label file, relative to the images file's folder",
          "class-names", "comma-separated class names for labels 0, 1, ...",
          "channels", "1 or 3, default as stored",
          "classes", "comma-separated labels to keep, relabelled 0, 1, ... in the order given");

  /** Creates the reader. */
  public IdxReader() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "IDX image and label files (MNIST, Fashion-MNIST), gzipped or not.";
  }

  @Override
  public Capabilities capabilities() {
    return VisionReaders.CAPABILITIES;
  }

  @Override
  public Set<String> formats() {
    return Set.of(ID);
  }

  @Override
  public Class<?> exampleType() {
    return Image.class;
  }

  @Override
  public boolean accepts(Path path) {
    if (Files.isDirectory(path)) {
      return imagesIn(path, "train").isPresent() || imagesIn(path, "t10k").isPresent();
    }
    if (!Files.isRegularFile(path)) {
      return false;
    }
    try (InputStream in = TextInput.maybeGunzip(Files.newInputStream(path))) {
      byte[] magic = in.readNBytes(4);
      return magic.length == 4
          && magic[0] == 0
          && magic[1] == 0
          && magic[2] == 0x08
          && magic[3] >= 3
          && magic[3] <= 4;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public ReadResult<Image> read(Path path, ReadOptions options) {
    ReaderOptions opts = ReaderOptions.check(ID, options, OPTIONS);
    String split = opts.string("split").orElse("train");
    if (!split.matches("[A-Za-z0-9_.-]+")) {
      throw opts.invalid("split", split, "a file prefix such as train or t10k");
    }
    Optional<String> channelOpt = opts.string("channels");
    if (channelOpt.isPresent() && !channelOpt.get().matches("[13]")) {
      throw opts.invalid("channels", channelOpt.get(), "1 or 3");
    }
    Path target = path.toAbsolutePath().normalize();
    Path images;
    if (Files.isDirectory(target)) {
      images =
          imagesIn(target, split)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          GraftErrors.FILE_NOT_READABLE,
                          "folder "
                              + target
                              + " has no "
                              + split
                              + "-images-idx3-ubyte[.gz]; pass the images file itself or set"
                              + " option split (e.g. train or t10k)."));
    } else if (Files.isRegularFile(target)) {
      images = target;
    } else {
      throw new InvalidInputException(
          GraftErrors.FILE_NOT_READABLE,
          target
              + " does not exist; reader '"
              + ID
              + "' expects an IDX images file or its folder.");
    }
    Path labelsFile = labelsFor(images, opts);
    BadInputLog log = new BadInputLog();
    int limit = options.maxExamples();
    List<Image> decoded = readImages(images, limit, log);
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("format", ID);
    facts.put("images-file", images.getFileName().toString());
    if (labelsFile == null) {
      log.failIfAny(options.onBadInput(), ID, images.toString());
      if (opts.string("classes").isPresent()) {
        throw opts.invalid(
            "classes",
            opts.string("classes").get(),
            "used with a labels file only; no labels file was found next to " + images);
      }
      facts.put("labels-file", "none found");
      unify(decoded, channelOpt);
      return DatasetAssembler.build(
          ID, name(images), images.toString(), decoded, null, List.of(), log, facts);
    }
    facts.put("labels-file", labelsFile.getFileName().toString());
    int[] labels = readLabels(labelsFile, limit, log);
    if (labels.length != decoded.size()) {
      log.add(
          VisionErrors.MALFORMED_IDX,
          labelsFile.getFileName().toString(),
          "holds "
              + labels.length
              + " usable labels but "
              + images.getFileName()
              + " holds "
              + decoded.size()
              + " usable images; the files do not belong together");
      int n = Math.min(labels.length, decoded.size());
      labels = Arrays.copyOf(labels, n);
      decoded = new ArrayList<>(decoded.subList(0, n));
    }
    log.failIfAny(options.onBadInput(), ID, images.toString());
    unify(decoded, channelOpt);
    List<String> classNames = classNames(opts, labels);
    Optional<String> selection = opts.string("classes");
    if (selection.isPresent()) {
      int[] keep = selectedClasses(opts, selection.get(), classNames.size());
      int[] newLabel = new int[classNames.size()];
      Arrays.fill(newLabel, -1);
      List<String> keptNames = new ArrayList<>();
      for (int k = 0; k < keep.length; k++) {
        newLabel[keep[k]] = k;
        keptNames.add(classNames.get(keep[k]));
      }
      List<Image> keptImages = new ArrayList<>();
      int[] keptLabels = new int[labels.length];
      int n = 0;
      for (int i = 0; i < labels.length; i++) {
        if (newLabel[labels[i]] >= 0) {
          keptImages.add(decoded.get(i));
          keptLabels[n++] = newLabel[labels[i]];
        }
      }
      decoded = keptImages;
      labels = Arrays.copyOf(keptLabels, n);
      classNames = keptNames;
      facts.put("selected-classes", selection.get().replace(" ", ""));
    }
    return DatasetAssembler.build(
        ID, name(images), images.toString(), decoded, labels, classNames, log, facts);
  }

  private static void unify(List<Image> images, Optional<String> channels) {
    DatasetAssembler.unifyChannels(images, channels.map(Integer::parseInt).orElse(0));
  }

  private static String name(Path images) {
    return DatasetAssembler.nameOf(images).replace("-idx3-ubyte", "").replace(".idx3-ubyte", "");
  }

  private static List<String> classNames(ReaderOptions opts, int[] labels) {
    int max = Arrays.stream(labels).max().orElse(0);
    Optional<String> given = opts.string("class-names");
    List<String> names = new ArrayList<>();
    if (given.isPresent()) {
      for (String n : given.get().split(",")) {
        names.add(n.trim());
      }
      if (names.size() <= max
          || names.stream().anyMatch(String::isEmpty)
          || names.stream().distinct().count() != names.size()) {
        throw opts.invalid(
            "class-names",
            given.get(),
            "at least "
                + (max + 1)
                + " distinct, non-empty comma-separated names (labels go up to "
                + max
                + ")");
      }
      return names;
    }
    for (int c = 0; c <= max; c++) {
      names.add(Integer.toString(c));
    }
    return names;
  }

  /** Parses option {@code classes}: distinct stored labels below {@code known}, at least one. */
  private static int[] selectedClasses(ReaderOptions opts, String value, int known) {
    String[] parts = value.split(",");
    int[] out = new int[parts.length];
    String expectation =
        "distinct comma-separated labels from 0 to " + (known - 1) + ", e.g. 5,6,7,8,9";
    for (int i = 0; i < parts.length; i++) {
      try {
        out[i] = Integer.parseInt(parts[i].trim());
      } catch (NumberFormatException e) {
        throw opts.invalid("classes", value, expectation);
      }
      if (out[i] < 0 || out[i] >= known) {
        throw opts.invalid("classes", value, expectation);
      }
    }
    if (Arrays.stream(out).distinct().count() != out.length) {
      throw opts.invalid("classes", value, expectation);
    }
    return out;
  }

  static Optional<Path> imagesIn(Path dir, String split) {
    for (String n :
        List.of(
            split + "-images-idx3-ubyte",
            split + "-images-idx3-ubyte.gz",
            split + "-images.idx3-ubyte",
            split + "-images.idx3-ubyte.gz")) {
      Path p = dir.resolve(n);
      if (Files.isRegularFile(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static Path labelsFor(Path images, ReaderOptions opts) {
    Optional<String> given = opts.string("labels");
    if (given.isPresent()) {
      Path p = images.getParent().resolve(given.get()).normalize();
      if (!Files.isRegularFile(p)) {
        throw opts.invalid("labels", given.get(), "an existing file (looked for " + p + ")");
      }
      return p;
    }
    String name = images.getFileName().toString();
    String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    String labelBase =
        base.replace("images", "labels").replace("idx3", "idx1").replace("idx4", "idx1");
    if (labelBase.equals(base)) {
      return null;
    }
    for (String candidate : List.of(labelBase, labelBase + ".gz")) {
      Path p = images.resolveSibling(candidate);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  private static List<Image> readImages(Path file, int limit, BadInputLog log) {
    String loc = file.getFileName().toString();
    try (DataInputStream in = new DataInputStream(TextInput.open(file))) {
      int[] dims = header(in, loc, file);
      if (dims.length != 3 && dims.length != 4) {
        throw malformed(
            file,
            "has "
                + dims.length
                + " dimensions; an IDX images file has 3 (count, rows, columns) or 4 (with"
                + " channels)");
      }
      int count = dims[0];
      int rows = dims[1];
      int cols = dims[2];
      int channels = dims.length == 4 ? dims[3] : 1;
      if (rows < 1 || cols < 1 || (channels != 1 && channels != 3)) {
        throw malformed(
            file,
            "declares images of "
                + rows
                + "x"
                + cols
                + "x"
                + channels
                + "; rows and columns must be positive and channels 1 or 3");
      }
      int n = limit > 0 ? Math.min(limit, count) : count;
      int size = rows * cols * channels;
      List<Image> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        byte[] px = new byte[size];
        try {
          in.readFully(px);
        } catch (EOFException e) {
          log.add(
              VisionErrors.MALFORMED_IDX,
              loc,
              "file is truncated: its header declares "
                  + count
                  + " images of "
                  + rows
                  + "x"
                  + cols
                  + " but it ends inside image "
                  + i
                  + " (only "
                  + i
                  + " are complete); download or copy it again");
          return out;
        }
        out.add(Image.wrapBytes(cols, rows, channels, px, loc + "#" + i));
      }
      if (n == count && in.read() != -1) {
        log.add(
            VisionErrors.MALFORMED_IDX,
            loc,
            "file is longer than its header declares ("
                + count
                + " images of "
                + rows
                + "x"
                + cols
                + "); the header or the file is wrong");
      }
      return out;
    } catch (IOException e) {
      throw malformed(file, "cannot be read: " + e + " (a corrupt gzip stream or a disk error)");
    }
  }

  private static int[] readLabels(Path file, int limit, BadInputLog log) {
    String loc = file.getFileName().toString();
    try (DataInputStream in = new DataInputStream(TextInput.open(file))) {
      int[] dims = header(in, loc, file);
      if (dims.length != 1) {
        throw malformed(
            file, "has " + dims.length + " dimensions; an IDX labels file has 1 (count)");
      }
      int count = dims[0];
      int n = limit > 0 ? Math.min(limit, count) : count;
      byte[] raw = new byte[n];
      int got = in.readNBytes(raw, 0, n);
      if (got < n) {
        log.add(
            VisionErrors.MALFORMED_IDX,
            loc,
            "file is truncated: its header declares "
                + count
                + " labels but it holds only "
                + got
                + "; download or copy it again");
      } else if (n == count && in.read() != -1) {
        log.add(
            VisionErrors.MALFORMED_IDX,
            loc,
            "file is longer than its header declares (" + count + " labels)");
      }
      int[] labels = new int[got];
      for (int i = 0; i < got; i++) {
        labels[i] = raw[i] & 0xFF;
      }
      return labels;
    } catch (IOException e) {
      throw malformed(file, "cannot be read: " + e + " (a corrupt gzip stream or a disk error)");
    }
  }

  private static int[] header(DataInputStream in, String loc, Path file) throws IOException {
    byte[] magic = in.readNBytes(4);
    if (magic.length < 4) {
      throw malformed(file, "is too short for an IDX header (" + magic.length + " bytes)");
    }
    if (magic[0] != 0 || magic[1] != 0) {
      throw malformed(
          file,
          String.format(
              "does not start with an IDX magic number (bytes %02x %02x %02x %02x; expected 00 00"
                  + " 08 0N)",
              magic[0], magic[1], magic[2], magic[3]));
    }
    if (magic[2] != 0x08) {
      throw malformed(
          file,
          String.format(
              "has element type 0x%02x; this reader reads unsigned-byte IDX files (type 0x08)",
              magic[2]));
    }
    int ndim = magic[3];
    if (ndim < 1 || ndim > 4) {
      throw malformed(file, "declares " + ndim + " dimensions; expected 1 to 4");
    }
    int[] dims = new int[ndim];
    try {
      for (int d = 0; d < ndim; d++) {
        dims[d] = in.readInt();
        if (dims[d] < 0) {
          throw malformed(file, "declares a negative dimension " + dims[d]);
        }
      }
    } catch (EOFException e) {
      throw malformed(file, "ends inside its header");
    }
    return dims;
  }

  private static InvalidInputException malformed(Path file, String detail) {
    return new InvalidInputException(
        VisionErrors.MALFORMED_IDX, "IDX file " + file + " " + detail + ".");
  }
}
