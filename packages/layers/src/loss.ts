import * as tf from '@tensorflow/tfjs-core';

/** Mean softmax cross-entropy of a batch and its gradient with respect to the logits. */
export interface LossAndGradient {
  /** Scalar mean loss over the batch. */
  loss: tf.Scalar;
  /** dL/dlogits = (softmax(logits) − onehot(labels)) / B. */
  dLogits: tf.Tensor2D;
  /** Number of examples whose arg-max logit equals the label. */
  correct: tf.Scalar;
}

/**
 * Softmax cross-entropy on logits, L = mean_i(logsumexp(z_i) − z_i[label_i]),
 * computed through log-softmax for stability, with its exact gradient.
 *
 * @param logits [B, classes]
 * @param labels [B] int32 class indices
 */
export function softmaxCrossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D): LossAndGradient {
  const [batch, classes] = logits.shape;
  if (labels.shape[0] !== batch) {
    throw new RangeError(`softmaxCrossEntropy: ${labels.shape[0]} labels for ${batch} logits rows`);
  }

  const onehot = tf.oneHot(labels, classes); // [B, classes]
  const logProbabilities = tf.logSoftmax(logits); // [B, classes]
  const loss = tf.neg(tf.div(tf.sum(tf.mul(onehot, logProbabilities)), batch)) as tf.Scalar;
  const dLogits = tf.div(tf.sub(tf.exp(logProbabilities), onehot), batch) as tf.Tensor2D;
  return { loss, dLogits, correct: countCorrect(logits, labels) };
}

/** How many rows of `logits` have their arg-max at the label. */
export function countCorrect(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), labels), 'int32')) as tf.Scalar;
}
