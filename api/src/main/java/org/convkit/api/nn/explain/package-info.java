/**
 * Interpretability of classifiers: which parts of an input a class score depends on.
 *
 * <p>Every method explains one input {@code [C, spatial...]} (1-d: channels over time; 2-d: images;
 * 3-d: volumes) and one class, through a {@link org.convkit.api.nn.explain.Scorer} (the model's
 * logits in evaluation mode, with the model file's normalisation applied first):
 * <ul>
 * <li>{@link org.convkit.api.nn.explain.Saliency}: the gradient of the class logit with respect to
 * the input (Simonyan et al. 2014), optionally averaged over noisy copies (SmoothGrad);</li>
 * <li>{@link org.convkit.api.nn.explain.Shapley}: Shapley values of input segments (time windows,
 * patches or blocks) estimated by permutation sampling, summing to {@code f(x) - f(baseline)};</li>
 * <li>{@link org.convkit.api.nn.explain.Occlusion}: the drop of the class score when a sliding patch
 * is set to the baseline (Zeiler &amp; Fergus 2014);</li>
 * <li>{@link org.convkit.api.nn.explain.FeatureMaps}: a layer's feature maps and the first layer's
 * filters.</li>
 * </ul>
 * Results are deterministic: the same seed gives the same bits whatever the thread count. The model
 * is used (its cached activations change) but its parameters, gradients and trainable flags are
 * left as they were.
 */
package org.convkit.api.nn.explain;
