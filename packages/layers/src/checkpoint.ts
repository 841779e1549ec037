import * as tf from '@tensorflow/tfjs-core';
import { canonicalJson } from './canonical-json.js';
import type { Sequential } from './sequential.js';

/** The `format` field of every weights manifest. */
export const CHECKPOINT_FORMAT = 'rrelu-weights';
/** Version of the manifest layout; loading refuses any other. */
export const CHECKPOINT_VERSION = 2;

/** One layer as the manifest records it: its name and its one-line description. */
export interface LayerDescription {
  name: string;
  description: string;
}

/** The network a checkpoint was taken from. */
export interface ArchitectureDescription {
  inputUnits: number;
  outputUnits: number;
  layers: LayerDescription[];
}

/**
 * The JSON half of a checkpoint: tfjs-core weight-spec entries (name, shape,
 * dtype) in the order their bytes appear in `data`, the byte length and the
 * SHA-256 of `data`, the architecture, and free-form metadata of the caller.
 */
export interface WeightsManifest<Meta = unknown> {
  format: typeof CHECKPOINT_FORMAT;
  formatVersion: typeof CHECKPOINT_VERSION;
  architecture: ArchitectureDescription;
  weights: tf.io.WeightsManifestEntry[];
  byteLength: number;
  /** Lower-case hex SHA-256 of `data`. */
  sha256: string;
  metadata: Meta;
  /**
   * SHA-256 of the canonical JSON of every other field, so an edited
   * architecture or metadata (an activation name, say) is refused too.
   */
  manifestSha256: string;
}

/** A checkpoint: the manifest (JSON-safe) and the concatenated tensor bytes. */
export interface SavedWeights<Meta = unknown> {
  manifest: WeightsManifest<Meta>;
  data: ArrayBuffer;
}

/** Why a checkpoint was refused. */
export type CheckpointErrorCode =
  | 'format'
  | 'version'
  | 'length'
  | 'checksum'
  | 'missing'
  | 'unexpected'
  | 'shape'
  | 'dtype';

/** A checkpoint that cannot be loaded; the message names the tensor and what differs. */
export class CheckpointError extends Error {
  readonly code: CheckpointErrorCode;

  constructor(code: CheckpointErrorCode, message: string) {
    super(message);
    this.name = 'CheckpointError';
    this.code = code;
  }
}

/** Options of {@link saveWeights}. */
export interface SaveWeightsOptions<Meta> {
  /** More tensors to store after the model's (optimizer slots, say); names must not clash. */
  extra?: readonly { name: string; tensor: tf.Tensor }[];
  /** Stored as-is in the manifest; must be JSON-serializable. */
  metadata?: Meta;
}

/**
 * Saves a built model's trainable parameters and state (batch norm's moving
 * statistics) with tfjs-core's `io.encodeWeights`, plus the architecture, the
 * byte length and a SHA-256 of the bytes, so that {@link loadWeights} can
 * refuse a truncated or altered file.
 *
 * @example
 * const { manifest, data } = await saveWeights(model);
 * await loadWeights(otherModel, { manifest, data });
 */
export async function saveWeights<Meta = null>(
  model: Sequential,
  options: SaveWeightsOptions<Meta> = {},
): Promise<SavedWeights<Meta>> {
  const tensors = [
    ...modelTensors(model).map(({ name, value }) => ({ name, tensor: value as tf.Tensor })),
    ...(options.extra ?? []),
  ];
  const names = tensors.map((t) => t.name);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated !== undefined) {
    throw new RangeError(`saveWeights: tensor name "${repeated}" appears twice`);
  }

  const { data, specs } = await tf.io.encodeWeights(tensors);
  const unsigned: Omit<WeightsManifest<Meta>, 'manifestSha256'> = {
    format: CHECKPOINT_FORMAT,
    formatVersion: CHECKPOINT_VERSION,
    architecture: describeArchitecture(model),
    weights: specs,
    byteLength: data.byteLength,
    sha256: await sha256Hex(data),
    metadata: (options.metadata ?? null) as Meta,
  };
  const manifest: WeightsManifest<Meta> = {
    ...unsigned,
    manifestSha256: await manifestDigest(unsigned),
  };
  return { manifest, data };
}

/**
 * Checks a checkpoint's format, version, byte length and SHA-256, then decodes
 * every tensor. The caller owns (and disposes) the returned tensors.
 *
 * @throws {@link CheckpointError} on any mismatch; nothing is decoded then.
 */
