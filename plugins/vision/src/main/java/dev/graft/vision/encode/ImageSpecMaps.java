package dev.graft.vision.encode;

import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import dev.graft.vision.preprocess.AugmentationSpec;
import dev.graft.vision.preprocess.ImageInputSpec;
import dev.graft.vision.preprocess.ResizeMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Converts between {@link ImageInputSpec} (and an optional {@link AugmentationSpec}) and the
 * free-form input spec map of a model manifest ({@code graft-model.json}'s {@code inputSpec}) or a
 * foreign model's {@code graft-input.json} sidecar.
 *
 * <p>The map form is flat:
 *
 * <pre>{@code
 * {"kind": "image", "height": 8, "width": 8, "channels": 1, "resize": "STRETCH",
 *  "scale": 1.0, "mean": [0.0], "std": [1.0],
 *  "augmentation": {"maxShift": 0.1, "maxZoom": 0.1, "horizontalFlip": false,
 *                   "maxRotationDegrees": 10, "maxBrightness": 0.1, "maxContrast": 0.1}}
 * }</pre>
 *
 * When {@code height}, {@code width} or {@code channels} are missing they are taken from {@code
 * shape} ({@code [h, w, c]}, or {@code [-1, h, w, c]} with the batch axis, as {@code NetworkExport}
 * writes it); {@code resize} defaults to STRETCH, {@code scale} to 1, {@code mean}/{@code std} to
 * 0/1, and {@code augmentation} to {@link AugmentationSpec#mild()}.
 */
public final class ImageSpecMaps {

  /** The input kind this plugin encodes. */
  public static final String KIND = "image";

  /** The map key of the input kind. */
  public static final String KIND_KEY = "kind";

  /** The map key of the modality. */
  public static final String MODALITY_KEY = "modality";

  /** The map key of the training augmentation. */
  public static final String AUGMENTATION_KEY = "augmentation";

  private ImageSpecMaps() {}

  /**
   * The map form of a spec, with {@code kind: image}, {@code modality: vision} and the augmentation
   * (if given).
   *
   * @param spec the image input spec
   * @param augmentation the training augmentation to record, or null for none recorded
   * @return a mutable, ordered map of JSON-compatible values
   */
  public static Map<String, Object> toMap(ImageInputSpec spec, AugmentationSpec augmentation) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(KIND_KEY, KIND);
    map.put(MODALITY_KEY, "vision");
    map.put("height", spec.height());
    map.put("width", spec.width());
    map.put("channels", spec.channels());
    map.put("resize", spec.resize().name());
    map.put("scale", spec.scale());
    map.put("mean", new ArrayList<>(spec.mean()));
    map.put("std", new ArrayList<>(spec.std()));
    if (augmentation != null) {
      Map<String, Object> aug = new LinkedHashMap<>();
      aug.put("maxShift", augmentation.maxShift());
      aug.put("maxZoom", augmentation.maxZoom());
      aug.put("horizontalFlip", augmentation.horizontalFlip());
      aug.put("maxRotationDegrees", augmentation.maxRotationDegrees());
      aug.put("maxBrightness", augmentation.maxBrightness());
      aug.put("maxContrast", augmentation.maxContrast());
      map.put(AUGMENTATION_KEY, aug);
    }
    return map;
  }

  /**
   * Reads the image input spec from a map.
   *
   * @param map the manifest's input spec
   * @return the spec
   * @throws ConfigException GRAFT-CONFIG-001 naming the field if a value is missing or invalid, or
   *     if {@code shape} disagrees with {@code height}/{@code width}/{@code channels}
   */
  public static ImageInputSpec imageSpec(Map<String, Object> map) {
    int[] shape = shape(map);
    int height = intField(map, "height", shape == null ? null : shape[0]);
    int width = intField(map, "width", shape == null ? null : shape[1]);
    int channels = intField(map, "channels", shape == null ? null : shape[2]);
    if (shape != null && (shape[0] != height || shape[1] != width || shape[2] != channels)) {
      throw new ConfigException(
          "the input spec's 'shape' "
              + map.get("shape")
              + " disagrees with height "
              + height
              + ", width "
              + width
              + ", channels "
              + channels
              + "; make them describe the same [height, width, channels].");
    }
    if (channels != 1 && channels != 3) {
      throw new ConfigException(
          "the model takes images with "
              + channels
              + " channels; the vision encoder makes grayscale (1) or RGB (3) input only. Export"
              + " the model with 1 or 3 input channels.");
    }
    ResizeMode resize = resize(map.get("resize"));
    double scale = doubleField(map, "scale", 1.0);
    return new ImageInputSpec(
        height, width, channels, resize, scale, doubleList(map, "mean"), doubleList(map, "std"));
  }

  /**
   * Reads the training augmentation from a map.
   *
   * @param map the manifest's input spec
   * @return the recorded augmentation, or {@link AugmentationSpec#mild()} if none is recorded
   * @throws ConfigException GRAFT-CONFIG-001 naming the field if a value is invalid
   */
  public static AugmentationSpec augmentation(Map<String, Object> map) {
    Object value = map.get(AUGMENTATION_KEY);
    if (value == null) {
      return AugmentationSpec.mild();
    }
    if (!(value instanceof Map<?, ?> raw)) {
      throw new ConfigException(
          "'augmentation' in the input spec is "
              + value
              + "; it must be an object such as"
              + " {\"maxShift\": 0.1, \"maxRotationDegrees\": 10}.");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> aug = (Map<String, Object>) raw;
    for (String key : aug.keySet()) {
      if (!List.of(
              "maxShift",
              "maxZoom",
              "horizontalFlip",
              "maxRotationDegrees",
              "maxBrightness",
              "maxContrast")
          .contains(key)) {
        throw new ConfigException(
            "unknown key 'augmentation."
                + key
                + "' in the input spec; use maxShift, maxZoom,"
                + " horizontalFlip, maxRotationDegrees, maxBrightness or maxContrast.");
      }
    }
    Object flip = aug.getOrDefault("horizontalFlip", false);
    if (!(flip instanceof Boolean)) {
      throw new ConfigException(
          "'augmentation.horizontalFlip' is " + flip + "; it must be true or false.");
    }
    return new AugmentationSpec(
        doubleField(aug, "maxShift", 0),
        doubleField(aug, "maxZoom", 0),
        (Boolean) flip,
        doubleField(aug, "maxRotationDegrees", 0),
        doubleField(aug, "maxBrightness", 0),
        doubleField(aug, "maxContrast", 0));
  }

  private static int[] shape(Map<String, Object> map) {
    Object value = map.get("shape");
    if (value == null) {
      return null;
    }
    if (!(value instanceof List<?> list)
        || (list.size() != 3 && list.size() != 4)
        || !list.stream().allMatch(v -> v instanceof Number)) {
      throw new ConfigException(
          "the input spec's 'shape' is "
              + value
              + "; an image model's shape is [height, width, channels] (or with a leading batch"
              + " axis -1).");
    }
    int from = list.size() - 3;
    int[] out = new int[3];
    for (int i = 0; i < 3; i++) {
      out[i] = ((Number) list.get(from + i)).intValue();
    }
    return out;
  }

  private static int intField(Map<String, Object> map, String field, Integer fallback) {
    Object value = map.get(field);
    if (value == null) {
      if (fallback == null) {
        throw new ConfigException(
            "the input spec has no '"
                + field
                + "' (and no 'shape' to take it from); give height, width and channels, e.g."
                + " {\"kind\": \"image\", \"height\": 28, \"width\": 28, \"channels\": 1}.");
      }
      return fallback;
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.intValue();
    }
    throw new ConfigException(
        "the input spec's '" + field + "' is " + value + "; it must be a whole number.");
  }

  private static double doubleField(Map<String, Object> map, String field, double fallback) {
    Object value = map.get(field);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    throw new ConfigException(
        "the input spec's '" + field + "' is " + value + "; it must be a number.");
  }

  private static List<Double> doubleList(Map<String, Object> map, String field) {
    Object value = map.get(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof List<?> list) || !list.stream().allMatch(v -> v instanceof Number)) {
      throw new ConfigException(
          "the input spec's '"
              + field
              + "' is "
              + value
              + "; it must be a list of numbers, one per channel.");
    }
    return list.stream().map(v -> ((Number) v).doubleValue()).toList();
  }

  private static ResizeMode resize(Object value) {
    if (value == null) {
      return ResizeMode.STRETCH;
    }
    String text = value.toString().trim().toUpperCase(Locale.ROOT).replace('-', '_');
    try {
      return ResizeMode.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          GraftErrors.INVALID_CONFIG,
          "the input spec's 'resize' is '" + value + "'; use STRETCH, CENTER_CROP or PAD.");
    }
  }
}
