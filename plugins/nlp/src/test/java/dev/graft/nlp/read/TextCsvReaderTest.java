package dev.graft.nlp.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.nlp.NlpErrors;
import dev.graft.nlp.Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextCsvReaderTest {

  @TempDir Path temp;

  private final TextCsvReader reader = new TextCsvReader();

  private Path write(String name, String content) throws IOException {
    return Files.writeString(temp.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static ReadOptions opts(BadInputPolicy p, Map<String, String> o) {
    return new ReadOptions(p, 0, o);
  }

  @Test
  void quotedFieldsMayHoldDelimitersQuotesAndLineBreaks() throws IOException {
    Path csv =
        write(
            "t.csv",
            "id,text,label\n"
                + "1,\"Hello, world\",greeting\n"
                + "2,\"He said \"\"hi\"\"\nand left\",story\n"
                + "\n"
                + "3,plain text,greeting\n");
    ReadResult<Text> r = reader.read(csv, ReadOptions.defaults());
    Dataset<Text> d = r.dataset();
    assertEquals(3, d.size());
    assertEquals("Hello, world", d.example(0).value());
    assertEquals("He said \"hi\"\nand left", d.example(1).value());
    assertEquals(csv + ":3", d.example(1).origin());
    assertEquals(csv + ":6", d.example(2).origin());
    assertEquals(List.of("greeting", "story"), d.classLabels().names());
    assertEquals(
        List.of(0, 1, 0),
        List.of(d.classLabels().get(0), d.classLabels().get(1), d.classLabels().get(2)));
    assertEquals("csv", d.info().properties().get("format"));
    assertTrue(d.info().digest().startsWith("sha256:"));
  }

  @Test
  void tsvByExtensionGzipAndColumnsByIndexWithoutHeader() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(
          "sports\tThe match ended 2-1\nfood\tBread, butter and jam\n"
              .getBytes(StandardCharsets.UTF_8));
    }
    Path tsv = Files.write(temp.resolve("t.tsv.gz"), bytes.toByteArray());
    Dataset<Text> d =
        reader
            .read(
                tsv,
                opts(
                    BadInputPolicy.FAIL,
                    Map.of("header", "false", "text-column", "1", "label-column", "0")))
            .dataset();
    assertEquals("Bread, butter and jam", d.example(1).value());
    assertEquals(List.of("food", "sports"), d.classLabels().names());
    assertEquals("t", d.info().name());
  }

  @Test
  void aMisspelledLabelColumnSuggestsTheClosestHeader() throws IOException {
    Path csv = write("t.csv", "Text,Category\nhello,a\n");
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                reader.read(
                    csv,
                    opts(
                        BadInputPolicy.FAIL,
                        Map.of("text-column", "Text", "label-column", "categry"))));
    assertEquals(NlpErrors.MISSING_COLUMN, e.errorId());
    assertTrue(e.getMessage().contains("did you mean 'Category'"), e.getMessage());
    InvalidInputException missing =
        assertThrows(InvalidInputException.class, () -> reader.read(csv, ReadOptions.defaults()));
    assertTrue(missing.getMessage().contains("no column 'text'"), missing.getMessage());
    assertTrue(missing.getMessage().contains("did you mean 'Text'"), missing.getMessage());
  }

  @Test
  void invalidUtf8IsReportedWithFileAndLineOrSkipped() throws IOException {
    byte[] bad =
        "text,label\ngood one,a\nbad \u00ff\u00fe here,b\nanother,b\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    Path csv = Files.write(temp.resolve("latin1.csv"), bad);
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> reader.read(csv, ReadOptions.defaults()));
    assertEquals(NlpErrors.INVALID_UTF8, e.errorId());
    assertTrue(e.getMessage().contains(csv + ":3"), e.getMessage());
    assertTrue(e.getMessage().contains("byte 5"), e.getMessage());
    ReadResult<Text> r = reader.read(csv, opts(BadInputPolicy.SKIP, Map.of()));
    assertEquals(2, r.dataset().size());
    assertEquals(1, r.skipped().size());
    assertEquals(csv + ":3", r.skipped().get(0).location());
    assertEquals("1", r.dataset().info().properties().get("skipped"));
  }

  @Test
  void emptyTextsMalformedRowsAndMixedKindsAreListed() throws IOException {
    Path csv = write("t.csv", "text,label\n\"\",a\nok,a\nthree,fields,here\n\"never closed,b\n");
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> reader.read(csv, ReadOptions.defaults()));
    assertEquals(GraftErrors.BAD_INPUTS, e.errorId());
    assertTrue(e.getMessage().contains(csv + ":2: the text is empty"), e.getMessage());
    assertTrue(e.getMessage().contains(csv + ":4: the row has 3 fields"), e.getMessage());
    assertTrue(e.getMessage().contains(csv + ":5: a quoted field"), e.getMessage());
    ReadResult<Text> r = reader.read(csv, opts(BadInputPolicy.SKIP, Map.of()));
    assertEquals(1, r.dataset().size());
    assertEquals(3, r.skipped().size());
  }

  @Test
  void longTextsAreTruncatedAndCounted() throws IOException {
    String longText = "word ".repeat(50).strip();
    Path csv = write("t.csv", "text,label\n" + longText + ",a\nshort,b\n");
    Dataset<Text> d =
        reader.read(csv, opts(BadInputPolicy.FAIL, Map.of("max-chars", "20"))).dataset();
    assertEquals(20, d.example(0).value().length());
    assertEquals("short", d.example(1).value());
    assertEquals("1", d.info().properties().get("truncated"));
    assertEquals("249", d.info().properties().get("longest-chars"));
  }

  @Test
  void classesSelectAndOrderAndAClassWithoutExamplesIsReported() throws IOException {
    Path csv = write("t.csv", "text,label\nx1,x\ny1,y\nz1,z\ny2,y\n");
    Dataset<Text> d =
        reader.read(csv, opts(BadInputPolicy.FAIL, Map.of("classes", "z,y"))).dataset();
    assertEquals(List.of("z", "y"), d.classLabels().names());
    assertEquals(3, d.size());
    assertEquals(0, d.classLabels().get(d.examples().indexOf(new Text("z1", csv + ":4"))));
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> reader.read(csv, opts(BadInputPolicy.FAIL, Map.of("classes", "y,w"))));
    assertEquals(NlpErrors.EMPTY_CLASS, e.errorId());
    assertTrue(e.getMessage().contains("class 'w'"), e.getMessage());
    ReadResult<Text> skipped =
        reader.read(csv, opts(BadInputPolicy.SKIP, Map.of("classes", "y,w")));
    assertEquals(List.of("y"), skipped.dataset().classLabels().names());
    assertEquals(1, skipped.skipped().size());
  }

  @Test
  void unlabelledReadingAndBadOptions() throws IOException {
    Path csv = write("t.csv", "text\nfirst\nsecond\n");
    Dataset<Text> d =
        reader.read(csv, opts(BadInputPolicy.FAIL, Map.of("label-column", "none"))).dataset();
    assertFalse(d.targets().isPresent());
    assertEquals(2, d.size());
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> reader.read(csv, opts(BadInputPolicy.FAIL, Map.of("delimiter", "ab"))));
    assertEquals(GraftErrors.INVALID_READER_OPTION, e.errorId());
    Path empty = write("empty.csv", "text,label\n");
    InvalidInputException none =
        assertThrows(InvalidInputException.class, () -> reader.read(empty, ReadOptions.defaults()));
    assertEquals(NlpErrors.NO_EXAMPLES, none.errorId());
  }
}
