package dev.graft.engine.run;

/**
 * One point of a learning curve: the winner-deciding metric at a label budget.
 *
 * @param labelsPerClass labelled target examples per class
 * @param mean mean over seeds
 * @param lower lower end of the 95% interval
 * @param upper upper end of the 95% interval
 */
public record CurvePoint(int labelsPerClass, double mean, double lower, double upper) {}
