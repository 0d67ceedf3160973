/**
 * Pretraining vision source models: {@link dev.graft.vision.pretrain.Pretrainer} trains a {@link
 * dev.graft.vision.recipe.VisionRecipes recipe} on a labelled image data set with the TensorFlow
 * toolkit and stores it in Graft's model store (SavedModel + {@code graft-model.json} with the
 * {@code image} input spec), where the host's {@code model-store} source loader offers it; {@link
 * dev.graft.vision.pretrain.PretrainCommand} is {@code graft pretrain vision}.
 */
package dev.graft.vision.pretrain;
