package dev.graft.engine.contract;

import dev.graft.api.data.Dataset;
import dev.graft.api.extension.Modality;
import dev.graft.api.source.SourceLoader;
import dev.graft.api.source.SourceQuery;
import dev.graft.engine.source.ModelStoreLoader;
import dev.graft.engine.source.SavedModelLoader;
import dev.graft.testkit.contract.SourceLoaderContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;

/**
 * The built-in source loaders pass the testkit's {@link SourceLoaderContract}: {@code model-store}
 * on a store holding the circle model, {@code saved-model} on the same SavedModel without its Graft
 * manifest, described by a {@code graft-input.json} sidecar as a foreign model would be.
 */
class BuiltinLoaderContractTest {

  abstract static class OnCircleModel extends SourceLoaderContract {
    @Override
    protected Optional<Dataset<?>> probeData() {
      return Optional.of(Fixtures.targetValidation());
    }

    @Override
    protected OptionalLong liveNativeResources() {
      return Fixtures.liveNativeResources();
    }
  }

  @Nested
  class ModelStore extends OnCircleModel {
    @Override
    protected SourceLoader extension() {
      return new ModelStoreLoader(Path.of("no-default-store"), Fixtures.ENCODERS, Fixtures.CPU);
    }

    @Override
    protected SourceQuery writeValidSources(Path dir) throws Exception {
      Fixtures.copyCircleModel(dir.resolve("models/circle"));
      return new SourceQuery(
          Modality.TABULAR, Optional.of(dir.resolve("models").toString()), Map.of());
    }
  }

  @Nested
  class SavedModel extends OnCircleModel {
    @Override
    protected SourceLoader extension() {
      return new SavedModelLoader(Fixtures.ENCODERS, Fixtures.CPU);
    }

    @Override
    protected SourceQuery writeValidSources(Path dir) throws Exception {
      Path foreign = dir.resolve("foreign");
      Fixtures.copyCircleModel(foreign);
      Files.delete(foreign.resolve("graft-model.json"));
      Files.writeString(
          foreign.resolve("graft-input.json"),
          "{\"modality\": \"tabular\", \"input\": {\"kind\": \"vector\", \"shape\": [-1, 12]},"
              + " \"features\": {\"signature\": \"features\", \"output\": \"features\"},"
              + " \"probabilities\": {\"output\": \"logits\", \"softmax\": true}}");
      return new SourceQuery(Modality.TABULAR, Optional.of(foreign.toString()), Map.of());
    }
  }
}
