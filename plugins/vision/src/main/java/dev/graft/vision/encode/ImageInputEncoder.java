package dev.graft.vision.encode;

import dev.graft.api.data.Dataset;
import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Modality;
import dev.graft.api.extension.TaskType;
import dev.graft.api.source.EncodedInputs;
import dev.graft.api.source.InputEncoder;
import dev.graft.vision.Image;
import dev.graft.vision.preprocess.AugmentationSpec;
import dev.graft.vision.preprocess.Augmenter;
import dev.graft.vision.preprocess.ImageInputSpec;
import dev.graft.vision.preprocess.ImagePreprocessor;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.pf4j.Extension;

/**
 * The {@code image} input encoder: turns a {@code Dataset<Image>} into the NHWC float32 tensor a
 * model's manifest describes. The input spec (see {@link ImageSpecMaps}) gives the size, channels,
 * resize mode and normalisation ({@link ImagePreprocessor}); with augmentation, image {@code i} is
 * augmented with {@code Augmenter.seedFor(seed, i)} under the spec's recorded {@code augmentation}
 * (default {@link AugmentationSpec#mild()}: no flips), so the same data, spec and seed always give
 * the same values. Grayscale images are replicated to RGB and RGB images reduced to BT.601 luma
 * when the model takes the other form. Thread-safe.
 */
@Extension
public final class ImageInputEncoder implements InputEncoder {

  /** The extension id. */
  public static final String ID = "image";

  /** Above this many images the encoding runs on several threads (results are identical). */
  private static final int PARALLEL_THRESHOLD = 512;

  /** Creates the encoder. */
  public ImageInputEncoder() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Encodes images into a model's NHWC float input (resize, normalise, seeded"
        + " augmentation) following the manifest's image input spec.";
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(
        EnumSet.of(Modality.VISION),
        EnumSet.of(TaskType.CLASSIFICATION, TaskType.REGRESSION),
        Set.of());
  }

  @Override
  public String inputKind() {
    return ImageSpecMaps.KIND;
  }

  @Override
  public EncodedInputs encode(
      Dataset<?> data, Map<String, Object> inputSpec, boolean augment, long seed) {
    ImageInputSpec spec = spec(inputSpec);
    ImagePreprocessor pre = new ImagePreprocessor(spec);
    Augmenter augmenter = augment ? new Augmenter(ImageSpecMaps.augmentation(inputSpec)) : null;
    int n = data.size();
    int per = spec.valuesPerImage();
    float[] values = new float[Math.multiplyExact(n, per)];
    IntStream indices = IntStream.range(0, n);
    if (n > PARALLEL_THRESHOLD) {
      indices = indices.parallel();
    }
    indices.forEach(
        i -> {
          Image image = image(data, i);
          if (augmenter != null) {
            image = augmenter.augment(pre.fit(image), Augmenter.seedFor(seed, i));
          }
          pre.normaliseInto(image, values, i * per);
        });
    return new EncodedInputs(values, n, new int[] {spec.height(), spec.width(), spec.channels()});
  }

  private static ImageInputSpec spec(Map<String, Object> inputSpec) {
    if (inputSpec == null) {
      throw new ConfigException(
          "the model has no input spec; the image encoder needs at least"
              + " {\"kind\": \"image\", \"height\": H, \"width\": W, \"channels\": C}.");
    }
    Object kind = inputSpec.get(ImageSpecMaps.KIND_KEY);
    if (kind != null && !ImageSpecMaps.KIND.equals(kind)) {
      throw new ConfigException(
          "the model's input kind is '"
              + kind
              + "', not 'image'; the vision plugin's image encoder cannot encode for it. Use the"
              + " encoder of that kind.");
    }
    return ImageSpecMaps.imageSpec(inputSpec);
  }

  private static Image image(Dataset<?> data, int index) {
    Object example = data.example(index);
    if (example instanceof Image image) {
      return image;
    }
    throw new InvalidInputException(
        GraftErrors.REQUIREMENT_NOT_MET,
        "example "
            + index
            + " of data set '"
            + data.info().name()
            + "' is a "
            + (example == null ? "null" : example.getClass().getName())
            + ", not a dev.graft.vision.Image; the model takes images. Read the data with a vision"
            + " reader (image-folder, image-csv, idx, pixel-csv) or pick a source of the data's"
            + " modality.");
  }
}
