package dev.graft.tensorflow.nn;

import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;

/**
 * One forward pass of a network built into a graph (the inference pass or the training pass).
 *
 * @param layerOutputs every layer's output, by layer name (plus "input")
 * @param outputs the last layer's output (logits for classification)
 * @param features the features layer's output
 * @param updates ops that must run with every training step (batch-norm moving statistics); empty
 *     for the inference pass
 */
public record ForwardPass(
    Map<String, Operand<TFloat32>> layerOutputs,
    Operand<TFloat32> outputs,
    Operand<TFloat32> features,
    List<Op> updates) {}
