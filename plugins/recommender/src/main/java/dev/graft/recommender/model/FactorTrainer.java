package dev.graft.recommender.model;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.error.GraftException;
import dev.graft.api.error.InvalidInputException;
import dev.graft.recommender.RecommenderErrors;
import dev.graft.recommender.data.Feedback;
import dev.graft.recommender.data.Interactions;
import dev.graft.recommender.data.ItemContent;
import dev.graft.tensorflow.nn.FloatTensors;
import dev.graft.tensorflow.runtime.DevicePlacement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Unique;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Trains {@link FactorModel}s with TensorFlow's graph API (the {@code GraphModel} abstraction of
 * the toolkit takes one input tensor; a factor model takes user ids, item ids and negatives).
 *
 * <p>The graph gathers the embedding rows a batch touches, takes the loss's gradients with respect
 * to those gathered rows (not the whole tables) and applies them with sparse Adagrad, so a step
 * costs {@code O(batch x dimension)} whatever the catalogue size; the content tower's dense weights
 * use dense Adagrad. Every update waits for every gradient (reference variables are read in place).
 * The L2 penalty applies to the id-embedding rows of the batch; a {@link UserPrior} adds {@code
 * priorWeight * w_u * |p_u - prior_u|^2} and initialises {@code p_u} at the prior where {@code w_u
 * > 0}.
 *
 * <p>Reproducible bit for bit for a seed on CPU: initial values, shuffling and negatives come from
 * seeded Java generators, the gradient rows of repeated indices are summed before the sparse update
 * (no two threads update one row), and the session runs one thread.
 */
public final class FactorTrainer {

  private static final float ACCUMULATOR_INIT = 0.1f;

  private FactorTrainer() {}

  /**
   * A trained model and how training went.
   *
   * @param model the model
   * @param report the training report
   */
  public record Trained(FactorModel model, TrainingReport report) {}

  /**
   * The CPU placement training uses by default: one intra-op and one inter-op thread, so the order
   * of every floating-point reduction is fixed and a seed reproduces a model bit for bit (tested).
   * TensorFlow's default thread pools train faster on idle cores (pass {@code DeviceConfig.cpu()}),
   * reproducible only up to round-off.
   */
  public static final DeviceConfig SINGLE_THREAD_CPU =
      new DeviceConfig(DeviceConfig.Kind.CPU, 0, false, 1, 1);

  /**
   * Trains on the CPU with one thread ({@link #SINGLE_THREAD_CPU}).
   *
   * @param data training interactions
   * @param config how to train
   * @param prior user priors (one row per user of {@code data}), or null
   * @return the model and the report
   */
  public static Trained train(Interactions data, FactorConfig config, UserPrior prior) {
    return train(data, config, prior, SINGLE_THREAD_CPU);
  }

  /**
   * Trains.
   *
   * @param data training interactions
   * @param config how to train
   * @param prior user priors (one row per user of {@code data}), or null
   * @param device where to train
   * @return the model and the report
   * @throws InvalidInputException REC-DATA-001 if the objective does not fit the feedback or the
   *     prior has another user count; REC-TRAIN-001 if the loss becomes non-finite
   */
  public static Trained train(
      Interactions data, FactorConfig config, UserPrior prior, DeviceConfig device) {
    check(data, config, prior);
    DevicePlacement placement = DevicePlacement.resolve(device);
    try (Graph g = new Graph()) {
      Net net = new Net(g, data, config, prior);
      try (Session s = placement.openSession(g)) {
        net.initialise(s);
        return net.fit(s);
      }
    }
  }

