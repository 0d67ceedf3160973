package dev.graft.engine.estimate.internal;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs independent work items on all available cores. A pool is created per call and shut down
 * afterwards, so nothing lingers in an embedding application; callers use it only for work that
 * takes far longer than starting a few threads.
 */
public final class Parallel {

  private Parallel() {}

  /**
   * The number of worker threads heavy kernels use: the available processors.
   *
   * @return at least 1
   */
  public static int threads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Calls {@code body} for every item in {@code [0, count)}, items handed out dynamically to at
   * most {@code threads} threads. Runs inline when one thread suffices.
   *
   * @param count number of items
   * @param threads maximum number of threads
   * @param body the work for one item
   */
  public static void forEach(int count, int threads, IntConsumer body) {
    int workers = Math.min(count, Math.max(1, threads));
    if (workers <= 1) {
      for (int i = 0; i < count; i++) {
        body.accept(i);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, "graft-estimate");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> futures = new ArrayList<>(workers);
      for (int w = 0; w < workers; w++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int i; (i = next.getAndIncrement()) < count; ) {
                    body.accept(i);
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GraftException(GraftErrors.INTERNAL, "estimation was interrupted.", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new GraftException(GraftErrors.INTERNAL, "a parallel estimator task failed.", cause);
    } finally {
      pool.shutdownNow();
    }
  }
}
