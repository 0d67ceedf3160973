package dev.graft.tensorflow.savedmodel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.tensorflow.io.ElementType;
import dev.graft.tensorflow.io.HostTensor;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts named {@link HostTensor}s to DJL arrays for one signature and the results back, inside
 * the predictor's context so every native array is freed with it.
 */
final class HostTensorTranslator
    implements NoBatchifyTranslator<Map<String, HostTensor>, Map<String, HostTensor>> {

  private final SignatureInfo signature;

  HostTensorTranslator(SignatureInfo signature) {
    this.signature = signature;
  }

  @Override
  public NDList processInput(TranslatorContext context, Map<String, HostTensor> inputs) {
    NDManager manager = context.getNDManager();
    NDList list = new NDList(signature.inputs().size());
    for (TensorSpec spec : signature.inputs()) {
      HostTensor tensor = inputs.get(spec.key());
      NDArray array =
          manager.create(
              tensor.toBytes(ByteOrder.nativeOrder()),
              new Shape(tensor.shape()),
              toDjl(tensor.type()));
      array.setName(spec.key());
      list.add(array);
    }
    return list;
  }

  @Override
  public Map<String, HostTensor> processOutput(TranslatorContext context, NDList list) {
    List<String> keys = signature.outputKeys();
    Map<String, HostTensor> outputs = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      NDArray array = list.get(i);
      String key =
          array.getName() != null && keys.contains(array.getName()) ? array.getName() : keys.get(i);
      outputs.put(key, toHost(key, array));
    }
    return outputs;
  }

  private HostTensor toHost(String key, NDArray array) {
    NDArray readable = array;
    ElementType type =
        switch (array.getDataType()) {
          case FLOAT32 -> ElementType.FLOAT32;
          case FLOAT64 -> ElementType.FLOAT64;
          case INT32 -> ElementType.INT32;
          case INT64 -> ElementType.INT64;
          case UINT8 -> ElementType.UINT8;
          case BOOLEAN -> ElementType.BOOL;
          case FLOAT16, BFLOAT16 -> {
            readable = array.toType(DataType.FLOAT32, false);
            yield ElementType.FLOAT32;
          }
          case INT8, INT16, UINT16, UINT32 -> {
            readable = array.toType(DataType.INT64, false);
            yield ElementType.INT64;
          }
          default ->
              throw new GraftException(
                  GraftErrors.TENSOR_MISMATCH,
                  "output '"
                      + key
                      + "' of signature '"
                      + signature.key()
                      + "' has dtype "
                      + array.getDataType()
                      + ", which Graft cannot return; use a signature whose outputs are numeric or"
                      + " boolean.");
        };
    return HostTensor.fromBytes(
        type,
        readable.getShape().getShape(),
        readable.toByteBuffer().order(ByteOrder.nativeOrder()));
  }

  static DataType toDjl(ElementType type) {
    return switch (type) {
      case FLOAT32 -> DataType.FLOAT32;
      case FLOAT64 -> DataType.FLOAT64;
      case INT32 -> DataType.INT32;
      case INT64 -> DataType.INT64;
      case UINT8 -> DataType.UINT8;
      case BOOL -> DataType.BOOLEAN;
    };
  }
}
