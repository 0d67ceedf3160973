package dev.graft.sdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.config.DeviceConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class PretrainOptionsTest {

  @Command(name = "demo", mixinStandardHelpOptions = true)
  static final class Demo implements Callable<Integer> {
    @Mixin PretrainOptions common;

    @Override
    public Integer call() {
      return 0;
    }
  }

  private static Demo parse(String... args) {
    Demo d = new Demo();
    new CommandLine(d).parseArgs(args);
    return d;
  }

  @Test
  void defaults() {
    Demo d = parse();
    assertEquals(0.1, d.common.validation());
    assertEquals(64, d.common.batchSize());
    assertEquals(0.001, d.common.learningRate());
    assertEquals(DeviceConfig.cpu(), d.common.device());
    assertEquals(Path.of("/env/store"), d.common.store(Map.of("GRAFT_MODEL_STORE", "/env/store")));
  }

  @Test
  void givenValues() {
    Demo d =
        parse(
            "--store", "/s", "--validation", "0.2", "--batch-size", "8", "--learning-rate", "0.01");
    assertEquals(Path.of("/s"), d.common.store(Map.of("GRAFT_MODEL_STORE", "/env/store")));
    assertEquals(0.2, d.common.validation());
    assertEquals(8, d.common.batchSize());
    assertEquals(0.01, d.common.learningRate());
  }

  @Test
  void helpListsTheSharedOptions() {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    int code = PicocliCommands.execute(new Demo(), List.of("--help"), out, out);
    assertEquals(0, code);
    for (String o :
        List.of(
            "--store=DIR", "--validation=F", "--batch-size=N", "--learning-rate=R", "--device=D")) {
      assertTrue(text.toString().contains(o), text.toString());
    }
    assertTrue(text.toString().contains("(default: 0.001)"), text.toString());
  }

  @Test
  void outputHelpers() {
    assertEquals("n/a", PretrainOptions.accuracy(Double.NaN));
    assertEquals("0.5000", PretrainOptions.accuracy(0.5));
    StringWriter text = new StringWriter();
    PretrainOptions.lines(new PrintWriter(text), "  ").accept("epoch 1");
    assertEquals("  epoch 1" + System.lineSeparator(), text.toString());
  }
}
