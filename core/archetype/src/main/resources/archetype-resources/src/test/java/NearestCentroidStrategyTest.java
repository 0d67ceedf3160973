package ${package};

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetInfo;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.extension.Modality;
import dev.graft.api.source.Source;
import dev.graft.api.source.SourceDescriptor;
import dev.graft.api.source.SourceKind;
import dev.graft.api.transfer.TrainedModel;
import dev.graft.api.transfer.TrainingBudget;
import dev.graft.api.transfer.TransferContext;
import dev.graft.api.transfer.TransferStrategy;
import dev.graft.testkit.contract.TransferStrategyContract;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The strategy passes the testkit's strategy contract, on a frozen source whose features are the
 * examples themselves, and separates well-separated classes.
 */
class NearestCentroidStrategyTest extends TransferStrategyContract {

  /** {@code perClass} examples of 3 Gaussian blobs in 4 dimensions, centres 3 apart. */
  static Dataset<float[]> blobs(String name, int perClass, long seed) {
    Random rnd = new Random(seed);
    List<float[]> x = new ArrayList<>();
    int[] y = new int[perClass * 3];
    for (int i = 0; i < y.length; i++) {
      y[i] = i % 3;
      float[] v = new float[4];
      for (int j = 0; j < v.length; j++) {
        v[j] = (float) ((j == y[i] ? 3 : 0) + rnd.nextGaussian());
      }
      x.add(v);
    }
    DatasetInfo info = new DatasetInfo(name, Modality.TABULAR, "generated", name + seed, Map.of());
    return Dataset.labelled(info, x, ClassLabels.of(y, List.of("a", "b", "c")));
  }

  /** Features = the float[] examples. */
  static final class IdentitySource implements Source {
    @Override
    public SourceDescriptor descriptor() {
      return new SourceDescriptor(
          "identity", "test", SourceKind.PRETRAINED_MODEL, Modality.TABULAR, "memory", Map.of());
    }

    @Override
    public FeatureMatrix features(Dataset<?> data) {
      int d = data.size() == 0 ? 4 : ((float[]) data.example(0)).length;
      double[] out = new double[data.size() * d];
      for (int i = 0; i < data.size(); i++) {
        float[] row = (float[]) data.example(i);
        for (int j = 0; j < d; j++) {
          out[i * d + j] = row[j];
        }
      }
      return FeatureMatrix.wrap(data.size(), d, out);
    }

    @Override
    public Optional<ProbabilityMatrix> probabilities(Dataset<?> data) {
      return Optional.empty();
    }

    @Override
    public boolean trainable() {
      return false;
    }

    @Override
    public Optional<Dataset<?>> labelledData() {
      return Optional.empty();
    }

    @Override
    public void close() {}
  }

  @Override
  protected TransferStrategy extension() {
    return new NearestCentroidStrategy();
  }

  @Override
  protected Source openSource(Path dir) {
    return new IdentitySource();
  }

  @Override
  protected Dataset<?> targetTrain() {
    return blobs("train", 5, 1);
  }

  @Override
  protected Dataset<?> targetValidation() {
    return blobs("validation", 20, 2);
  }

  @Override
  protected Map<String, String> invalidOptions() {
    return Map.of("temperature", "-1");
  }

  @Test
  void separatesWellSeparatedClasses() {
    Dataset<float[]> test = blobs("test", 100, 3);
    TransferContext context =
        new TransferContext(
            new IdentitySource(),
            targetTrain(),
            Optional.empty(),
            Optional.empty(),
            new TrainingBudget(1, Duration.ofMinutes(1)),
            1,
            Map.of(),
            fixtureDir);
    try (TrainedModel model = extension().transfer(context).model()) {
      ClassLabels predicted = model.predict(test).probabilities().orElseThrow().argmax();
      int hits = 0;
      for (int i = 0; i < test.size(); i++) {
        hits += predicted.get(i) == test.classLabels().get(i) ? 1 : 0;
      }
      double accuracy = (double) hits / test.size();
      assertTrue(accuracy > 0.85, "accuracy on blobs 3 standard deviations apart: " + accuracy);
    }
  }
}
