package dev.graft.engine.run;

/**
 * A feature vector projected to 2-D (PCA) for the report's source-vs-target plot.
 *
 * @param x first principal component
 * @param y second principal component
 * @param group {@code source} or {@code target}
 * @param label the class index
 */
public record ProjectedPoint(double x, double y, String group, int label) {}
