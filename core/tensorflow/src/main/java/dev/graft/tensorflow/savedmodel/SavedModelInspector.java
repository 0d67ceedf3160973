package dev.graft.tensorflow.savedmodel;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Reads a SavedModel's {@code saved_model.pb} and lists its meta graphs and signatures.
 *
 * <p>Pure Java (protobuf parsing): it does not start TensorFlow, so it works for {@code graft model
 * inspect} even where natives are unavailable. Stateless and thread-safe.
 */
public final class SavedModelInspector {

  /** The file name of a SavedModel's graph and signatures. */
  public static final String SAVED_MODEL_FILE = "saved_model.pb";

  private SavedModelInspector() {}

  /**
   * Inspects a SavedModel directory.
   *
   * @param directory the directory holding {@code saved_model.pb}
   * @return its meta graphs and signatures
   * @throws GraftException {@code GRAFT-MODEL-001} if the directory or {@code saved_model.pb} is
   *     missing, unreadable, truncated or not a SavedModel
   */
  public static SavedModelInfo inspect(Path directory) {
    return toInfo(directory, readProto(directory));
  }

  /**
   * Parses {@code saved_model.pb} of a directory.
   *
   * @param directory the SavedModel directory
   * @return the parsed proto
   * @throws GraftException {@code GRAFT-MODEL-001} as for {@link #inspect(Path)}
   */
  static SavedModel readProto(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new GraftException(
          GraftErrors.MODEL_INVALID,
          "SavedModel directory "
              + directory
              + (Files.exists(directory) ? " is a file, not a directory" : " does not exist")
              + "; pass the folder that contains saved_model.pb.");
    }
    Path file = directory.resolve(SAVED_MODEL_FILE);
    if (!Files.isRegularFile(file)) {
      String hint =
          Files.isRegularFile(directory.resolve("saved_model.pbtxt"))
              ? " (it has saved_model.pbtxt; re-export it in binary form)"
              : " (is it a Keras .h5/.keras file or a parent folder of versioned exports?)";
      throw new GraftException(
          GraftErrors.MODEL_INVALID,
          "no " + SAVED_MODEL_FILE + " in " + directory + hint + "; pass a SavedModel directory.");
    }
    SavedModel model;
    try (InputStream in = Files.newInputStream(file)) {
      CodedInputStream coded = CodedInputStream.newInstance(in);
      coded.setSizeLimit(Integer.MAX_VALUE);
      model = SavedModel.parseFrom(coded);
    } catch (InvalidProtocolBufferException e) {
      throw new GraftException(
          GraftErrors.MODEL_INVALID,
          file + " is truncated or corrupt (" + e.getMessage() + "); export or copy it again.",
          e);
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.MODEL_INVALID, file + " cannot be read: " + e.getMessage(), e);
    }
    if (model.getMetaGraphsCount() == 0) {
      throw new GraftException(
          GraftErrors.MODEL_INVALID,
          file + " holds no meta graph (truncated or not a SavedModel); export or copy it again.");
    }
    return model;
  }

  private static SavedModelInfo toInfo(Path directory, SavedModel model) {
    List<MetaGraphInfo> graphs = new ArrayList<>();
    for (MetaGraphDef graph : model.getMetaGraphsList()) {
      SortedMap<String, SignatureInfo> signatures = new TreeMap<>();
      for (Map.Entry<String, SignatureDef> entry : graph.getSignatureDefMap().entrySet()) {
        SignatureDef def = entry.getValue();
        signatures.put(
            entry.getKey(),
            new SignatureInfo(
                entry.getKey(),
                def.getMethodName(),
                specs(def.getInputsMap()),
                specs(def.getOutputsMap())));
      }
      graphs.add(
          new MetaGraphInfo(
              graph.getMetaInfoDef().getTagsList(),
              graph.getMetaInfoDef().getTensorflowVersion(),
              signatures));
    }
    return new SavedModelInfo(directory, graphs);
  }

  private static List<TensorSpec> specs(Map<String, TensorInfo> infos) {
    List<TensorSpec> specs = new ArrayList<>();
    new TreeMap<>(infos).forEach((key, info) -> specs.add(spec(key, info)));
    return specs;
  }

  private static TensorSpec spec(String key, TensorInfo info) {
    TensorShapeProto shape = info.getTensorShape();
    List<Long> dims = shape.getDimList().stream().map(TensorShapeProto.Dim::getSize).toList();
    boolean unknownRank = !info.hasTensorShape() || shape.getUnknownRank();
    return new TensorSpec(key, info.getName(), info.getDtype().name(), dims, unknownRank);
  }
}
