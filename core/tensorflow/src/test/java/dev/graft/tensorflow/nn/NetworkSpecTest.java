package dev.graft.tensorflow.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkSpecTest {

  static NetworkSpec everyLayer() {
    return NetworkSpec.builder()
        .optName("all")
        .setInputShape(8, 8, 3)
        .add(
            new LayerSpec.Conv2d(
                "c1", null, 4, List.of(3, 3), List.of(1, 1), Padding.SAME, Activation.RELU, true))
        .add(new LayerSpec.BatchNorm("bn", null, 0.9, 1e-3))
        .add(
            new LayerSpec.DepthwiseConv2d(
                "dw", null, List.of(3, 3), null, 1, Padding.SAME, Activation.GELU, true))
        .add(
            new LayerSpec.SeparableConv2d(
                "sep", null, 4, List.of(3, 3), null, 1, Padding.SAME, Activation.TANH, true))
        .add(new LayerSpec.Add("res", List.of("c1", "sep")))
        .add(new LayerSpec.MaxPool2d("mp", null, null, null, null))
        .add(new LayerSpec.AvgPool2d("ap", List.of("res"), List.of(2, 2), null, Padding.VALID))
        .add(new LayerSpec.Concat("cat", List.of("mp", "ap"), -1))
        .add(new LayerSpec.GlobalAvgPool("gap", null))
        .add(new LayerSpec.Reshape("r", null, List.of(2, 4)))
        .add(new LayerSpec.Conv1d("c1d", null, 3, 2, 1, Padding.VALID, Activation.SIGMOID, true))
        .add(new LayerSpec.LayerNorm("ln", null, null))
        .add(new LayerSpec.Flatten("flat", null))
        .add(new LayerSpec.Dropout("drop", null, 0.2))
        .add(new LayerSpec.ActivationLayer("act", null, Activation.SOFTMAX))
        .add(new LayerSpec.Dense("out", null, 5, Activation.LINEAR, true))
        .build();
  }

  @Test
  void jsonRoundTripKeepsEveryLayer() {
    NetworkSpec spec = everyLayer();
    String json = spec.toJson();
    assertTrue(json.contains("\"type\" : \"separable_conv2d\""), json);
    NetworkSpec back = NetworkSpec.fromJson(json);
    assertEquals(spec, back);
    assertEquals("act", back.featuresLayer());
    NetworkSpec emb =
        NetworkSpec.builder()
            .setInputShape(6)
            .add(new LayerSpec.Embedding("e", null, 10, 4))
            .flatten("f")
            .dense("o", 2, Activation.LINEAR)
            .build();
    assertEquals(emb, NetworkSpec.fromJson(emb.toJson()));
  }

  @Test
  void jsonDefaultsApplyToOmittedFields() {
    NetworkSpec spec =
        NetworkSpec.fromJson(
            "{\"input\":{\"shape\":[4]},\"layers\":[{\"type\":\"dense\",\"name\":\"h\",\"units\":3},"
                + "{\"type\":\"dense\",\"name\":\"o\",\"units\":2}]}");
    LayerSpec.Dense h = (LayerSpec.Dense) spec.layers().get(0);
    assertEquals(Activation.LINEAR, h.activation());
    assertTrue(h.useBias());
    assertEquals("h", spec.featuresLayer());
  }

  @Test
  void invalidSpecsNameTheProblem() {
    ConfigException dup =
        assertThrows(
            ConfigException.class,
            () ->
                NetworkSpec.builder()
                    .setInputShape(2)
                    .dense("a", 2, Activation.RELU)
                    .dense("a", 2, Activation.LINEAR)
                    .build());
    assertEquals(GraftErrors.INVALID_CONFIG, dup.errorId());
    assertTrue(
        dup.getMessage().contains("'a'") || dup.getMessage().contains(" a;"), dup.getMessage());
    ConfigException ref =
        assertThrows(
            ConfigException.class,
            () ->
                NetworkSpec.builder()
                    .setInputShape(2)
                    .dense("a", 2, Activation.RELU)
                    .add(new LayerSpec.Add("s", List.of("a", "nope")))
                    .build());
    assertTrue(ref.getMessage().contains("nope"), ref.getMessage());
    ConfigException units =
        assertThrows(ConfigException.class, () -> new LayerSpec.Dense("d", null, 0, null, null));
    assertTrue(units.getMessage().contains("layers[d].units"), units.getMessage());
    ConfigException name =
        assertThrows(ConfigException.class, () -> new LayerSpec.Flatten("bad/name", null));
    assertTrue(name.getMessage().contains("bad/name"), name.getMessage());
    ConfigException reserved =
        assertThrows(
            ConfigException.class, () -> new LayerSpec.Dense("logits", null, 2, null, null));
    assertTrue(reserved.getMessage().contains("train_step"), reserved.getMessage());
    ConfigException json =
        assertThrows(
            ConfigException.class,
            () ->
                NetworkSpec.fromJson(
                    "{\"input\":{\"shape\":[4]},\"layers\":[{\"type\":\"dense\",\"name\":\"h\",\"units\":3,\"unitz\":3}]}"));
    assertTrue(json.getMessage().contains("unitz"), json.getMessage());
  }

  @Test
  void headReplacementKeepsTheBackbone() {
    NetworkSpec spec =
        NetworkSpec.builder()
            .setInputShape(4)
            .dense("h1", 8, Activation.RELU)
            .dense("h2", 6, Activation.RELU)
            .dense("out", 3, Activation.LINEAR)
            .build();
    assertEquals(List.of("h1", "h2"), spec.backboneLayers());
    NetworkSpec replaced = spec.withDenseHead("head", 5);
    assertEquals(
        List.of("h1", "h2", "head"), replaced.layers().stream().map(LayerSpec::name).toList());
    assertEquals("h2", replaced.featuresLayer());
  }

  @Test
  void fineTuningResolvesLayersAndMultipliers() {
    NetworkSpec spec =
        NetworkSpec.builder()
            .setInputShape(4)
            .dense("block1_a", 8, Activation.RELU)
            .dense("block2_a", 6, Activation.RELU)
            .dropout("drop", 0.1)
            .dense("out", 3, Activation.LINEAR)
            .build();
    List<String> params = List.of("block1_a", "block2_a", "out");
    assertEquals(java.util.Set.of("out"), FineTuning.onlyHead().trainableLayers(spec, params));
    assertEquals(
        java.util.Set.of("block2_a", "out"), FineTuning.lastK(2).trainableLayers(spec, params));
    assertEquals(
        java.util.Set.of("block1_a"), FineTuning.layers("block1*").trainableLayers(spec, params));
    assertThrows(
        ConfigException.class, () -> FineTuning.layers("nope").trainableLayers(spec, params));
    FineTuning ft = FineTuning.all().withRateMultipliers(Map.of("block*", 0.1, "block2*", 0.5));
    assertEquals(0.1, ft.rateMultiplier("block1_a"));
    assertEquals(0.5, ft.rateMultiplier("block2_a"));
    assertEquals(1.0, ft.rateMultiplier("out"));
  }

  @Test
  void optimizerAndScheduleSpecsRoundTrip() {
    OptimizerSpec opt =
        OptimizerSpec.adamW(1e-3, 0.01)
            .withSchedule(ScheduleSpec.cosine(1e-3, 10, 100, 1e-5))
            .withClipping(1.0, 0);
    assertEquals(opt, SpecJson.read(SpecJson.write(opt), OptimizerSpec.class));
    assertThrows(
        ConfigException.class,
        () -> OptimizerSpec.sgd(0.1, 0.9).withSchedule(ScheduleSpec.constant(0.1)).withL2(-1));
  }
}
