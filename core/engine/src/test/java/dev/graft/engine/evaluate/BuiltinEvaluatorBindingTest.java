package dev.graft.engine.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.graft.api.config.DeviceConfig;
import dev.graft.api.evaluate.Evaluator;
import dev.graft.api.extension.TaskType;
import dev.graft.engine.GraftConfig;
import dev.graft.engine.inject.GraftModule;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltinEvaluatorBindingTest {

  @Test
  void theHostInjectorBindsTheThreeBuiltInEvaluators(@TempDir Path home) {
    GraftConfig config =
        new GraftConfig(
            Optional.empty(), DeviceConfig.cpu(), home.resolve("models"), home.resolve("cache"));
    Set<Evaluator> evaluators =
        Guice.createInjector(new GraftModule(config))
            .getInstance(Key.get(new TypeLiteral<Set<Evaluator>>() {}));
    Map<String, Set<TaskType>> tasks =
        evaluators.stream().collect(Collectors.toMap(Evaluator::id, e -> e.capabilities().tasks()));
    assertEquals(Set.of(TaskType.CLASSIFICATION), tasks.get("classification"));
    assertEquals(Set.of(TaskType.REGRESSION), tasks.get("regression"));
    assertEquals(Set.of(TaskType.RANKING), tasks.get("ranking"));
  }
}
