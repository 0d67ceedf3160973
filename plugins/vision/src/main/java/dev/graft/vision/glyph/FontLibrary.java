package dev.graft.vision.glyph;

import dev.graft.api.error.InvalidInputException;
import dev.graft.vision.VisionErrors;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Font files found on disk and loaded with Java's font APIs ({@code Font.createFont} for TrueType
 * and OpenType {@code .ttf}/{@code .otf}, {@code Font.createFonts} for {@code .ttc} collections).
 * Files are visited in path order so the same folders always give the same fonts in the same order;
 * files that fail to load are recorded, not dropped silently.
 *
 * @param fonts the loaded fonts, in path order
 * @param problems one line per file that could not be loaded or was excluded
 * @param searched the folders searched
 */
public record FontLibrary(List<LoadedFont> fonts, List<String> problems, List<Path> searched) {

  /** Where Debian and most Linux distributions keep fonts (TeX Gyre lives under texmf). */
  public static final List<Path> DEFAULT_FOLDERS =
      List.of(
          Path.of("/usr/share/fonts"),
          Path.of("/usr/share/texmf/fonts/opentype"),
          Path.of("/usr/local/share/fonts"),
          Path.of(System.getProperty("user.home"), ".local/share/fonts"),
          Path.of(System.getProperty("user.home"), ".fonts"));

  /**
   * Symbol, dingbat and math fonts: they map letters and digits to other shapes, so they would
   * label a star as "7".
   */
  public static final Pattern DEFAULT_EXCLUDE =
      Pattern.compile("(?i).*(symbol|dingbat|d050000l|math|opensymbol|wingding|webdings).*");

  /** Debian packages that install fonts this renderer can use. */
  public static final String FONT_PACKAGES =
      "fonts-dejavu-core, fonts-liberation, fonts-freefont-ttf, fonts-urw-base35, fonts-texgyre";

  /** Freezes the lists. */
  public FontLibrary {
    fonts = List.copyOf(fonts);
    problems = List.copyOf(problems);
    searched = List.copyOf(searched);
  }

  /**
   * A loaded font.
   *
   * @param file the file it came from
   * @param font the font (size 1; derive the size you need)
   */
  public record LoadedFont(Path file, Font font) {

    /**
     * A short name for reports: the file name and, in brackets, the font name.
     *
     * @return the label
     */
    public String label() {
      return file.getFileName() + " (" + font.getFontName(Locale.ROOT) + ")";
    }
  }

  /**
   * Finds and loads fonts.
   *
   * @param folders folders to search recursively (missing ones are skipped and named in errors)
   * @param exclude font files or names matching this pattern are left out
   * @return the library, possibly empty
   */
  public static FontLibrary scan(List<Path> folders, Pattern exclude) {
    List<Path> files = new ArrayList<>();
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(folder)) {
        walk.filter(Files::isRegularFile).filter(FontLibrary::isFontFile).forEach(files::add);
      } catch (IOException e) {
        throw new InvalidInputException(
            VisionErrors.NO_FONTS,
            "cannot search font folder " + folder + ": " + e.getMessage(),
            e);
      }
    }
    files.sort(null);
    List<LoadedFont> fonts = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path file : files) {
      if (exclude.matcher(file.getFileName().toString()).matches()) {
        problems.add(file + ": excluded (symbol/math font pattern " + exclude.pattern() + ")");
        continue;
      }
      try {
        for (Font font : load(file)) {
          if (exclude.matcher(font.getFontName(Locale.ROOT)).matches()) {
            problems.add(file + ": excluded font '" + font.getFontName(Locale.ROOT) + "'");
          } else {
            fonts.add(new LoadedFont(file, font));
          }
        }
      } catch (IOException | FontFormatException | RuntimeException e) {
        problems.add(file + ": cannot be loaded (" + e.getMessage() + ")");
      }
    }
    return new FontLibrary(fonts, problems, folders);
  }

  /**
   * Loads fonts from explicitly named files or folders.
   *
   * @param paths font files and/or folders
   * @param exclude names matching this pattern are left out
   * @return the library
   */
  public static FontLibrary of(List<Path> paths, Pattern exclude) {
    List<Path> folders = new ArrayList<>();
    List<LoadedFont> direct = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isRegularFile(p)) {
        try {
          for (Font f : load(p)) {
            direct.add(new LoadedFont(p, f));
          }
        } catch (IOException | FontFormatException | RuntimeException e) {
          problems.add(p + ": cannot be loaded (" + e.getMessage() + ")");
        }
      } else {
        folders.add(p);
      }
    }
    FontLibrary scanned = scan(folders, exclude);
    List<LoadedFont> all = new ArrayList<>(direct);
    all.addAll(scanned.fonts());
    problems.addAll(scanned.problems());
    return new FontLibrary(all, problems, paths);
  }

  /**
   * Fails with a helpful message if no font was found.
   *
   * @return this library
   * @throws InvalidInputException VISION-GLYPH-001 naming the folders searched and the Debian
   *     packages that provide fonts
   */
  public FontLibrary requireFonts() {
    if (fonts.isEmpty()) {
      throw new InvalidInputException(
          VisionErrors.NO_FONTS,
          "no usable .ttf/.otf/.ttc font found in "
              + searched
              + (problems.isEmpty()
                  ? ""
                  : " (" + problems.size() + " files were unusable: " + problems.get(0) + ")")
              + "; install fonts (e.g. apt-get install "
              + FONT_PACKAGES
              + ") or pass --fonts DIR.");
    }
    return this;
  }

  private static boolean isFontFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".ttf") || n.endsWith(".otf") || n.endsWith(".ttc");
  }

  private static List<Font> load(Path file) throws IOException, FontFormatException {
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
      return List.of(Font.createFonts(file.toFile()));
    }
    return List.of(Font.createFont(Font.TRUETYPE_FONT, file.toFile()));
  }
}
