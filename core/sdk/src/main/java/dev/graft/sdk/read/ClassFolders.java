package dev.graft.sdk.read;

import dev.graft.api.error.ErrorId;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Listing a class-folder data set ({@code root/<class>/<file>}, the layout of Keras's {@code
 * *_dataset_from_directory} and torchvision's {@code ImageFolder}) the same way in every modality:
 * hidden names (starting with a dot) are skipped, listings are sorted by path so results do not
 * depend on the file system's order, and a {@code maxExamples} limit is taken round-robin across
 * classes so every class is represented.
 */
public final class ClassFolders {

  private ClassFolders() {}

  /**
   * Whether {@code path} looks like a class-folder data set, for a reader's {@code accepts}: a
   * folder with at least one sub-folder among whose first 64 listed entries is an example file.
   * Never throws; an unreadable folder is not accepted.
   *
   * @param path the candidate
   * @param isExample whether a file is an example this reader reads (usually by extension)
   * @return true if a class-folder reader should claim it
   */
  public static boolean holdsClassFolders(Path path, Predicate<Path> isExample) {
    if (!Files.isDirectory(path)) {
      return false;
    }
    try (Stream<Path> children = Files.list(path)) {
      return children.filter(Files::isDirectory).anyMatch(dir -> holdsAnExample(dir, isExample));
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean holdsAnExample(Path dir, Predicate<Path> isExample) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.limit(64).anyMatch(isExample);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The visible sub-folders of a data set root and what was passed over.
   *
   * @param classDirs the class folders, sorted by path
   * @param ignoredRootFiles plain files directly in the root
   * @param ignoredFolders sub-folders the reader ignores (e.g. {@code _background_noise_})
   */
  public record Listing(List<Path> classDirs, int ignoredRootFiles, int ignoredFolders) {

    /**
     * Copies the folder list.
     *
     * @param classDirs the class folders
     * @param ignoredRootFiles plain files in the root
     * @param ignoredFolders ignored sub-folders
     */
    public Listing {
      classDirs = List.copyOf(classDirs);
    }
  }

  /**
   * Lists the class folders of a root: its {@link #sortedChildren visible children} that are
   * folders, except those {@code ignoreFolder} passes over; plain files are counted, not listed.
   *
   * @param root the data set root, an existing folder
   * @param ignoreFolder folders that are not classes
   * @return the listing
   * @throws InvalidInputException GRAFT-IO-001 if the root cannot be listed
   */
  public static Listing list(Path root, Predicate<Path> ignoreFolder) {
    List<Path> classDirs = new ArrayList<>();
    int ignoredRootFiles = 0;
    int ignoredFolders = 0;
    for (Path child : sortedChildren(root)) {
      if (Files.isDirectory(child)) {
        if (ignoreFolder.test(child)) {
          ignoredFolders++;
        } else {
          classDirs.add(child);
        }
      } else {
        ignoredRootFiles++;
      }
    }
    return new Listing(classDirs, ignoredRootFiles, ignoredFolders);
  }

  /**
   * The example files of each class that has any.
   *
   * @param names the class names (folder names), index = label
   * @param files the example files of each class, sorted by path
   */
  public record Classes(List<String> names, List<List<Path>> files) {}

  /**
   * Collects the example files of each class folder. Files that are not examples are added to
   * {@code log} as {@code notExample} with their {@link #relative} path; a folder with no example
   * is added as {@code emptyClass} with its relative path and a trailing {@code /}, and is not a
   * class. Entries are logged folder by folder, files in path order, then the folder if empty.
   *
   * @param root the data set root
   * @param classDirs the class folders, in class order
   * @param isExample whether a file is an example this reader reads
   * @param log receives the problems
   * @param notExample the error id of a file that is not an example
   * @param notExampleReason the reason given for such a file
   * @param emptyClass the error id of a class folder without examples
   * @param emptyReason the reason given for such a folder
   * @return the classes with examples
   */
  public static Classes collect(
      Path root,
      List<Path> classDirs,
      Predicate<Path> isExample,
      BadInputLog log,
      ErrorId notExample,
      Function<Path, String> notExampleReason,
      ErrorId emptyClass,
      String emptyReason) {
    List<String> names = new ArrayList<>();
    List<List<Path>> filesByClass = new ArrayList<>();
    for (Path dir : classDirs) {
      List<Path> examples = new ArrayList<>();
      for (Path file : filesUnder(dir)) {
        if (isExample.test(file)) {
          examples.add(file);
        } else {
          log.add(notExample, relative(root, file), notExampleReason.apply(file));
        }
      }
      if (examples.isEmpty()) {
        log.add(emptyClass, relative(root, dir) + "/", emptyReason);
        continue;
      }
      names.add(dir.getFileName().toString());
      filesByClass.add(examples);
    }
    return new Classes(names, filesByClass);
  }

  /**
   * The children of a folder whose names do not start with a dot, sorted by path.
   *
   * @param dir the folder
   * @return its visible children, sorted
   * @throws InvalidInputException GRAFT-IO-001 ("cannot list folder ...") if it cannot be listed
   */
  public static List<Path> sortedChildren(Path dir) {
    try (Stream<Path> children = Files.list(dir)) {
      return children.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new InvalidInputException(
          GraftErrors.FILE_NOT_READABLE, "cannot list folder " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Every regular file under a class folder, recursively, sorted by path; files with a hidden name
   * or inside a hidden folder (any path part below {@code dir} starting with a dot) are left out.
   *
   * @param dir the class folder
   * @return its files, sorted
   * @throws InvalidInputException GRAFT-IO-001 ("cannot list class folder ...") if it cannot be
   *     walked
   */
  public static List<Path> filesUnder(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      Path[] files =
          walk.filter(Files::isRegularFile).filter(p -> !hidden(dir, p)).toArray(Path[]::new);
      Arrays.sort(files);
      return List.of(files);
    } catch (IOException e) {
      throw new InvalidInputException(
          GraftErrors.FILE_NOT_READABLE,
          "cannot list class folder " + dir + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * Whether any part of {@code p} below {@code base} starts with a dot.
   *
   * @param base the folder {@code p} is under
   * @param p the path
   * @return true if hidden
   */
  public static boolean hidden(Path base, Path p) {
    for (Path part : base.relativize(p)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code p} relative to {@code root} with forward slashes, as bad-input locations show it.
   *
   * @param root the data set root
   * @param p a path under it
   * @return the relative path, {@code /}-separated
   */
  public static String relative(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  /**
   * Orders files by class then path; with a limit, takes them round-robin across classes first
   * (round 0 takes the first file of every class, round 1 the second, ...), then lists the taken
   * files class by class.
   *
   * @param byClass the files of each class, in order; the class index is the label
   * @param limit the most files to take, 0 for all
   * @param files receives the selected files
   * @param labels receives the class index of each selected file
   */
  public static void select(
      List<List<Path>> byClass, int limit, List<Path> files, List<Integer> labels) {
    int total = byClass.stream().mapToInt(List::size).sum();
    int[] take = new int[byClass.size()];
    if (limit == 0 || limit >= total) {
      for (int c = 0; c < take.length; c++) {
        take[c] = byClass.get(c).size();
      }
    } else {
      int remaining = limit;
      for (int round = 0; remaining > 0; round++) {
        for (int c = 0; c < take.length && remaining > 0; c++) {
          if (round < byClass.get(c).size()) {
            take[c]++;
            remaining--;
          }
        }
      }
    }
    for (int c = 0; c < take.length; c++) {
      for (int i = 0; i < take[c]; i++) {
        files.add(byClass.get(c).get(i));
        labels.add(c);
      }
    }
  }
}
