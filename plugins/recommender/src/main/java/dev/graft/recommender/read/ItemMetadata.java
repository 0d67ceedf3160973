package dev.graft.recommender.read;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.io.Digests;
import dev.graft.recommender.RecommenderErrors;
import dev.graft.recommender.data.Catalog;
import dev.graft.recommender.data.ItemContent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads MovieLens item metadata into genre indicator features: {@code movies.csv} ({@code
 * movieId,title,genres} with genres joined by {@code |}) or MovieLens-100K {@code u.item} ({@code
 * |}-separated, ISO-8859-1, the last 19 fields are genre flags in {@code u.genre} order).
 */
final class ItemMetadata {

  /** MovieLens-100K genres, in {@code u.genre} order. */
  static final List<String> ML100K_GENRES =
      List.of(
          "unknown",
          "Action",
          "Adventure",
          "Animation",
          "Children's",
          "Comedy",
          "Crime",
          "Documentary",
          "Drama",
          "Fantasy",
          "Film-Noir",
          "Horror",
          "Musical",
          "Mystery",
          "Romance",
          "Sci-Fi",
          "Thriller",
          "War",
          "Western");

  private ItemMetadata() {}

  /**
   * What was loaded.
   *
   * @param content one genre row per catalogue item (zeros for items without metadata)
   * @param itemsWithoutInteractions metadata item ids absent from the catalogue
   * @param digest content digest of the file
   */
  record Loaded(ItemContent content, List<String> itemsWithoutInteractions, String digest) {}

  static Loaded read(Path path, Catalog catalog) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_READABLE,
          "item metadata " + path + " (option items) cannot be read: " + e.getMessage(),
          e);
    }
    boolean uItem = !path.getFileName().toString().endsWith(".csv");
    String text = new String(bytes, uItem ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    String[] lines = text.split("\r?\n");
    Map<String, List<String>> genresById = new HashMap<>();
    List<String> order = new ArrayList<>();
    String file = path.getFileName().toString();
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n];
      if (line.isBlank() || (!uItem && n == 0 && line.startsWith("movieId"))) {
        continue;
      }
      List<String> f = Delimited.split(line, uItem ? '|' : ',');
      if (uItem) {
        if (f.size() != 5 + ML100K_GENRES.size()) {
          throw malformed(file, n + 1, "has " + f.size() + " fields; u.item rows have 24");
        }
        List<String> g = new ArrayList<>();
        for (int k = 0; k < ML100K_GENRES.size(); k++) {
          String flag = f.get(5 + k).trim();
          if (!flag.equals("0") && !flag.equals("1")) {
            throw malformed(file, n + 1, "genre flag '" + flag + "' is not 0 or 1");
          }
          if (flag.equals("1")) {
            g.add(ML100K_GENRES.get(k));
          }
        }
        genresById.put(f.get(0).trim(), g);
      } else {
        if (f.size() != 3) {
          throw malformed(
              file, n + 1, "has " + f.size() + " fields; movies.csv rows are movieId,title,genres");
        }
        List<String> g = new ArrayList<>();
        for (String s : f.get(2).split("\\|")) {
          if (!s.isBlank() && !s.equals("(no genres listed)")) {
            g.add(s.trim());
          }
        }
        genresById.put(f.get(0).trim(), g);
      }
      order.add(f.get(0).trim());
    }
    TreeSet<String> names = new TreeSet<>();
    genresById.values().forEach(names::addAll);
    if (names.isEmpty()) {
      throw malformed(file, 0, "lists no genres for any item");
    }
    List<String> columns = new ArrayList<>(names);
    Map<String, Integer> col = new HashMap<>();
    for (int c = 0; c < columns.size(); c++) {
      col.put(columns.get(c), c);
    }
    int w = columns.size();
    float[] values = new float[catalog.size() * w];
    int matched = 0;
    for (int i = 0; i < catalog.size(); i++) {
      List<String> g = genresById.get(catalog.itemIds().get(i));
      if (g != null) {
        matched++;
        for (String s : g) {
          values[i * w + col.get(s)] = 1f;
        }
      }
    }
    if (matched == 0) {
      throw malformed(
          file,
          0,
          "describes none of the " + catalog.size() + " rated items (do the item ids match?)");
    }
    List<String> unused = new ArrayList<>();
    for (String id : order) {
      if (catalog.indexOf(id) < 0) {
        unused.add(id);
      }
    }
    List<String> prefixed = columns.stream().map(c -> "genre:" + c).toList();
    return new Loaded(new ItemContent(prefixed, values), unused, Digests.sha256Hex(bytes));
  }

  private static InvalidInputException malformed(String file, int line, String why) {
    return new InvalidInputException(
        RecommenderErrors.MALFORMED_ITEM_METADATA,
        "item metadata " + file + (line > 0 ? ":" + line : "") + " " + why + ".");
  }
}
