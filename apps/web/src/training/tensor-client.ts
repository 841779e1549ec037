import type { ActivationInfo } from '@rrelu/activations';
import type { RunConfig } from '@rrelu/trainer';
import type {
  BackendReport,
  NamedWeights,
  SlopeFacts,
  TensorReply,
  TensorRequest,
} from '../workers/protocol.js';

type Reply<T extends TensorReply['type']> = Extract<TensorReply, { type: T }>;
type Options = Readonly<Record<string, string | number>>;

/** A failure reported by a worker, with the URL it concerns when there is one. */
export class WorkerFailure extends Error {
  readonly url: string | undefined;

  constructor(message: string, url?: string) {
    super(message);
    this.name = 'WorkerFailure';
    this.url = url;
  }
}

/**
 * The page's handle on the tensor worker: a second wasm backend for the
 * digit pad's predictions and the explorer's curves, so they keep working
 * while the training worker is busy. Every call returns a promise.
 */
export class TensorClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (reply: TensorReply) => void; reject: (error: Error) => void }
  >();
  readonly ready: Promise<BackendReport>;

  constructor(wasm: { wasmBase: string; wasmBuild: string }) {
    this.worker = new Worker(new URL('../workers/tensor-worker.ts', import.meta.url), {
      type: 'module',
      name: 'tensors',
    });
    this.worker.addEventListener('message', (message: MessageEvent<TensorReply>) => {
      const reply = message.data;
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.type === 'failure') waiting?.reject(new WorkerFailure(reply.message, reply.url));
      else waiting?.resolve(reply);
    });
    this.ready = this.call<'ready'>({ type: 'init', id: 0, ...wasm }).then((r) => r.backend);
  }

  async registry(): Promise<ActivationInfo[]> {
    return (await this.call<'registry'>({ type: 'registry', id: 0 })).activations;
  }

  async loadModel(runId: string, config: RunConfig, weights: NamedWeights[]): Promise<void> {
    await this.call<'ok'>({ type: 'load-model', id: 0, runId, config, weights });
  }

  async predict(pixels: Float32Array<ArrayBuffer>): Promise<Record<string, number[]>> {
    return (await this.call<'probabilities'>({ type: 'predict', id: 0, pixels })).byRun;
  }

  async curve(
    activation: string,
    options: Options,
    xs: number[],
    training: boolean,
  ): Promise<{ y: number[]; dydx: number[]; facts: SlopeFacts | null }> {
    const reply = await this.call<'curve'>({
      type: 'curve',
      id: 0,
      activation,
      options,
      xs,
      training,
    });
    return { y: reply.y, dydx: reply.dydx, facts: reply.facts };
  }

  async slopes(
    activation: string,
    options: Options,
    count: number,
  ): Promise<{ slopes: Float32Array; facts: SlopeFacts | null }> {
    const reply = await this.call<'slopes'>({ type: 'slopes', id: 0, activation, options, count });
    return { slopes: reply.slopes, facts: reply.facts };
  }

  private call<T extends TensorReply['type']>(request: TensorRequest): Promise<Reply<T>> {
    const id = this.nextId++;
    return new Promise<Reply<T>>((resolve, reject) => {
      this.pending.set(id, {
        resolve: (reply) => resolve(reply as Reply<T>),
        reject,
      });
      this.worker.postMessage({ ...request, id });
    });
  }
}