export async function decodeCheckpoint(saved: SavedWeights): Promise<Map<string, tf.Tensor>> {
  const { manifest, data } = saved;

  if (manifest.format !== CHECKPOINT_FORMAT) {
    throw new CheckpointError(
      'format',
      `not an rrelu weights manifest: format is ${JSON.stringify(manifest.format)}, expected "${CHECKPOINT_FORMAT}"`,
    );
  }
  if (manifest.formatVersion !== CHECKPOINT_VERSION) {
    throw new CheckpointError(
      'version',
      `weights manifest version ${JSON.stringify(manifest.formatVersion)} is not supported; this version reads ${CHECKPOINT_VERSION}`,
    );
  }
  const { manifestSha256, ...unsigned } = manifest;
  const manifestDigestNow = await manifestDigest(unsigned);
  if (manifestDigestNow !== manifestSha256) {
    throw new CheckpointError(
      'checksum',
      `weights manifest SHA-256 is ${manifestDigestNow}, it records ${String(manifestSha256)} (the manifest was edited)`,
    );
  }
  const expectedBytes = manifest.weights.reduce((sum, spec) => sum + specBytes(spec), 0);
  if (data.byteLength !== manifest.byteLength || data.byteLength !== expectedBytes) {
    throw new CheckpointError(
      'length',
      `weights data has ${data.byteLength} bytes; the manifest records ${manifest.byteLength} and its tensors need ${expectedBytes} (truncated or wrong file?)`,
    );
  }
  const digest = await sha256Hex(data);
  if (digest !== manifest.sha256) {
    throw new CheckpointError(
      'checksum',
      `weights data SHA-256 is ${digest}, the manifest records ${manifest.sha256} (the file was altered or belongs to another manifest)`,
    );
  }

  return new Map(Object.entries(tf.io.decodeWeights(data, manifest.weights)));
}

/** Options of {@link loadWeights}. */
export interface LoadWeightsOptions {
  /** Tensors of the checkpoint that are not the model's and must not count as unexpected. */
  ignore?: (name: string) => boolean;
}

/**
 * Loads a checkpoint into a built model of the same shape. Every check runs
 * before any variable is written, so a refused checkpoint leaves the model as
 * it was: integrity (see {@link decodeCheckpoint}), then for every model
 * tensor its presence, shape and dtype, and no tensor left over.
 *
 * @returns The checkpoint tensors that are not the model's (e.g. optimizer
 *   slots), for the caller to use and dispose.
 * @throws {@link CheckpointError} naming the tensor and both shapes.
 */
export async function loadWeights(
  model: Sequential,
  saved: SavedWeights,
  options: LoadWeightsOptions = {},
): Promise<Map<string, tf.Tensor>> {
  const decoded = await decodeCheckpoint(saved);
  const release = () => {
    for (const tensor of decoded.values()) tensor.dispose();
  };

  try {
    const targets = modelTensors(model);
    for (const { name, value } of targets) {
      const tensor = decoded.get(name);
      if (tensor === undefined) {
        throw new CheckpointError(
          'missing',
          `checkpoint has no tensor "${name}" (the model needs shape [${value.shape}])`,
        );
      }
      if (!sameShape(tensor.shape, value.shape)) {
        throw new CheckpointError(
          'shape',
          `tensor "${name}" has shape [${tensor.shape}] in the checkpoint but [${value.shape}] in the model`,
        );
      }
      if (tensor.dtype !== value.dtype) {
        throw new CheckpointError(
          'dtype',
          `tensor "${name}" is ${tensor.dtype} in the checkpoint but ${value.dtype} in the model`,
        );
      }
    }
    const own = new Set(targets.map((t) => t.name));
    const leftover = [...decoded.keys()].filter((n) => !own.has(n) && !options.ignore?.(n));
    if (leftover.length > 0) {
      throw new CheckpointError(
        'unexpected',
        `checkpoint has tensors the model lacks: ${leftover.join(', ')} (a different network?)`,
      );
    }

    for (const { name, value } of targets) value.assign(decoded.get(name) as tf.Tensor);
  } catch (error) {
    release();
    throw error;
  }

  const rest = new Map<string, tf.Tensor>();
  for (const [name, tensor] of decoded) {
    if (modelTensorNames(model).has(name)) tensor.dispose();
    else rest.set(name, tensor);
  }
  return rest;
}

/** The architecture of a built model, as the manifest records it. */
export function describeArchitecture(model: Sequential): ArchitectureDescription {
  return {
    inputUnits: model.inputSize,
    outputUnits: model.outputSize,
    layers: model.layers.map((layer) => ({ name: layer.name, description: layer.describe() })),
  };
}

function modelTensors(model: Sequential): { name: string; value: tf.Variable }[] {
  return [...model.parameters(), ...model.state()].map(({ name, value }) => ({ name, value }));
}

function modelTensorNames(model: Sequential): Set<string> {
  return new Set(modelTensors(model).map((t) => t.name));
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((size, i) => size === b[i]);
}

const DTYPE_BYTES: Readonly<Record<string, number>> = { float32: 4, int32: 4, bool: 1 };

function specBytes(spec: tf.io.WeightsManifestEntry): number {
  const bytes = DTYPE_BYTES[spec.dtype];
  if (bytes === undefined || spec.quantization !== undefined) {
    throw new CheckpointError(
      'dtype',
      `tensor "${spec.name}" has dtype ${spec.dtype}${spec.quantization ? ' (quantized)' : ''}; expected float32, int32 or bool`,
    );
  }
  return spec.shape.reduce((n, size) => n * size, 1) * bytes;
}

/** SHA-256 of a manifest's fields other than its own digest, as canonical JSON. */
function manifestDigest(fields: Omit<WeightsManifest, 'manifestSha256'>): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(fields));
  return sha256Hex(bytes.buffer);
}

async function sha256Hex(data: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', data));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
