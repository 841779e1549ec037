import {
  type Activation,
  createActivation,
  listActivations,
  type RreluOptions,
  rreluSlopeDistribution,
} from '@rrelu/activations';
import type { Sequential } from '@rrelu/layers';
import { buildModel, runSeeds } from '@rrelu/trainer';
import * as tf from '@tensorflow/tfjs-core';
import { writeWeights } from './model-weights.js';
import type { SlopeFacts, TensorReply, TensorRequest } from './protocol.js';
import { startWasmBackend } from './wasm-backend.js';
import { WasmLoadError } from './wasm-magic.js';

/** Pixels of one MNIST image. */
const FEATURES = 784;
/** MNIST classes. */
const CLASSES = 10;

const models = new Map<string, Sequential>();
let queue: Promise<void> = Promise.resolve();

const post = (reply: TensorReply, transfer: Transferable[] = []): void =>
  self.postMessage(reply, { transfer });

// Requests are handled one at a time, in order, so `init` finishes before any use.
self.addEventListener('message', (message: MessageEvent<TensorRequest>) => {
  const request = message.data;
  queue = queue.then(() => handle(request)).catch((error: unknown) => fail(request.id, error));
});

async function handle(request: TensorRequest): Promise<void> {
  switch (request.type) {
    case 'init': {
      const { wasmBase, wasmBuild } = request;
      post({
        type: 'ready',
        id: request.id,
        backend: await startWasmBackend({ wasmBase, wasmBuild }),
      });
      return;
    }
    case 'registry':
      post({ type: 'registry', id: request.id, activations: [...listActivations()] });
      return;
    case 'load-model': {
      const seeds = runSeeds(request.config.seed);
      const model = buildModel(request.config, FEATURES, CLASSES, seeds.init, seeds.noise);
      writeWeights(model, request.weights);
      models.get(request.runId)?.dispose();
      models.set(request.runId, model);
      post({ type: 'ok', id: request.id });
      return;
    }
    case 'drop-model':
      models.get(request.runId)?.dispose();
      models.delete(request.runId);
      post({ type: 'ok', id: request.id });
      return;
    case 'predict':
      post({ type: 'probabilities', id: request.id, byRun: predictAll(request.pixels) });
      return;
    case 'curve': {
      const activation = createActivation(request.activation, request.options);
      const { y, dydx } = curve(activation, request.xs, request.training);
      post({ type: 'curve', id: request.id, y, dydx, facts: slopeFacts(request) });
      return;
    }
    case 'slopes': {
      const activation = createActivation(request.activation, request.options);
      const slopes = drawSlopes(activation, request.count);
      post({ type: 'slopes', id: request.id, slopes, facts: slopeFacts(request) }, [slopes.buffer]);
      return;
    }
  }
}

/** Softmax probabilities of one 28×28 image from every loaded model. */
function predictAll(pixels: Float32Array): Record<string, number[]> {
  const byRun: Record<string, number[]> = {};
  for (const [runId, model] of models) {
    byRun[runId] = tf.tidy(() => {
      const x = tf.tensor2d(pixels, [1, FEATURES]); // [1, 784]
      const logits = model.forward(x, { training: false }); // [1, 10]
      return [...tf.softmax(logits).dataSync()];
    });
  }
  return byRun;
}

/** f(x) and f'(x) at each x; learned activations use their initial parameter. */
function curve(activation: Activation, xs: number[], training: boolean) {
  return tf.tidy(() => {
    const x = tf.tensor2d(xs, [1, xs.length]); // [1, n]
    const shape = activation.parameterShape([xs.length]);
    const alpha = shape === null ? undefined : tf.fill(shape, activation.initialParameter ?? 0);
    const { y, dydx } = activation.forward(x, { training }, alpha);
    return { y: [...y.dataSync()], dydx: [...dydx.dataSync()] };
  });
}

/**
 * Negative-side slopes drawn by the activation itself in training mode: the
 * derivative at x = −1. A per-layer convention draws one slope per call.
 */
function drawSlopes(activation: Activation, count: number): Float32Array<ArrayBuffer> {
  const slopes = new Float32Array(count);
  const perCall = activation.config.noise === 'layer' ? 1 : count;
  for (let filled = 0; filled < count; filled += perCall) {
    const drawn = curve(activation, new Array<number>(perCall).fill(-1), true).dydx;
    slopes.set(drawn.slice(0, count - filled), filled);
  }
  return slopes;
}

function slopeFacts(request: { activation: string; options: object }): SlopeFacts | null {
  if (request.activation !== 'rrelu') return null;
  const { min, max, mean, std, evaluationSlope } = rreluSlopeDistribution(
    request.options as RreluOptions,
  );
  return { min, max, mean, std, evaluationSlope };
}

function fail(id: number, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const url = error instanceof WasmLoadError ? error.url : undefined;
  post({ type: 'failure', id, message, ...(url === undefined ? {} : { url }) });
}
