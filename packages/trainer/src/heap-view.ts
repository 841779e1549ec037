import { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';

/**
 * A live Float32Array over a float32 tensor's memory on the wasm backend, or
 * null elsewhere. Writing through the view changes the tensor in place, so
 * use it only on tensors the caller owns (variables it created, gradients it
 * computed), and take a fresh view after any tfjs op: a heap that grows
 * replaces its buffer.
 */
export function heapView(tensor: tf.Tensor): Float32Array | null {
  const backend = tf.backend();
  if (!(backend instanceof BackendWasm) || tensor.dtype !== 'float32') return null;
  const view = backend.typedArrayFromHeap(tensor);
  return view instanceof Float32Array ? view : null;
}