  private static void check(Interactions data, FactorConfig config, UserPrior prior) {
    if (data.size() == 0) {
      throw new InvalidInputException(
          RecommenderErrors.NO_INTERACTIONS, "no training interactions.");
    }
    boolean explicit = data.catalog().feedback() == Feedback.EXPLICIT;
    if ((config.objective() == Objective.MSE) != explicit) {
      throw new InvalidInputException(
          RecommenderErrors.NOT_INTERACTION_DATA,
          "objective "
              + config.objective()
              + " does not fit "
              + data.catalog().feedback().name().toLowerCase(Locale.ROOT)
              + " feedback; use MSE for explicit ratings and BPR or SAMPLED_SOFTMAX for implicit"
              + " interactions (or read the data with feedback: implicit).");
    }
    if (prior != null
        && (prior.users() != data.numUsers()
            || prior.vectors().length != data.numUsers() * config.dimension())) {
      throw new InvalidInputException(
          RecommenderErrors.NOT_INTERACTION_DATA,
          "the user prior covers "
              + prior.users()
              + " users x "
              + prior.vectors().length / Math.max(1, prior.users())
              + " dimensions; the data has "
              + data.numUsers()
              + " users and the model "
              + config.dimension()
              + " dimensions.");
    }
    if (config.contentHidden() > 0 && data.catalog().content().isEmpty()) {
      throw new InvalidInputException(
          RecommenderErrors.NOT_INTERACTION_DATA,
          "a content tower needs item content features; read the data with item metadata"
              + " (option items) or train without a content tower.");
    }
  }

  /** The graph of one model and its training loop. */
  private static final class Net {
    private final Interactions data;
    private final FactorConfig c;
    private final UserPrior prior;
    private final int nU;
    private final int nI;
    private final int d;
    private final int k;
    private final boolean mse;
    private final boolean softmax;
    private final ItemContent content;
    private final Placeholder<TInt32> users;
    private final Placeholder<TInt32> items;
    private Placeholder<TInt32> negatives;
    private Placeholder<TFloat32> ratings;
    private Placeholder<TFloat32> labels;
    private final Map<String, Variable<TFloat32>> vars = new LinkedHashMap<>();
    private final Map<String, float[]> init = new LinkedHashMap<>();
    private final Map<String, Placeholder<TFloat32>> feeds = new LinkedHashMap<>();
    private final Map<String, Op> assigns = new LinkedHashMap<>();
    private final Operand<TFloat32> step;
    private final Ops tf;

