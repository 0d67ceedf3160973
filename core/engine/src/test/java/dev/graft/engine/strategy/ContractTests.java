package dev.graft.engine.strategy;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.source.SourceLoader;
import dev.graft.api.transfer.TransferStrategy;
import dev.graft.engine.source.InputEncoders;
import dev.graft.engine.source.ModelStoreLoader;
import dev.graft.engine.source.SavedModelLoader;
import dev.graft.testkit.contract.ExtensionContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;

/** Every built-in strategy and source loader satisfies the testkit's generic extension contract. */
class ContractTests {

  static final InputEncoders ENCODERS = InputEncoders.of(List.of(new VectorEncoder()));
  static final DeviceConfig CPU = DeviceConfig.cpu();

  @Nested
  class Scratch extends ExtensionContract<TransferStrategy> {
    @Override
    protected TransferStrategy extension() {
      return new ScratchStrategy(ENCODERS, CPU);
    }
  }

  @Nested
  class LinearProbe extends ExtensionContract<TransferStrategy> {
    @Override
    protected TransferStrategy extension() {
      return new LinearProbeStrategy(ENCODERS, CPU);
    }
  }

  @Nested
  class FineTune extends ExtensionContract<TransferStrategy> {
    @Override
    protected TransferStrategy extension() {
      return new FineTuneStrategy(ENCODERS, CPU);
    }
  }

  @Nested
  class Coral extends ExtensionContract<TransferStrategy> {
    @Override
    protected TransferStrategy extension() {
      return new CoralStrategy(CPU);
    }
  }

  @Nested
  class SelfTraining extends ExtensionContract<TransferStrategy> {
    @Override
    protected TransferStrategy extension() {
      return new SelfTrainingStrategy(CPU);
    }
  }

  @Nested
  class Kmm extends ExtensionContract<TransferStrategy> {
    @Override
    protected TransferStrategy extension() {
      return new KmmStrategy(CPU);
    }
  }

  @Nested
  class TrAdaBoost extends ExtensionContract<TransferStrategy> {
    @Override
    protected TransferStrategy extension() {
      return new TrAdaBoostStrategy(CPU);
    }
  }

  @Nested
  class ModelStore extends ExtensionContract<SourceLoader> {
    @Override
    protected SourceLoader extension() {
      return new ModelStoreLoader(Path.of("models"), ENCODERS, CPU);
    }
  }

  @Nested
  class SavedModel extends ExtensionContract<SourceLoader> {
    @Override
    protected SourceLoader extension() {
      return new SavedModelLoader(ENCODERS, CPU);
    }
  }
}
