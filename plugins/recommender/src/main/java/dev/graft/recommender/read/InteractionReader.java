package dev.graft.recommender.read;

import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetInfo;
import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.data.ReadResult.SkippedInput;
import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Modality;
import dev.graft.api.io.Digests;
import dev.graft.recommender.RecommenderErrors;
import dev.graft.recommender.RecommenderPlugin;
import dev.graft.recommender.data.Catalog;
import dev.graft.recommender.data.Feedback;
import dev.graft.recommender.data.Interactions;
import dev.graft.recommender.data.RatingScale;
import dev.graft.recommender.data.RecommenderData;
import dev.graft.recommender.data.UserHistory;
import dev.graft.recommender.split.RecommenderSplits;
import dev.graft.recommender.split.TrainTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the rating readers share: parse rows into (user, item, value, timestamp), apply the bad
 * input policy, drop duplicates (keep last, reported), filter sparse users and items, attach item
 * metadata, and optionally split off held-out interactions as relevance targets.
 *
 * <p>Options every rating reader accepts:
 *
 * <ul>
 *   <li>{@code feedback}: {@code explicit} (ratings, checked against {@code scale}) or {@code
 *       implicit} (every kept row is a positive with value 1);
 *   <li>{@code scale}: the rating scale {@code min..max} (explicit feedback);
 *   <li>{@code positive-threshold}: with implicit feedback, keep only rows whose rating is at least
 *       this (a 4-star threshold turns ratings into "liked");
 *   <li>{@code numeric-ids}: {@code true} to require numeric user and item ids;
 *   <li>{@code min-user-interactions}, {@code min-item-interactions}: drop users and items with
 *       fewer interactions (repeated until stable), each drop reported;
 *   <li>{@code holdout}: {@code none} (unlabelled histories), {@code last} (leave-last-out per
 *       user) or {@code time:<fraction>} (global time split); with a holdout the data set is
 *       labelled with the held-out relevance matrix;
 *   <li>{@code items}: an item-metadata file (MovieLens {@code movies.csv} or {@code u.item}),
 *       relative to the ratings file's folder; its genres become content features.
 * </ul>
 *
 * <p>Bad rows (wrong field count, unparsable numbers, non-numeric ids where numeric are declared,
 * ratings off the scale) fail the read with {@link BadInputPolicy#FAIL} (all of them listed) or are
 * skipped and listed with {@link BadInputPolicy#SKIP}. Duplicate (user, item) rows are never an
 * error: the later row wins and the earlier one is listed as skipped.
 */
public abstract class InteractionReader implements DatasetReader {

  static final List<String> COMMON_OPTIONS =
      List.of(
          "feedback",
          "scale",
          "positive-threshold",
          "numeric-ids",
          "min-user-interactions",
          "min-item-interactions",
          "holdout",
          "items");

  private static final int LISTED_PROBLEMS = 20;

  /**
   * How to find the fields of a row.
   *
   * @param delimiter the field separator
   * @param header whether the first line is a header
   * @param fields the exact number of fields a row must have, or 0 for "at least the columns"
   * @param user user-id column
   * @param item item-id column
   * @param rating rating column, or -1 (implicit feedback only)
   * @param timestamp timestamp column, or -1 (row order is the clock)
   * @param defaultFeedback feedback when the option is not given
   * @param defaultScale rating scale when the option is not given
   * @param defaultNumericIds whether ids must be numeric when the option is not given
   */
  protected record Layout(
      char delimiter,
      boolean header,
      int fields,
      int user,
      int item,
      int rating,
      int timestamp,
      Feedback defaultFeedback,
      RatingScale defaultScale,
      boolean defaultNumericIds) {}

  @Override
  public Capabilities capabilities() {
    return RecommenderPlugin.capabilities(Set.of());
  }

  @Override
  public Class<?> exampleType() {
    return UserHistory.class;
  }

  /**
   * The options this reader accepts beyond {@link #COMMON_OPTIONS}.
   *
   * @return option names
   */
  protected List<String> extraOptions() {
    return List.of();
  }

  /**
   * The layout for a file, given the options and the file's first line.
   *
   * @param path the file
   * @param firstLine its first line (may be the header)
   * @param options the reader options
   * @return the layout
   */
  protected abstract Layout layout(Path path, String firstLine, ReadOptions options);

  @Override
  public ReadResult<UserHistory> read(Path path, ReadOptions options) {
    checkOptions(options);
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new GraftException(
          GraftErrors.FILE_NOT_READABLE,
          "ratings file " + path + " does not exist or is not a readable file.");
    }
    Parsed parsed = parse(path, options);
    List<SkippedInput> skipped = new ArrayList<>(parsed.skipped);
    Interactions all = filter(parsed, options, skipped);
    String itemsOption = options.option("items").orElse(null);
    String itemsDigest = "";
    if (itemsOption != null) {
      Path itemsPath = path.toAbsolutePath().getParent().resolve(itemsOption).normalize();
      ItemMetadata.Loaded meta = ItemMetadata.read(itemsPath, all.catalog());
      all =
          Interactions.of(
              all.catalog().withContent(meta.content()),
              all.userIds(),
              column(all, 0),
              column(all, 1),
              values(all),
              times(all));
      itemsDigest = meta.digest();
      for (String unused : meta.itemsWithoutInteractions()) {
        skipped.add(
            new SkippedInput(
                itemsPath + ":" + unused,
                "item has no interactions after reading and filtering; left out of the catalogue"));
      }
    }
    Map<String, String> props = new LinkedHashMap<>();
    props.put("format", formats().iterator().next());
    props.put("feedback", all.catalog().feedback().name().toLowerCase(Locale.ROOT));
    all.catalog().scale().ifPresent(s -> props.put("scale", s.toString()));
    props.put("users", Integer.toString(all.numUsers()));
    props.put("items", Integer.toString(all.numItems()));
    props.put("interactions", Integer.toString(all.size()));
    props.put("duplicates", Integer.toString(parsed.duplicates));
    props.put("skipped", Integer.toString(skipped.size()));
    String holdout = options.option("holdout").orElse("none");
    props.put("holdout", holdout);
    String digest = "sha256:" + digest(parsed.fileDigest, itemsDigest, options);
    String name = path.getFileName().toString();
    Dataset<UserHistory> data;
    if (holdout.equalsIgnoreCase("none")) {
      data =
          RecommenderData.dataset(
              new DatasetInfo(name, Modality.RECOMMENDATION, path.toString(), digest, props),
              all,
              null);
    } else {
      TrainTest split = RecommenderSplits.parse(all, holdout);
      props.put("held-out", Integer.toString(split.test().size()));
      props.put("held-out-unseen-users", Integer.toString(split.testRowsOfUnseenUsers()));
      props.put("held-out-unseen-items", Integer.toString(split.testRowsOfUnseenItems()));
      data =
          RecommenderData.dataset(
              new DatasetInfo(name, Modality.RECOMMENDATION, path.toString(), digest, props),
              split.train(),
              split.test());
    }
    if (options.maxExamples() > 0 && data.size() > options.maxExamples()) {
      int[] first = new int[options.maxExamples()];
      for (int i = 0; i < first.length; i++) {
        first[i] = i;
      }
      data = data.subset(first);
    }
    return new ReadResult<>(data, skipped);
  }

  private void checkOptions(ReadOptions options) {
    List<String> known = new ArrayList<>(COMMON_OPTIONS);
    known.addAll(extraOptions());
    for (String key : new TreeSet<>(options.options().keySet())) {
      if (!known.contains(key)) {
        throw new ConfigException(
            GraftErrors.INVALID_READER_OPTION,
            "reader '" + id() + "' has no option '" + key + "'; it accepts " + known + ".");
      }
    }
  }

  /** Rows as parsed, before filtering. */
  private static final class Parsed {
    final List<String> users = new ArrayList<>();
    final Map<String, Integer> userIndex = new HashMap<>();
    final List<String> items = new ArrayList<>();
    final Map<String, Integer> itemIndex = new HashMap<>();
    int[] u = new int[1024];
    int[] i = new int[1024];
    float[] v = new float[1024];
    long[] t = new long[1024];
    int[] line = new int[1024];
    boolean[] removed = new boolean[1024];
    int n;
    int duplicates;
    Feedback feedback;
    RatingScale scale;
    String fileDigest;
    final List<SkippedInput> skipped = new ArrayList<>();

    void add(int user, int item, float value, long time, int lineNo) {
      if (n == u.length) {
        int cap = n * 2;
        u = java.util.Arrays.copyOf(u, cap);
        i = java.util.Arrays.copyOf(i, cap);
        v = java.util.Arrays.copyOf(v, cap);
        t = java.util.Arrays.copyOf(t, cap);
        line = java.util.Arrays.copyOf(line, cap);
        removed = java.util.Arrays.copyOf(removed, cap);
      }
      u[n] = user;
      i[n] = item;
      v[n] = value;
      t[n] = time;
      line[n] = lineNo;
      n++;
    }
  }

  private Parsed parse(Path path, ReadOptions options) {
    Parsed p = new Parsed();
    List<RowProblem> problems = new ArrayList<>();
    MessageDigest sha = Digests.newSha256();
    String file = path.getFileName().toString();
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      String first = in.readLine();
      if (first == null) {
        throw new InvalidInputException(
            RecommenderErrors.NO_INTERACTIONS, "ratings file " + path + " is empty.");
      }
      Layout layout = layout(path, first, options);
      p.feedback =
          options
              .option("feedback")
              .map(f -> parseFeedback(f))
              .orElse(layout.rating() < 0 ? Feedback.IMPLICIT : layout.defaultFeedback());
      if (p.feedback == Feedback.EXPLICIT && layout.rating() < 0) {
        throw new ConfigException(
            "reader '" + id() + "': explicit feedback needs a rating column; set rating-column.");
      }
      p.scale = options.option("scale").map(RatingScale::parse).orElse(layout.defaultScale());
      boolean numericIds =
          options
              .option("numeric-ids")
              .map(s -> bool("numeric-ids", s))
              .orElse(layout.defaultNumericIds());
      Double threshold =
          options
              .option("positive-threshold")
              .map(s -> number("positive-threshold", s))
              .orElse(null);
      Map<Long, Integer> seen = new HashMap<>();
      String line = first;
      int lineNo = 1;
      if (layout.header()) {
        digest(sha, line);
        line = in.readLine();
        lineNo++;
      }
      int needed =
          Math.max(
                  layout.user(),
                  Math.max(layout.item(), Math.max(layout.rating(), layout.timestamp())))
              + 1;
      for (; line != null; line = in.readLine(), lineNo++) {
        digest(sha, line);
        if (line.isBlank()) {
          continue;
        }
        String where = file + ":" + lineNo;
        List<String> f = Delimited.split(line, layout.delimiter());
        if ((layout.fields() > 0 && f.size() != layout.fields()) || f.size() < needed) {
          problems.add(
              new RowProblem(
                  where,
                  RecommenderErrors.MALFORMED_ROW,
                  "has "
                      + f.size()
                      + " fields; expected "
                      + (layout.fields() > 0 ? layout.fields() : "at least " + needed)
                      + " separated by '"
                      + (layout.delimiter() == '\t' ? "\\t" : layout.delimiter())
                      + "'"));
          continue;
        }
        String userId = f.get(layout.user()).trim();
        String itemId = f.get(layout.item()).trim();
        if (userId.isEmpty() || itemId.isEmpty()) {
          problems.add(
              new RowProblem(
                  where, RecommenderErrors.MALFORMED_ROW, "has an empty user or item id"));
          continue;
        }
        if (numericIds && (!isInteger(userId) || !isInteger(itemId))) {
          problems.add(
              new RowProblem(
                  where,
                  RecommenderErrors.NON_NUMERIC_ID,
                  "user id '"
                      + userId
                      + "' / item id '"
                      + itemId
                      + "' is not numeric, but this format declares numeric ids"
                      + " (set numeric-ids: false if your ids are text)"));
          continue;
        }
        float value = 1f;
        if (layout.rating() >= 0) {
          String r = f.get(layout.rating()).trim();
          double rating;
          try {
            rating = Double.parseDouble(r);
          } catch (NumberFormatException e) {
            problems.add(
                new RowProblem(
                    where, RecommenderErrors.MALFORMED_ROW, "rating '" + r + "' is not a number"));
            continue;
          }
          if (!Double.isFinite(rating) || (p.scale != null && !p.scale.contains(rating))) {
            problems.add(
                new RowProblem(
                    where,
                    RecommenderErrors.RATING_OUT_OF_SCALE,
                    "rating "
                        + r
                        + " is outside the declared scale "
                        + p.scale
                        + " (option scale)"));
            continue;
          }
          if (p.feedback == Feedback.IMPLICIT && threshold != null && rating < threshold) {
            continue;
          }
          value = p.feedback == Feedback.EXPLICIT ? (float) rating : 1f;
        }
        long time = lineNo;
        if (layout.timestamp() >= 0) {
          String ts = f.get(layout.timestamp()).trim();
          try {
            time = Long.parseLong(ts);
          } catch (NumberFormatException e) {
            problems.add(
                new RowProblem(
                    where,
                    RecommenderErrors.MALFORMED_ROW,
                    "timestamp '" + ts + "' is not an integer"));
            continue;
          }
        }
        int user =
            p.userIndex.computeIfAbsent(
                userId,
                k -> {
                  p.users.add(k);
                  return p.users.size() - 1;
                });
        int item =
            p.itemIndex.computeIfAbsent(
                itemId,
                k -> {
                  p.items.add(k);
                  return p.items.size() - 1;
                });
        long key = ((long) user << 32) | item;
        Integer earlier = seen.put(key, p.n);
        if (earlier != null) {
          p.removed[earlier] = true;
          p.duplicates++;
          p.skipped.add(
              new SkippedInput(
                  file + ":" + p.line[earlier],
                  "duplicate of user '"
                      + userId
                      + "', item '"
                      + itemId
                      + "'; line "
                      + lineNo
                      + " replaces it (keep-last policy)"));
        }
        p.add(user, item, value, time, lineNo);
      }
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_READABLE, "cannot read " + path + ": " + e.getMessage(), e);
    }
    p.fileDigest = java.util.HexFormat.of().formatHex(sha.digest());
    if (!problems.isEmpty()) {
      if (options.onBadInput() == BadInputPolicy.FAIL) {
        StringBuilder msg = new StringBuilder();
        msg.append(problems.size()).append(" bad row(s) in ").append(path).append(':');
        for (int k = 0; k < Math.min(LISTED_PROBLEMS, problems.size()); k++) {
          RowProblem r = problems.get(k);
          msg.append("\n  ")
              .append(r.location())
              .append(" [")
              .append(r.error().code())
              .append("] ")
              .append(r.reason());
        }
        if (problems.size() > LISTED_PROBLEMS) {
          msg.append("\n  ... and ").append(problems.size() - LISTED_PROBLEMS).append(" more");
        }
        msg.append("\nFix them, or set on-bad-input: skip to skip and list them.");
        throw new InvalidInputException(problems.get(0).error(), msg.toString());
      }
      for (RowProblem r : problems) {
        p.skipped.add(new SkippedInput(r.location(), "[" + r.error().code() + "] " + r.reason()));
      }
    }
    return p;
  }

  private Interactions filter(Parsed p, ReadOptions options, List<SkippedInput> skipped) {
    int minUser =
        options
            .option("min-user-interactions")
            .map(s -> count("min-user-interactions", s))
            .orElse(1);
    int minItem =
        options
            .option("min-item-interactions")
            .map(s -> count("min-item-interactions", s))
            .orElse(1);
    boolean[] removed = p.removed.clone();
    boolean[] userGone = new boolean[p.users.size()];
    boolean[] itemGone = new boolean[p.items.size()];
    Map<String, String> dropped = new TreeMap<>();
    boolean changed = minUser > 1 || minItem > 1;
    while (changed) {
      changed = false;
      int[] uc = new int[p.users.size()];
      int[] ic = new int[p.items.size()];
      for (int r = 0; r < p.n; r++) {
        if (!removed[r]) {
          uc[p.u[r]]++;
          ic[p.i[r]]++;
        }
      }
      for (int r = 0; r < p.n; r++) {
        if (!removed[r] && (uc[p.u[r]] < minUser || ic[p.i[r]] < minItem)) {
          removed[r] = true;
          changed = true;
        }
      }
      for (int u = 0; u < uc.length; u++) {
        if (!userGone[u] && uc[u] > 0 && uc[u] < minUser) {
          userGone[u] = true;
          dropped.put(
              "user " + p.users.get(u),
              "fewer than " + minUser + " interactions (min-user-interactions); dropped");
        }
      }
      for (int i = 0; i < ic.length; i++) {
        if (!itemGone[i] && ic[i] > 0 && ic[i] < minItem) {
          itemGone[i] = true;
          dropped.put(
              "item " + p.items.get(i),
              "fewer than " + minItem + " interactions (min-item-interactions); dropped");
        }
      }
    }
    dropped.forEach((k, v) -> skipped.add(new SkippedInput(k, v)));
    int kept = 0;
    for (int r = 0; r < p.n; r++) {
      kept += removed[r] ? 0 : 1;
    }
    if (kept == 0) {
      throw new InvalidInputException(
          RecommenderErrors.NO_INTERACTIONS,
          "no interactions are left after reading"
              + (minUser > 1 || minItem > 1
                  ? " and filtering (min-user-interactions "
                      + minUser
                      + ", min-item-interactions "
                      + minItem
                      + ")"
                  : "")
              + "; "
              + p.skipped.size()
              + " row(s) were skipped. Check the file format and the options.");
    }
    int[] rows = new int[kept];
    int k = 0;
    for (int r = 0; r < p.n; r++) {
      if (!removed[r]) {
        rows[k++] = r;
      }
    }
    int[] u = new int[kept];
    int[] it = new int[kept];
    float[] v = new float[kept];
    long[] t = new long[kept];
    for (int j = 0; j < kept; j++) {
      u[j] = p.u[rows[j]];
      it[j] = p.i[rows[j]];
      v[j] = p.v[rows[j]];
      t[j] = p.t[rows[j]];
    }
    Catalog catalog = new Catalog(p.items, p.feedback, p.scale, null);
    return Interactions.of(catalog, p.users, u, it, v, t).compact();
  }

  private static int[] column(Interactions d, int which) {
    int[] out = new int[d.size()];
    for (int r = 0; r < out.length; r++) {
      out[r] = which == 0 ? d.user(r) : d.item(r);
    }
    return out;
  }

  private static float[] values(Interactions d) {
    float[] out = new float[d.size()];
    for (int r = 0; r < out.length; r++) {
      out[r] = d.value(r);
    }
    return out;
  }

  private static long[] times(Interactions d) {
    long[] out = new long[d.size()];
    for (int r = 0; r < out.length; r++) {
      out[r] = d.timestamp(r);
    }
    return out;
  }

  private static void digest(MessageDigest sha, String line) {
    sha.update(line.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) '\n');
  }

  private static String digest(String file, String items, ReadOptions options) {
    return Digests.sha256Hex(file + "|" + items + "|" + new TreeMap<>(options.options()));
  }

  private static boolean isInteger(String s) {
    if (s.isEmpty() || s.length() > 18) {
      return false;
    }
    for (int k = s.charAt(0) == '-' ? 1 : 0; k < s.length(); k++) {
      if (!Character.isDigit(s.charAt(k))) {
        return false;
      }
    }
    return s.length() > (s.charAt(0) == '-' ? 1 : 0);
  }

  static Feedback parseFeedback(String text) {
    try {
      return Feedback.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          GraftErrors.INVALID_READER_OPTION,
          "feedback '" + text + "' is not explicit or implicit.");
    }
  }

  static boolean bool(String key, String text) {
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw new ConfigException(
        GraftErrors.INVALID_READER_OPTION,
        "option " + key + " is '" + text + "'; use true or false.");
  }

  static double number(String key, String text) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(
          GraftErrors.INVALID_READER_OPTION, "option " + key + " is '" + text + "'; use a number.");
    }
  }

  static int count(String key, String text) {
    try {
      int v = Integer.parseInt(text.trim());
      if (v >= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(
        GraftErrors.INVALID_READER_OPTION,
        "option " + key + " is '" + text + "'; use a whole number of at least 1.");
  }
}
