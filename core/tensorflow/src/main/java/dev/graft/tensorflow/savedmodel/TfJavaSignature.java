package dev.graft.tensorflow.savedmodel;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.tensorflow.io.ElementType;
import dev.graft.tensorflow.io.HostTensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;
import org.tensorflow.types.family.TType;

/**
 * Runs one signature of a SavedModel through TF Java's {@link SavedModelBundle} instead of DJL.
 * Used for TensorFlow 2 exports that carry assets: their {@code __saved_model_init_op} must be fed
 * the asset paths when the model is loaded, which TF Java's loader does and DJL's does not (DJL
 * then fails at the first call with "You must feed a value for placeholder tensor
 * 'asset_path_initializer'"). Owns the bundle; not thread-safe on its own (the runner serialises
 * calls).
 */
final class TfJavaSignature implements AutoCloseable {

  private final SavedModelBundle bundle;
  private final SessionFunction function;
  private final SignatureInfo signature;

  private TfJavaSignature(
      SavedModelBundle bundle, SessionFunction function, SignatureInfo signature) {
    this.bundle = bundle;
    this.function = function;
    this.signature = signature;
  }

  /** Whether DJL cannot serve this meta graph: a TF2 init op together with asset files. */
  static boolean needed(Path dir, MetaGraphInfo graph) {
    if (!graph.signatures().containsKey("__saved_model_init_op")) {
      return false;
    }
    try (var files = java.nio.file.Files.list(dir.resolve("assets"))) {
      return files.findAny().isPresent();
    } catch (java.io.IOException e) {
      return false; // no assets folder: DJL's loader handles the init op
    }
  }

  static TfJavaSignature open(
      Path dir, MetaGraphInfo graph, SignatureInfo signature, ConfigProto config) {
    SavedModelBundle bundle =
        SavedModelBundle.loader(dir.toString())
            .withTags(graph.tags().toArray(new String[0]))
            .withConfigProto(config)
            .load();
    try {
      return new TfJavaSignature(bundle, bundle.function(signature.key()), signature);
    } catch (RuntimeException e) {
      bundle.close();
      throw e;
    }
  }

  Map<String, HostTensor> run(Map<String, HostTensor> inputs) {
    List<Tensor> fed = new ArrayList<>();
    try {
      Map<String, Tensor> feeds = new LinkedHashMap<>();
      for (TensorSpec spec : signature.inputs()) {
        Tensor t = toTensor(inputs.get(spec.key()));
        fed.add(t);
        feeds.put(spec.key(), t);
      }
      try (Result result = function.call(feeds)) {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        for (TensorSpec spec : signature.outputs()) {
          Tensor t =
              result
                  .get(spec.key())
                  .orElseThrow(
                      () ->
                          new GraftException(
                              GraftErrors.TENSOR_MISMATCH,
                              "signature '"
                                  + signature.key()
                                  + "' returned no output '"
                                  + spec.key()
                                  + "'."));
          out.put(spec.key(), toHost(spec.key(), t));
        }
        return out;
      }
    } finally {
      fed.forEach(Tensor::close);
    }
  }

  private static Tensor toTensor(HostTensor h) {
    Class<? extends TType> type =
        switch (h.type()) {
          case FLOAT32 -> TFloat32.class;
          case FLOAT64 -> TFloat64.class;
          case INT32 -> TInt32.class;
          case INT64 -> TInt64.class;
          case UINT8 -> TUint8.class;
          case BOOL -> TBool.class;
        };
    return Tensor.of(type, Shape.of(h.shape()), DataBuffers.of(h.toBytes(ByteOrder.nativeOrder())));
  }

  private HostTensor toHost(String key, Tensor t) {
    ElementType type = ElementType.fromTensorFlowName(t.dataType().name());
    if (type == null) {
      throw new GraftException(
          GraftErrors.TENSOR_MISMATCH,
          "output '"
              + key
              + "' of signature '"
              + signature.key()
              + "' has dtype "
              + t.dataType()
              + ", which Graft cannot return; use a signature whose outputs are numeric or boolean.");
    }
    byte[] bytes = new byte[(int) t.numBytes()];
    t.asRawTensor().data().read(bytes);
    return HostTensor.fromBytes(
        type, t.shape().asArray(), ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()));
  }

  @Override
  public void close() {
    bundle.close();
  }
}