    Net(Graph g, Interactions data, FactorConfig c, UserPrior prior) {
      this.data = data;
      this.c = c;
      this.prior = prior;
      this.nU = data.numUsers();
      this.nI = data.numItems();
      this.d = c.dimension();
      this.mse = c.objective() == Objective.MSE;
      this.softmax = c.objective() == Objective.SAMPLED_SOFTMAX;
      this.k = mse ? 0 : c.negatives();
      this.content = c.contentHidden() > 0 ? data.catalog().content().orElseThrow() : null;
      this.tf = Ops.create(g);
      SplittableRandom random = new SplittableRandom(c.seed());

      users = tf.withName("users").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
      items = tf.withName("items").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
      float[] p0 = normal(random, nU * d, c.initScale());
      if (prior != null) {
        for (int u = 0; u < nU; u++) {
          if (prior.weights()[u] > 0) {
            System.arraycopy(prior.vectors(), u * d, p0, u * d, d);
          }
        }
      }
      Variable<TFloat32> userTable = variable("user_embeddings", p0, nU, d);
      Variable<TFloat32> userAcc = variable("user_embeddings_acc", fill(nU * d), nU, d);
      Variable<TFloat32> itemBias = variable("item_bias", new float[nI], nI);
      Variable<TFloat32> itemBiasAcc = variable("item_bias_acc", fill(nI), nI);

      List<Operand<TFloat32>> xs = new ArrayList<>();
      List<Operand<TFloat32>> regular = new ArrayList<>();
      Operand<TFloat32> pu = tf.gather(userTable, users, tf.constant(0));
      xs.add(pu);
      regular.add(tf.reduceSum(tf.math.square(pu), tf.constant(1)));

      Operand<TInt32> allItems = items;
      if (!mse) {
        negatives =
            tf.withName("negatives").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, k)));
        allItems =
            tf.concat(
                List.of(items, tf.reshape(negatives, tf.constant(new int[] {-1}))), tf.constant(0));
      }
      // item vectors of the positives and negatives, one gather for both
      Operand<TFloat32> itemRows = null;
      Variable<TFloat32> itemTable = null;
      Variable<TFloat32> itemAcc = null;
      Operand<TFloat32> idRows = null;
      if (c.itemIdEmbeddings()) {
        itemTable = variable("item_embeddings", normal(random, nI * d, c.initScale()), nI, d);
        itemAcc = variable("item_embeddings_acc", fill(nI * d), nI, d);
        idRows = tf.gather(itemTable, allItems, tf.constant(0));
        xs.add(idRows);
        itemRows = idRows;
      }
      List<Variable<TFloat32>> dense = new ArrayList<>();
      if (content != null) {
        int f = content.width();
        int h = c.contentHidden();
        Variable<TFloat32> contentTable = variable("item_content", content.values().clone(), nI, f);
        Variable<TFloat32> w1 = variable("tower_w1", glorot(random, f, h), f, h);
        Variable<TFloat32> b1 = variable("tower_b1", new float[h], h);
        Variable<TFloat32> w2 = variable("tower_w2", glorot(random, h, d), h, d);
        dense.add(w1);
        dense.add(b1);
        dense.add(w2);
        Operand<TFloat32> ci = tf.gather(contentTable, allItems, tf.constant(0));
        Operand<TFloat32> hidden = tf.nn.relu(tf.math.add(tf.linalg.matMul(ci, w1), b1));
        Operand<TFloat32> towerOut = tf.linalg.matMul(hidden, w2);
        itemRows = itemRows == null ? towerOut : tf.math.add(itemRows, towerOut);
      }
      Operand<TFloat32> biasRows = tf.gather(itemBias, allItems, tf.constant(0));
      xs.add(biasRows);
      Operand<TInt32> batch = tf.shape(users, TInt32.class);
      Operand<TFloat32> loss;
      Variable<TFloat32> userBias = null;
      Variable<TFloat32> userBiasAcc = null;
      Variable<TFloat32> mu = null;
      Operand<TFloat32> buRows = null;
      if (mse) {
        ratings =
            tf.withName("ratings").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
        userBias = variable("user_bias", new float[nU], nU);
        userBiasAcc = variable("user_bias_acc", fill(nU), nU);
        mu = variable("global_bias", new float[] {meanValue(data)}, 1);
        dense.add(mu);
        buRows = tf.gather(userBias, users, tf.constant(0));
        xs.add(buRows);
        Operand<TFloat32> pred =
            tf.math.add(
                tf.math.add(tf.reduceSum(tf.math.mul(pu, itemRows), tf.constant(1)), biasRows),
                tf.math.add(buRows, mu));
        loss = tf.math.mean(tf.math.square(tf.math.sub(pred, ratings)), tf.constant(0));
        if (idRows != null) {
          regular.add(tf.reduceSum(tf.math.square(idRows), tf.constant(1)));
        }
      } else {
        // rows 0..B-1 of itemRows are positives, B.. are the B*K negatives
        Operand<TFloat32> pos =
            tf.slice(
                itemRows,
                tf.constant(new int[] {0, 0}),
                tf.concat(List.of(batch, tf.constant(new int[] {-1})), tf.constant(0)));
        Operand<TFloat32> neg =
            tf.reshape(
                tf.slice(
                    itemRows,
                    tf.concat(List.of(batch, tf.constant(new int[] {0})), tf.constant(0)),
                    tf.constant(new int[] {-1, -1})),
                tf.constant(new int[] {-1, k, d}));
        Operand<TFloat32> posBias = tf.slice(biasRows, tf.constant(new int[] {0}), batch);
        Operand<TFloat32> negBias =
            tf.reshape(
                tf.slice(biasRows, batch, tf.constant(new int[] {-1})),
                tf.constant(new int[] {-1, k}));
        Operand<TFloat32> sp =
            tf.math.add(tf.reduceSum(tf.math.mul(pu, pos), tf.constant(1)), posBias);
        Operand<TFloat32> sn =
            tf.math.add(
                tf.reduceSum(tf.math.mul(tf.expandDims(pu, tf.constant(1)), neg), tf.constant(2)),
                negBias);
        if (softmax) {
          labels =
              tf.withName("labels")
                  .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, k + 1)));
          Operand<TFloat32> logits =
              tf.concat(List.of(tf.expandDims(sp, tf.constant(1)), sn), tf.constant(1));
          loss =
              tf.math.mean(
                  tf.nn.softmaxCrossEntropyWithLogits(logits, labels).loss(), tf.constant(0));
        } else {
          // -log sigmoid(x) = relu(-x) + log(1 + exp(-|x|)), averaged over the K pairs
          Operand<TFloat32> x = tf.math.sub(tf.expandDims(sp, tf.constant(1)), sn);
          Operand<TFloat32> nll =
              tf.math.add(
                  tf.nn.relu(tf.math.neg(x)),
                  tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(x)))));
          loss = tf.math.mean(tf.reshape(nll, tf.constant(new int[] {-1})), tf.constant(0));
        }
        if (idRows != null) {
          Operand<TFloat32> sq = tf.reduceSum(tf.math.square(idRows), tf.constant(1));
          Operand<TFloat32> sqPos = tf.slice(sq, tf.constant(new int[] {0}), batch);
          Operand<TFloat32> sqNeg =
              tf.reshape(
                  tf.slice(sq, batch, tf.constant(new int[] {-1})), tf.constant(new int[] {-1, k}));
          regular.add(sqPos);
          regular.add(tf.math.mean(sqNeg, tf.constant(1)));
        }
      }
      Operand<TFloat32> reg = regular.get(0);
      for (int r = 1; r < regular.size(); r++) {
        reg = tf.math.add(reg, regular.get(r));
      }
      loss =
          tf.math.add(
              loss, tf.math.mul(tf.constant((float) c.l2()), tf.math.mean(reg, tf.constant(0))));
      if (prior != null && c.priorWeight() > 0) {
        Variable<TFloat32> priorTable = variable("user_prior", prior.vectors().clone(), nU, d);
        Variable<TFloat32> priorWeights =
            variable("user_prior_weight", prior.weights().clone(), nU);
        Operand<TFloat32> diff = tf.math.sub(pu, tf.gather(priorTable, users, tf.constant(0)));
        Operand<TFloat32> pull =
            tf.math.mul(
                tf.gather(priorWeights, users, tf.constant(0)),
                tf.reduceSum(tf.math.square(diff), tf.constant(1)));
        loss =
            tf.math.add(
                loss,
                tf.math.mul(
                    tf.constant((float) c.priorWeight()), tf.math.mean(pull, tf.constant(0))));
      }
      Operand<TFloat32> totalLoss = tf.withName("loss").identity(loss);

      List<Operand<TFloat32>> targets = new ArrayList<>(xs);
      targets.addAll(dense);
      Output<?>[] grads =
          g.addGradients(
              "gradients",
              new Output<?>[] {totalLoss.asOutput()},
              targets.stream().map(Operand::asOutput).toArray(Output<?>[]::new),
              null);
      List<org.tensorflow.Operation> gradOps = new ArrayList<>();
      for (Output<?> gr : grads) {
        gradOps.add(gr.op());
      }
      gradOps.add(totalLoss.op());
      Ops after = tf.withControlDependencyOps(gradOps);
      Operand<TFloat32> lr = tf.constant((float) c.learningRate());
      Operand<TFloat32> eps = tf.constant(1e-7f);
      List<Op> updates = new ArrayList<>();
      int gi = 0;
      updates.add(sparseAdagrad(after, userTable, userAcc, lr, eps, cast(grads[gi++]), users));
      if (itemTable != null) {
        updates.add(sparseAdagrad(after, itemTable, itemAcc, lr, eps, cast(grads[gi++]), allItems));
      }
      updates.add(
          sparseAdagrad(after, itemBias, itemBiasAcc, lr, eps, cast(grads[gi++]), allItems));
      if (mse) {
        updates.add(sparseAdagrad(after, userBias, userBiasAcc, lr, eps, cast(grads[gi++]), users));
      }
      for (Variable<TFloat32> v : dense) {
        String name = v.op().name();
        Variable<TFloat32> acc =
            variable(name + "_acc", fill(init.get(name).length), v.shape().asArray());
        updates.add(after.train.applyAdagrad(v, acc, lr, cast(grads[gi++])));
      }
      step = tf.withControlDependencies(updates).withName("train_step").identity(totalLoss);
      for (Map.Entry<String, Variable<TFloat32>> e : vars.entrySet()) {
        Placeholder<TFloat32> feed =
            tf.withName(e.getKey() + "_init")
                .placeholder(TFloat32.class, Placeholder.shape(e.getValue().shape()));
        feeds.put(e.getKey(), feed);
        assigns.put(e.getKey(), tf.withName(e.getKey() + "_assign").assign(e.getValue(), feed));
      }
    }

    /**
     * Sparse Adagrad with the gradient rows of repeated indices summed first (as TensorFlow's own
     * optimizers deduplicate IndexedSlices), so every row is updated once per step: the kernel
     * shards indices over threads, and two shards updating the same row would race.
     */
    private static Op sparseAdagrad(
        Ops ops,
        Variable<TFloat32> var,
        Variable<TFloat32> acc,
        Operand<TFloat32> lr,
        Operand<TFloat32> eps,
        Operand<TFloat32> grad,
        Operand<TInt32> indices) {
      Unique<TInt32, TInt32> unique = ops.unique(indices, ops.constant(new int[] {0}));
      Operand<TFloat32> summed =
          ops.math.unsortedSegmentSum(grad, unique.idx(), ops.size(unique.y()));
      return ops.train.sparseApplyAdagrad(var, acc, lr, eps, summed, unique.y());
    }

    @SuppressWarnings("unchecked")
    private static Operand<TFloat32> cast(Output<?> o) {
      return (Operand<TFloat32>) o;
    }

    private Variable<TFloat32> variable(String name, float[] values, long... shape) {
      Variable<TFloat32> v = tf.withName(name).variable(Shape.of(shape), TFloat32.class);
      vars.put(name, v);
      init.put(name, values);
      return v;
    }

    void initialise(Session s) {
      Session.Runner r = s.runner();
      List<Tensor> open = new ArrayList<>();
      try {
        for (String name : vars.keySet()) {
          TFloat32 t = FloatTensors.of(init.get(name), vars.get(name).shape().asArray());
          open.add(t);
          r.feed(feeds.get(name), t).addTarget(assigns.get(name));
        }
        r.run().close();
      } finally {
        open.forEach(Tensor::close);
      }
    }

    Trained fit(Session s) {
      int n = data.size();
      int b = c.batchSize();
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      SplittableRandom shuffle = new SplittableRandom(c.seed() ^ 0x5DEECE66DL);
      NegativeSampler sampler = mse ? null : new NegativeSampler(data, c.seed() + 17);
      List<Double> losses = new ArrayList<>();
      int[] u = new int[b];
      int[] it = new int[b];
      int[] neg = new int[b * Math.max(1, k)];
      float[] y = new float[b];
      float[] lab = softmax ? new float[b * (k + 1)] : null;
      if (lab != null) {
        for (int j = 0; j < b; j++) {
          lab[j * (k + 1)] = 1f;
        }
      }
      long start = System.nanoTime();
      for (int epoch = 0; epoch < c.epochs(); epoch++) {
        for (int i = n - 1; i > 0; i--) {
          int j = shuffle.nextInt(i + 1);
          int t = order[i];
          order[i] = order[j];
          order[j] = t;
        }
        double sum = 0;
        for (int from = 0; from < n; from += b) {
          int m = Math.min(b, n - from);
          for (int j = 0; j < m; j++) {
            int row = order[from + j];
            u[j] = data.user(row);
            it[j] = data.item(row);
            y[j] = data.value(row);
            for (int q = 0; q < k; q++) {
              neg[j * k + q] = sampler.sample(u[j]);
            }
          }
          List<Tensor> open = new ArrayList<>();
          try {
            TInt32 ut = ints(u, m, m);
            open.add(ut);
            TInt32 itt = ints(it, m, m);
            open.add(itt);
            Session.Runner r = s.runner().feed(users, ut).feed(items, itt);
            if (mse) {
              TFloat32 yt = FloatTensors.of(Arrays.copyOf(y, m), m);
              open.add(yt);
              r.feed(ratings, yt);
            } else {
              TInt32 nt = ints(neg, m * k, m, k);
              open.add(nt);
              r.feed(negatives, nt);
              if (softmax) {
                TFloat32 lt = FloatTensors.of(Arrays.copyOf(lab, m * (k + 1)), m, k + 1);
                open.add(lt);
                r.feed(labels, lt);
              }
            }
            try (Result res = r.fetch(step).run()) {
              float loss = ((TFloat32) res.get(0)).getFloat();
              if (!Float.isFinite(loss)) {
                throw new GraftException(
                    RecommenderErrors.TRAINING_DIVERGED,
                    "the "
                        + c.objective()
                        + " loss became "
                        + loss
                        + " in epoch "
                        + (epoch + 1)
                        + "; lower the learning rate ("
                        + c.learningRate()
                        + ") or raise l2.");
              }
              sum += loss * m;
            }
          } finally {
            open.forEach(Tensor::close);
          }
        }
        losses.add(sum / n);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Trained(read(s), new TrainingReport(c.epochs(), losses, n, seconds));
    }

    private FactorModel read(Session s) {
      Session.Runner r = s.runner();
      List<String> names = new ArrayList<>(vars.keySet());
      names.forEach(name -> r.fetch(vars.get(name)));
      Map<String, float[]> v = new LinkedHashMap<>();
      try (Result res = r.run()) {
        for (int i = 0; i < names.size(); i++) {
          v.put(names.get(i), FloatTensors.toArray((TFloat32) res.get(i)));
        }
      }
      ContentTower tower = null;
      float[] itemVectors =
          v.containsKey("item_embeddings") ? v.get("item_embeddings") : new float[nI * d];
      if (content != null) {
        tower =
            new ContentTower(
                content.width(),
                c.contentHidden(),
                d,
                v.get("tower_w1"),
                v.get("tower_b1"),
                v.get("tower_w2"));
        for (int i = 0; i < nI; i++) {
          float[] t = tower.apply(content.row(i));
          for (int q = 0; q < d; q++) {
            itemVectors[i * d + q] += t[q];
          }
        }
      }
      return new FactorModel(
          c.objective(),
          d,
          data.userIds(),
          data.catalog(),
          v.get("user_embeddings"),
          mse ? v.get("user_bias") : new float[nU],
          itemVectors,
          v.get("item_bias"),
          mse ? v.get("global_bias")[0] : 0f,
          tower);
    }
  }

  private static TInt32 ints(int[] values, int count, long... shape) {
    TInt32 t = TInt32.tensorOf(Shape.of(shape));
    t.asRawTensor().data().asInts().write(values, 0, count);
    return t;
  }

  private static float meanValue(Interactions data) {
    double s = 0;
    for (int r = 0; r < data.size(); r++) {
      s += data.value(r);
    }
    return (float) (s / data.size());
  }

  private static float[] fill(int n) {
    float[] a = new float[n];
    Arrays.fill(a, ACCUMULATOR_INIT);
    return a;
  }

  private static float[] normal(SplittableRandom r, int n, double scale) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      double u1 = Math.max(1e-300, r.nextDouble());
      a[i] =
          (float) (scale * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * r.nextDouble()));
    }
    return a;
  }

  private static float[] glorot(SplittableRandom r, int in, int out) {
    float limit = (float) Math.sqrt(6.0 / (in + out));
    float[] a = new float[in * out];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) ((r.nextDouble() * 2 - 1) * limit);
    }
    return a;
  }
}
