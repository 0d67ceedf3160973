package dev.graft.nlp.pretrain;

import dev.graft.api.data.DatasetReader;
import dev.graft.api.error.ConfigException;
import dev.graft.nlp.read.FortuneReader;
import dev.graft.nlp.read.JsonlTextReader;
import dev.graft.nlp.read.TextCsvReader;
import dev.graft.nlp.read.TextFolderReader;
import java.util.List;

/** The plugin's text readers by id, for the commands. */
final class TextReaderIds {

  static final List<String> IDS =
      List.of(TextCsvReader.ID, JsonlTextReader.ID, TextFolderReader.ID, FortuneReader.ID);

  private TextReaderIds() {}

  static DatasetReader reader(String id) {
    return switch (id == null ? "" : id) {
      case TextCsvReader.ID -> new TextCsvReader();
      case JsonlTextReader.ID -> new JsonlTextReader();
      case TextFolderReader.ID -> new TextFolderReader();
      case FortuneReader.ID -> new FortuneReader();
      default ->
          throw new ConfigException(
              "unknown text reader '" + id + "'; use one of " + String.join(", ", IDS) + ".");
    };
  }
}
