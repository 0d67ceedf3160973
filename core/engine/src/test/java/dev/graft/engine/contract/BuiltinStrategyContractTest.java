package dev.graft.engine.contract;

import dev.graft.api.data.Dataset;
import dev.graft.api.source.Source;
import dev.graft.api.transfer.TransferStrategy;
import dev.graft.engine.strategy.CoralStrategy;
import dev.graft.engine.strategy.FineTuneStrategy;
import dev.graft.engine.strategy.KmmStrategy;
import dev.graft.engine.strategy.LinearProbeStrategy;
import dev.graft.engine.strategy.NetworkSelfTrainingStrategy;
import dev.graft.engine.strategy.ScratchStrategy;
import dev.graft.engine.strategy.SelfTrainingStrategy;
import dev.graft.engine.strategy.SourceOnlyStrategy;
import dev.graft.engine.strategy.TrAdaBoostStrategy;
import dev.graft.testkit.contract.TransferStrategyContract;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;

/**
 * Every built-in strategy passes the testkit's {@link TransferStrategyContract}: network strategies
 * on the circle model opened from a model store, feature strategies on a frozen vector source with
 * labelled source data.
 */
class BuiltinStrategyContractTest {

  /** A strategy on a fixture whose target data are the generated circle vectors. */
  abstract static class OnCircleData extends TransferStrategyContract {
    @Override
    protected Dataset<?> targetTrain() {
      return Fixtures.targetTrain();
    }

    @Override
    protected Dataset<?> targetValidation() {
      return Fixtures.targetValidation();
    }

    @Override
    protected Map<String, String> invalidOptions() {
      return Map.of("lr", "-1");
    }

    @Override
    protected OptionalLong liveNativeResources() {
      return Fixtures.liveNativeResources();
    }
  }

  /** On the trainable circle model. */
  abstract static class OnGraftModel extends OnCircleData {
    @Override
    protected Source openSource(Path dir) throws Exception {
      return Fixtures.trainableSource(dir);
    }
  }

  /** On the frozen vector source with labelled source data. */
  abstract static class OnFrozenFeatures extends OnCircleData {
    @Override
    protected Source openSource(Path dir) {
      return new Fixtures.VectorSource();
    }
  }

  @Nested
  class Scratch extends OnGraftModel {
    @Override
    protected TransferStrategy extension() {
      return new ScratchStrategy(Fixtures.ENCODERS, Fixtures.CPU);
    }
  }

  @Nested
  class FineTune extends OnGraftModel {
    @Override
    protected TransferStrategy extension() {
      return new FineTuneStrategy(Fixtures.ENCODERS, Fixtures.CPU);
    }
  }

  @Nested
  class LinearProbeOnAGraftModel extends OnGraftModel {
    @Override
    protected TransferStrategy extension() {
      return new LinearProbeStrategy(Fixtures.ENCODERS, Fixtures.CPU);
    }
  }

  @Nested
  class LinearProbeOnFrozenFeatures extends OnFrozenFeatures {
    @Override
    protected TransferStrategy extension() {
      return new LinearProbeStrategy(Fixtures.ENCODERS, Fixtures.CPU);
    }
  }

  @Nested
  class Coral extends OnFrozenFeatures {
    @Override
    protected TransferStrategy extension() {
      return new CoralStrategy(Fixtures.CPU);
    }
  }

  @Nested
  class SelfTraining extends OnFrozenFeatures {
    @Override
    protected TransferStrategy extension() {
      return new SelfTrainingStrategy(Fixtures.CPU);
    }
  }

  @Nested
  class Kmm extends OnFrozenFeatures {
    @Override
    protected TransferStrategy extension() {
      return new KmmStrategy(Fixtures.CPU);
    }
  }

  @Nested
  class TrAdaBoost extends OnFrozenFeatures {
    @Override
    protected TransferStrategy extension() {
      return new TrAdaBoostStrategy(Fixtures.CPU);
    }
  }

  @Nested
  class SourceOnly extends OnGraftModel {
    @Override
    protected TransferStrategy extension() {
      return new SourceOnlyStrategy(Fixtures.ENCODERS, Fixtures.CPU);
    }

    @Override
    protected Map<String, String> invalidOptions() {
      return Map.of(); // it has no options: any option is unknown
    }
  }

  @Nested
  class SelfTrainingNetwork extends OnGraftModel {
    @Override
    protected TransferStrategy extension() {
      return new NetworkSelfTrainingStrategy(Fixtures.ENCODERS, Fixtures.CPU);
    }
  }
}
