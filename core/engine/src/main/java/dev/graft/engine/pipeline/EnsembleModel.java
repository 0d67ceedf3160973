package dev.graft.engine.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.evaluate.Predictions;
import dev.graft.api.io.AtomicFiles;
import dev.graft.api.provenance.Provenance;
import dev.graft.api.transfer.TrainedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A multi-source ensemble: the weighted average of its members' class probabilities. It borrows its
 * members (the pipeline owns and closes them); closing the ensemble closes nothing.
 *
 * <p>Exported as a folder with one sub-folder per member ({@code member-1}, …, each a complete
 * exported model) and {@code graft-ensemble.json} naming the members and their weights; written
 * next to the destination and moved into place in one step.
 */
final class EnsembleModel implements TrainedModel {

  /** The manifest file of an exported ensemble. */
  static final String MANIFEST = "graft-ensemble.json";

  private final List<TrainedModel> members;
  private final List<String> names;
  private final double[] weights;

  EnsembleModel(List<TrainedModel> members, List<String> names, double[] weights) {
    this.members = List.copyOf(members);
    this.names = List.copyOf(names);
    this.weights = weights.clone();
  }

  /** The weighted average of member probabilities, row by row. */
  static double[][] combine(List<double[][]> memberProbabilities, double[] weights) {
    double[][] first = memberProbabilities.get(0);
    double[][] out = new double[first.length][first[0].length];
    for (int m = 0; m < memberProbabilities.size(); m++) {
      double[][] p = memberProbabilities.get(m);
      for (int i = 0; i < out.length; i++) {
        for (int c = 0; c < out[i].length; c++) {
          out[i][c] += weights[m] * p[i][c];
        }
      }
    }
    return out;
  }

  @Override
  public Predictions predict(Dataset<?> data) {
    List<double[][]> parts = new ArrayList<>();
    for (TrainedModel m : members) {
      ProbabilityMatrix p =
          m.predict(data)
              .probabilities()
              .orElseThrow(
                  () ->
                      new GraftException(
                          GraftErrors.REQUIREMENT_NOT_MET,
                          "an ensemble member returned no class probabilities."));
      double[][] rows = new double[p.rows()][];
      for (int i = 0; i < p.rows(); i++) {
        rows[i] = p.values().row(i);
      }
      parts.add(rows);
    }
    return Predictions.ofProbabilities(
        new ProbabilityMatrix(FeatureMatrix.of(combine(parts, weights))));
  }

  @Override
  public void export(Path dir) {
    Path target = dir.toAbsolutePath();
    Path tmp = target.resolveSibling("." + target.getFileName() + ".partial");
    try {
      AtomicFiles.deleteTree(tmp);
      Files.createDirectories(tmp);
      List<Map<String, Object>> listed = new ArrayList<>();
      for (int i = 0; i < members.size(); i++) {
        String folder = "member-" + (i + 1);
        members.get(i).export(tmp.resolve(folder));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("folder", folder);
        entry.put("model", names.get(i));
        entry.put("weight", weights[i]);
        listed.add(entry);
      }
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("kind", "weighted-probability-average");
      manifest.put("members", listed);
      AtomicFiles.write(
          tmp.resolve(MANIFEST),
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsBytes(manifest));
      Path old = AtomicFiles.replaceDirectory(tmp, target);
      if (old != null) {
        AtomicFiles.deleteTree(old);
      }
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_WRITABLE, "cannot export the ensemble to " + target + ": " + e, e);
    }
  }

  @Override
  public Provenance provenance() {
    Provenance.Builder b = Provenance.builder("ensemble");
    for (int i = 0; i < members.size(); i++) {
      b.put("member." + (i + 1), names.get(i) + " weight " + weights[i]);
      b.child(members.get(i).provenance());
    }
    return b.build();
  }

  @Override
  public void close() {
    // members are owned by the pipeline
  }
}
