package dev.graft.tensorflow.savedmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedModelInspectorTest {

  @TempDir Path dir;

  @Test
  void listsTheSignaturesOfAPythonExport() throws Exception {
    SavedModelInfo info = SavedModelInspector.inspect(Fixtures.halfPlusTwo(dir));

    assertEquals(1, info.metaGraphs().size());
    MetaGraphInfo graph = info.metaGraph(Set.of());
    assertEquals(List.of("serve"), graph.tags());
    assertEquals(
        Set.of(
            "classify_x_to_y",
            "regress_x2_to_y3",
            "regress_x_to_y",
            "regress_x_to_y2",
            "serving_default"),
        graph.signatures().keySet());
    SignatureInfo serving = graph.signature("serving_default");
    assertEquals("tensorflow/serving/predict", serving.methodName());
    assertEquals(List.of("x"), serving.inputKeys());
    assertEquals(List.of("y"), serving.outputKeys());
    TensorSpec x = serving.inputs().get(0);
    assertEquals("DT_FLOAT", x.dtype());
    assertEquals("x:0", x.tensorName());
    assertEquals(List.of(-1L, 1L), x.shape());
    assertEquals("DT_STRING", graph.signature("classify_x_to_y").inputs().get(0).dtype());
  }

  @Test
  void unknownSignatureListsTheAvailableOnes() throws Exception {
    MetaGraphInfo graph =
        SavedModelInspector.inspect(Fixtures.halfPlusTwo(dir)).metaGraph(Set.of());
    GraftException e = assertThrows(GraftException.class, () -> graph.signature("predict"));
    assertEquals(GraftErrors.SIGNATURE_NOT_FOUND, e.errorId());
    assertTrue(e.getMessage().contains("'predict'"), e.getMessage());
    assertTrue(e.getMessage().contains("serving_default"), e.getMessage());
  }

  @Test
  void unknownTagSetListsTheAvailableOnes() throws Exception {
    SavedModelInfo info = SavedModelInspector.inspect(Fixtures.halfPlusTwo(dir));
    GraftException e = assertThrows(GraftException.class, () -> info.metaGraph(Set.of("gpu")));
    assertEquals(GraftErrors.MODEL_INVALID, e.errorId());
    assertTrue(e.getMessage().contains("[[serve]]"), e.getMessage());
  }

  @Test
  void missingDirectoryAndMissingPbAreModelErrors() throws Exception {
    Path missing = dir.resolve("nowhere");
    GraftException noDir =
        assertThrows(GraftException.class, () -> SavedModelInspector.inspect(missing));
    assertEquals(GraftErrors.MODEL_INVALID, noDir.errorId());
    assertTrue(noDir.getMessage().contains("does not exist"), noDir.getMessage());

    Path empty = Files.createDirectories(dir.resolve("empty"));
    GraftException noPb =
        assertThrows(GraftException.class, () -> SavedModelInspector.inspect(empty));
    assertEquals(GraftErrors.MODEL_INVALID, noPb.errorId());
    assertTrue(noPb.getMessage().contains("no saved_model.pb in " + empty), noPb.getMessage());
  }

  @Test
  void truncatedPbIsAModelErrorNamingTheFile() throws Exception {
    Path model = Fixtures.halfPlusTwo(dir);
    Path pb = model.resolve("saved_model.pb");
    byte[] bytes = Files.readAllBytes(pb);
    Files.write(pb, Arrays.copyOf(bytes, bytes.length / 2));

    GraftException e = assertThrows(GraftException.class, () -> SavedModelInspector.inspect(model));
    assertEquals(GraftErrors.MODEL_INVALID, e.errorId());
    assertTrue(e.getMessage().contains(pb.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("truncated or corrupt"), e.getMessage());
  }
}
