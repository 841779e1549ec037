import type { FetchProgress } from '@rrelu/data-mnist';
import type { ActivationInfo } from '@rrelu/activations';
import type { GridSpec, RunConfig, TrainEvent } from '@rrelu/trainer';
import type { SplitSizes } from './dataset-subset.js';
import type { WasmBuild } from './wasm-backend.js';

/** What the wasm backend runs with, as shown on the page. */
export interface BackendReport {
  simd: boolean;
  /** Threads XNNPACK uses; above 1 only with the threaded build. */
  threads: number;
  /** `navigator.hardwareConcurrency` in the worker; tfjs uses at most half of it. */
  logicalCores: number;
  /** The build asked for with `?wasmBuild=`. */
  build: WasmBuild;
  /** The binary that was loaded. */
  file: string;
  url: string;
  crossOriginIsolated: boolean;
}

/** A learned or state tensor of a trained model, by its layer-qualified name. */
export interface NamedWeights {
  name: string;
  shape: number[];
  values: Float32Array<ArrayBuffer>;
}

/** One run the training worker is asked to do. */
export interface RunRequest {
  id: string;
  config: RunConfig;
}

/** Where a failure happened, for the page's message. */
export type FailureStage = 'wasm' | 'data' | 'train';

/** Messages from the page to the training worker. */
export type TrainRequest =
  | {
      type: 'init';
      wasmBase: string;
      /** `?wasmBuild=` as typed; the worker checks it. */
      wasmBuild: string;
      dataBase: string;
      /** Int32 pause/cancel flags; null without cross-origin isolation. */
      control: SharedArrayBuffer | null;
    }
  | { type: 'run'; grid: GridSpec; split: SplitSizes };

/** Messages from the training worker to the page. */
export type TrainReply =
  | { type: 'backend'; backend: BackendReport }
  | { type: 'data-progress'; progress: FetchProgress }
  /** Examples in the training file (each run cuts its validation and training splits from it) and in the test file. */
  | { type: 'data-ready'; trainFile: number; test: number }
  | { type: 'planned'; runs: RunRequest[] }
  | { type: 'event'; runId: string; event: TrainEvent }
  | { type: 'weights'; runId: string; weights: NamedWeights[] }
  | { type: 'paused'; paused: boolean }
  | { type: 'queue-done' }
  | { type: 'failure'; stage: FailureStage; message: string; url?: string };

/** Messages from the page to the tensor worker (inference and activation curves). */
export type TensorRequest =
  | { type: 'init'; id: number; wasmBase: string; wasmBuild: string }
  | { type: 'registry'; id: number }
  | { type: 'load-model'; id: number; runId: string; config: RunConfig; weights: NamedWeights[] }
  | { type: 'drop-model'; id: number; runId: string }
  | { type: 'predict'; id: number; pixels: Float32Array<ArrayBuffer> }
  | {
      type: 'curve';
      id: number;
      activation: string;
      options: Readonly<Record<string, string | number>>;
      xs: number[];
      training: boolean;
    }
  | {
      type: 'slopes';
      id: number;
      activation: string;
      options: Readonly<Record<string, string | number>>;
      count: number;
    };

/** Closed-form facts of RReLU's slope for one convention. */
export interface SlopeFacts {
  min: number;
  max: number;
  mean: number;
  std: number;
  evaluationSlope: number;
}

/** Replies of the tensor worker, matched to requests by `id`. */
export type TensorReply =
  | { type: 'ready'; id: number; backend: BackendReport }
  | { type: 'ok'; id: number }
  | { type: 'registry'; id: number; activations: ActivationInfo[] }
  | { type: 'probabilities'; id: number; byRun: Record<string, number[]> }
  | { type: 'curve'; id: number; y: number[]; dydx: number[]; facts: SlopeFacts | null }
  | { type: 'slopes'; id: number; slopes: Float32Array<ArrayBuffer>; facts: SlopeFacts | null }
  | { type: 'failure'; id: number; message: string; url?: string };
